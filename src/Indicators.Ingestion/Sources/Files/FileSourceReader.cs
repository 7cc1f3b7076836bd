using System.Globalization;
using Dapper;
using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Reads a file source: every pending file — uploads not yet read, and files in the watched folder whose content (by
/// SHA-256) this source has not read before; a full refresh reads every folder file again.
/// <para>
/// Rules, stated once:
/// <list type="bullet">
/// <item>Files are read oldest first (uploads by upload time, folder files by last write time). When two files give the
/// same indicator, period, area and gender, <b>the later file wins</b>: a corrected delivery is dropped in after the
/// original. Each file that replaces values of an earlier one says so in a warning.</item>
/// <item>Each file is held to its mapping's rejected-share rule (<see cref="FileMapping.MaxRejectedShare"/>), counting
/// rows the file reader rejects and rows whose indicator is not linked to the source or whose area is unknown. A file
/// over the rule is <b>quarantined</b> (<see cref="FileQuarantinedException"/>): its run fails naming it and stores
/// nothing, the runner records the quarantine with every rejected row, and later runs — the next one started at once
/// when other files wait — skip the file until an analyst reads its approved rows anyway (the rule is then not held
/// against that file) or discards it. Quarantined and discarded folder files are known by their hash, like read ones.</item>
/// <item>Row problems name the file, the row and the column.</item>
/// <item>The watched folder is read only inside the configured roots (<see cref="FileRoots"/>), checked again at every run:
/// a folder outside fails the run, a file that is a symlink out of the roots is left unread with a warning.</item>
/// <item>The files read are marked as read in the run's own transaction (<see cref="SourceReadResult.OnCommit"/>), so a
/// failed run leaves them pending and a successful one never reads them twice.</item>
/// </list>
/// </para>
/// </summary>
public sealed class FileSourceReader(SourceQueries sources, SourceFiles files, FileRoots roots, TimeProvider time) : ISourceReader, ISampleReader
{
    public SourceKind Kind => SourceKind.File;

    public async Task<SourceReadResult> ReadAsync(
        SourceDefinition source, RunMode mode, DateTimeOffset? lastSuccess, IProgress<ReadProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        var settings = FileSourceSettings.Parse(source.Settings, source.Name);
        var mapping = settings.EffectiveMapping;
        var (pending, refused) = await PendingAsync(source, settings, mode, cancellationToken);
        if (pending.Count == 0)
        {
            return refused.Count == 0 ? SourceReadResult.Empty : new SourceReadResult([], refused, []);
        }

        var indicators = await sources.IndicatorsOfAsync(source.Id, cancellationToken);
        var (rows, warnings, rejected, quarantine) = await ReadFilesAsync(pending, mapping, indicators, progress, cancellationToken);
        warnings.InsertRange(0, refused);
        if (quarantine is not null)
        {
            throw Quarantined(source.Id, quarantine, pending.Count, new SourceReadResult(rows, warnings, rejected));
        }

        var uploadIds = pending.Where(f => f.FileId is not null).Select(f => f.FileId!.Value).ToArray();
        var folderFiles = pending.Where(f => f.FileId is null).ToList();
        return new SourceReadResult(rows, warnings, rejected)
        {
            OnCommit = async (connection, transaction, runId, ct) =>
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    update source_file set ingested_run_id = @RunId, ingested_at = clock_timestamp()
                    where id = any(@Ids) and ingested_at is null
                    """, new { RunId = runId, Ids = uploadIds }, transaction, cancellationToken: ct));
                foreach (var file in folderFiles)
                {
                    await connection.ExecuteAsync(new CommandDefinition("""
                        insert into source_file (source_id, origin, file_name, sha256, size, uploaded_at, ingested_run_id, ingested_at)
                        values (@SourceId, 'folder', @Name, @Sha256, @Size, @LastWrite, @RunId, clock_timestamp())
                        """, new { SourceId = source.Id, file.Name, file.Sha256, file.Size, LastWrite = file.Time, RunId = runId },
                        transaction, cancellationToken: ct));
                }
            },
        };
    }

    /// <summary>
    /// Reads an analyst's sample file exactly as a run would read an upload, for the preview of a source being set up
    /// (saved or not): the given indicators stand for the links, and nothing is stored or marked as read.
    /// </summary>
    public async Task<SourceReadResult> ReadSampleAsync(
        SourceDefinition source, IReadOnlyList<SourceIndicator> indicators, SourceSample sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sample);
        var mapping = FileSourceSettings.Parse(source.Settings, source.Name).EffectiveMapping;
        var file = new PendingFile(sample.FileName, DateTime.UtcNow, null, sample.Content, null, [], sample.Content.Length);
        var (rows, warnings, rejected, quarantine) = await ReadFilesAsync([file], mapping, indicators, new Progress<ReadProgress>(), cancellationToken);
        var read = new SourceReadResult(rows, warnings, rejected);
        return quarantine is null ? read : throw Quarantined(source.Id, quarantine, 1, read);
    }

    /// <summary>A file over the rule: what it rejected, to record on its row, and the whole read, for a preview to show.</summary>
    static FileQuarantinedException Quarantined(int sourceId, FileVerdict verdict, int pendingFiles, SourceReadResult read) =>
        new(verdict.Message, new FileQuarantine(sourceId, verdict.File.FileId, verdict.File.Name, verdict.File.Sha256, verdict.File.Size,
            verdict.File.Time, verdict.DataRows, verdict.Rejected, verdict.IndicatorIds, pendingFiles), read);

    /// <summary>The first file over the rejected-share rule: its rejected rows (each with its line), the indicators its rows name, and the run's error line.</summary>
    sealed record FileVerdict(PendingFile File, int DataRows, List<SourceProblem> Rejected, IReadOnlyList<int> IndicatorIds, string Message);

    /// <summary>
    /// Reads the files in order, later files winning, and screens each against the indicators and areas. The rows of every
    /// file are returned, a file over the rule included (a preview shows them); that file is the verdict.
    /// </summary>
    async Task<(List<SourceRow> Rows, List<SourceProblem> Warnings, List<SourceProblem> Rejected, FileVerdict? Quarantine)> ReadFilesAsync(
        List<PendingFile> pending, FileMapping mapping, IReadOnlyList<SourceIndicator> indicators, IProgress<ReadProgress> progress, CancellationToken cancellationToken)
    {
        var resolver = new RowResolver(indicators, await sources.AreaIdsAsync(cancellationToken), RowResolver.Today(time));

        var merged = new Dictionary<(string, Period, string, Gender), (SourceRow Row, string File)>();
        var warnings = new List<SourceProblem>();
        var rejected = new List<SourceProblem>();
        var rowsRead = 0;
        FileVerdict? quarantine = null;
        foreach (var file in pending)
        {
            var read = await ReadFileAsync(file, mapping, cancellationToken);
            rowsRead += read.Rows.Count + read.Rejected.Count;
            progress.Report(new ReadProgress(rowsRead));
            var (good, verdict) = Screen(file, read, mapping, resolver, rejected);
            quarantine ??= verdict;
            var replaced = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in good)
            {
                var key = (row.IndicatorCode.ToUpperInvariant(), row.Period, row.AreaCode, row.Gender);
                if (merged.TryGetValue(key, out var earlier))
                {
                    replaced[earlier.File] = replaced.GetValueOrDefault(earlier.File) + 1;
                }

                merged[key] = (row, file.Name);
            }

            foreach (var (earlierFile, count) in replaced)
            {
                warnings.Add(new SourceProblem(null, null, $"'{file.Name}' ersatte {SwedishFormat.Count(count, "värde", "värden")} från '{earlierFile}' (den senare filen gäller)."));
            }
        }

        return (merged.Values.Select(v => v.Row).ToList(), warnings, rejected, quarantine);
    }

    /// <summary>
    /// A file to read: an upload (its id and content) or a folder file (its path; its row's id when it has one, released
    /// from quarantine). <see cref="ReadAnyway"/>: an analyst released it, so the rejected-share rule is not held against it.
    /// </summary>
    sealed record PendingFile(string Name, DateTime Time, long? FileId, byte[]? Content, string? Path, byte[] Sha256, long Size, bool ReadAnyway = false);

    /// <summary>The pending files, oldest first, and a warning for each folder file the roots' rule refused.</summary>
    async Task<(List<PendingFile> Files, List<SourceProblem> Refused)> PendingAsync(
        SourceDefinition source, FileSourceSettings settings, RunMode mode, CancellationToken cancellationToken)
    {
        var pending = (await files.PendingUploadsAsync(source.Id, cancellationToken))
            .Select(u => new PendingFile(u.FileName, u.UploadedAt, u.Id, u.Content, null, [], u.Content.Length, u.ReadAnyway))
            .ToList();
        var refused = new List<SourceProblem>();

        if (!string.IsNullOrWhiteSpace(settings.Folder))
        {
            var folder = roots.Resolve(settings.Folder.Trim(), source.Name);
            if (!Directory.Exists(folder))
            {
                throw new SourceReadException($"Den bevakade mappen '{folder}' för källan '{source.Name}' finns inte eller går inte att nå.");
            }

            var listing = WatchedFolder.List(folder, settings.Patterns, roots);
            refused.AddRange(listing.Refused.Select(name => new SourceProblem(null, null,
                $"'{StorableText.Excerpt(name, 120)}' i den bevakade mappen är en länk till en fil utanför de mappar som filkällor får läsa och lästes inte.")));
            var known = await files.FolderStatesAsync(source.Id, cancellationToken);
            var thisRun = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in listing.Files)
            {
                // Before its hash: a file too big to read is not read at all.
                CheckSize(file.Name, file.Size);
                byte[] hash;
                try
                {
                    hash = await WatchedFolder.Sha256Async(file.Path, cancellationToken);
                }
                catch (IOException e)
                {
                    throw new SourceReadException($"'{file.Name}' i den bevakade mappen går inte att läsa: {e.Message}", e);
                }

                // A copy of a file already read (or read in this run under another name) adds nothing; a full refresh reads
                // read files again. A quarantined or discarded file is not read, one released from quarantine is.
                var hex = Convert.ToHexString(hash);
                var state = known.GetValueOrDefault(hex);
                var read = state.Ingested && mode != RunMode.FullRefresh;
                if (state.ReadAnywayFileId is { } released && thisRun.Add(hex))
                {
                    pending.Add(new PendingFile(file.Name, file.LastWriteUtc, released, null, file.Path, hash, file.Size, ReadAnyway: true));
                }
                else if (!read && !state.Held && thisRun.Add(hex))
                {
                    pending.Add(new PendingFile(file.Name, file.LastWriteUtc, null, null, file.Path, hash, file.Size));
                }
            }
        }

        return ([.. pending.OrderBy(f => f.Time)], refused);
    }

    static void CheckSize(string name, long size)
    {
        if (size > FileSource.MaxFileBytes)
        {
            throw new SourceReadException($"'{name}' är större än de {FileSource.MaxFileBytes / (1024 * 1024)} MB som en körning läser "
                + $"({SwedishFormat.Number(size, 0)} byte); dela upp filen.");
        }
    }

    async Task<SourceReadResult> ReadFileAsync(PendingFile file, FileMapping mapping, CancellationToken cancellationToken)
    {
        try
        {
            if (file.Content is { } content)
            {
                using var memory = new MemoryStream(content, writable: false);
                return FileSource.Read(memory, file.Name, mapping, applyShareRule: false);
            }

            // Once more just before reading: a symlink on the way may have changed since the folder was listed.
            if (roots.RealFile(file.Path!) != file.Path)
            {
                throw new SourceReadException(
                    $"'{file.Name}' i den bevakade mappen leder nu utanför de mappar som filkällor får läsa och lästes inte; inget lästes in.");
            }

            // Read into memory first: the detector reads a file twice, and a folder file may change under us.
            CheckSize(file.Name, new FileInfo(file.Path!).Length);
            var bytes = await File.ReadAllBytesAsync(file.Path!, cancellationToken);
            using var stream = new MemoryStream(bytes, writable: false);
            return FileSource.Read(stream, file.Name, mapping, applyShareRule: false);
        }
        catch (IOException e)
        {
            throw new SourceReadException($"'{file.Name}' går inte att läsa: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new SourceReadException($"Mappningen kan inte användas för '{file.Name}': {e.Message}", e);
        }
    }

    /// <summary>
    /// Keeps the file's rows that the runner's rules (<see cref="RowResolver"/>) would store — indicator linked to the
    /// source, area known, row fitting its indicator — adds the file's name to every problem, and applies the
    /// rejected-share rule to the file as a whole: a file over it (unless released to be read anyway) is the verdict.
    /// </summary>
    static (List<SourceRow> Good, FileVerdict? Verdict) Screen(
        PendingFile file, SourceReadResult read, FileMapping mapping, RowResolver resolver, List<SourceProblem> rejected)
    {
        var fileName = file.Name;
        var rejectedRows = read.Rejected.Select(p => p.Row).Distinct().Count();
        rejected.AddRange(read.Rejected.Select(p => p with { Reason = $"'{fileName}': {p.Reason}" }));
        // Every rejected row with its line, for a quarantine; the run's own list groups the unknown codes.
        var perRow = new List<SourceProblem>(read.Rejected);
        var named = new HashSet<int>();
        var good = new List<SourceRow>(read.Rows.Count);
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < read.Rows.Count; i++)
        {
            var row = read.Rows[i];
            var line = read.RowLines?[i];
            if (!resolver.TryFind(row.IndicatorCode, out var indicator))
            {
                Count(unknown, $"indikatorn '{row.IndicatorCode}' är inte kopplad till källan");
                perRow.Add(new SourceProblem(line, mapping.IndicatorColumn ?? "indikator", "indikatorn är inte kopplad till källan") { Value = row.IndicatorCode });
                continue;
            }

            named.Add(indicator.IndicatorId);
            if (!resolver.IsKnownArea(row.AreaCode))
            {
                Count(unknown, $"området '{row.AreaCode}' finns inte");
                perRow.Add(new SourceProblem(line, mapping.AreaColumn ?? "område", "området finns inte") { Value = row.AreaCode });
            }
            else if (resolver.Misfit(row, indicator) is var (field, reason))
            {
                // A row that does not fit its indicator is a row problem, named by its line like the reader's own.
                var column = field == "kön" ? mapping.GenderColumn : mapping.PeriodColumn;
                var value = field == "kön" ? row.Gender.ToString() : row.Period.Code;
                rejected.Add(new SourceProblem(line, column ?? field, $"'{fileName}': {reason}") { Value = value });
                perRow.Add(new SourceProblem(line, column ?? field, reason) { Value = value });
            }
            else
            {
                good.Add(row);
            }
        }

        static void Count(Dictionary<string, int> reasons, string reason) => reasons[reason] = reasons.GetValueOrDefault(reason) + 1;

        // One problem per reason, not per row: a file for the wrong indicator would otherwise flood the run's problems.
        foreach (var (reason, count) in unknown)
        {
            rejected.Add(new SourceProblem(null, null, $"'{fileName}': {reason} ({SwedishFormat.Count(count, "rad", "rader")} avvisades)."));
        }

        var dataRows = read.Rows.Count + rejectedRows;
        var bad = rejectedRows + (read.Rows.Count - good.Count);
        if (file.ReadAnyway || (good.Count > 0 && bad <= mapping.MaxRejectedShare * dataRows))
        {
            return (good, null);
        }

        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        var first = string.Join("; ", rejected.Where(p => p.Reason.StartsWith($"'{fileName}'", StringComparison.Ordinal)).Take(5).Select(p => p.Reason));
        var message = $"{bad} av {SwedishFormat.Count(dataRows, "datarad", "datarader")} i '{fileName}' avvisades, fler än de {mapping.MaxRejectedShare.ToString("P0", swedish)} som tillåts; "
            + $"filen sätts i karantän och inget av den läses in (andra filer läses in). Första problemen: {first}";
        return (good, new FileVerdict(file, dataRows, perRow.OrderBy(p => p.Row ?? 0).ToList(), [.. named.Order()], message));
    }
}
