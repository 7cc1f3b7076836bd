using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Indicators.Core.Formatting;
using Npgsql;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>Where a file stands: waiting for a run (a released quarantined file too), read, quarantined, or discarded.</summary>
public enum SourceFileStatus
{
    Waiting,
    Read,
    Quarantined,
    Discarded,
}

/// <summary>
/// A file a file source has received or read: an upload (pending until a run reads it), a read folder file, or a file
/// quarantined or discarded (uploads and folder files alike).
/// </summary>
public sealed record SourceFileInfo(
    long Id, string Origin, string FileName, long Size, string? UploadedBy, DateTime UploadedAt, long? IngestedRunId, DateTime? IngestedAt,
    DateTime? QuarantinedAt, long? QuarantineRunId, DateTime? ReadAnywayAt, string? ReadAnywayBy, DateTime? DiscardedAt, string? DiscardedBy)
{
    public bool IsPending => Status == SourceFileStatus.Waiting;

    public SourceFileStatus Status =>
        IngestedAt is not null ? SourceFileStatus.Read
        : DiscardedAt is not null ? SourceFileStatus.Discarded
        : QuarantinedAt is not null && ReadAnywayAt is null ? SourceFileStatus.Quarantined
        : SourceFileStatus.Waiting;

    /// <summary>The state in words, the same on the source page and the file's page.</summary>
    public string StatusText => Status switch
    {
        SourceFileStatus.Read => "Inläst",
        SourceFileStatus.Discarded => "Kasserad",
        SourceFileStatus.Quarantined => "I karantän",
        _ when ReadAnywayAt is not null => "Väntar (godkända rader läses in ändå)",
        _ => "Väntar på nästa körning",
    };
}

/// <summary>A rejected row of a quarantined file: its line, column, the cell's value and why.</summary>
public sealed record RejectedRow(int? Row, string? Column, string? Value, string Reason);

/// <summary>A file with everything its page shows: its source, the run that quarantined it, and every rejected row.</summary>
public sealed record SourceFileDetails(SourceFileInfo File, string SourceName, string? QuarantineReason, int? RowsRead, IReadOnlyList<RejectedRow> Rejected);

/// <summary>What an accepted upload looks like: its id and the format found in it (to show the analyst).</summary>
public sealed record StoredUpload(long Id, string FileName, long Size, DetectedFormat Format);

/// <summary>An upload that was refused; the message (Swedish) names the file and why.</summary>
public sealed class SourceFileRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The files of file sources, for the web app and the runner. The upload page calls <see cref="StoreUploadAsync"/>
/// with the browser's stream and shows the message of a <see cref="SourceFileRejectedException"/> when a file is refused; the
/// source's next run (scheduled, or "kör nu") reads every pending upload once.
/// </summary>
public sealed class SourceFiles(NpgsqlDataSource dataSource, FileSourceOptions options)
{
    /// <summary>The longest file name kept (and shown): longer names are cut, with '…'.</summary>
    public const int MaxNameLength = 120;

    /// <summary>
    /// Checks and stores an upload for the file source <paramref name="sourceId"/>: at most
    /// <see cref="FileSourceOptions.MaxUploadBytes"/>, not empty, a CSV/text file or an .xlsx workbook whose header has the
    /// columns the source's mapping needs. Refused files throw <see cref="SourceFileRejectedException"/> and are not stored.
    /// </summary>
    public async Task<StoredUpload> StoreUploadAsync(int sourceId, string fileName, Stream content, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        // The browser's name for the file: stored and quoted in every message about the file, so printable (a NUL could
        // not be stored) and bounded (messages travel back to the page).
        var name = StorableText.Excerpt(Path.GetFileName(fileName?.Trim() ?? ""), MaxNameLength);
        if (name.Length == 0)
        {
            throw new SourceFileRejectedException("Filen saknar namn.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var source = await connection.QuerySingleOrDefaultAsync<(string Name, string Kind, string Settings)?>(new CommandDefinition(
            "select name, kind, settings::text from source where id = @SourceId", new { SourceId = sourceId }, cancellationToken: cancellationToken));
        if (source is not { } s)
        {
            throw new SourceFileRejectedException($"Källan {sourceId} finns inte; '{name}' sparades inte.");
        }

        if (!s.Kind.Is(SourceKind.File))
        {
            throw new SourceFileRejectedException($"Källan '{s.Name}' läser inte filer; '{name}' sparades inte.");
        }

        var bytes = await ReadCappedAsync(content, name, cancellationToken);
        DetectedFormat format;
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);
            format = FileSource.Detect(memory, name);
        }
        catch (Exception e) when (e is SourceReadException or InvalidDataException or System.Text.DecoderFallbackException or IOException)
        {
            throw new SourceFileRejectedException(
                $"'{name}' går inte att läsa som CSV eller Excel (.xlsx) och sparades inte: {StorableText.Excerpt(e.Message, 300)}", e);
        }

        FileSourceSettings settings;
        try
        {
            settings = FileSourceSettings.Parse(s.Settings, s.Name);
        }
        catch (SourceReadException e)
        {
            throw new SourceFileRejectedException($"{e.Message} '{name}' sparades inte.", e);
        }

        CheckColumns(name, format, settings);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            insert into source_file (source_id, origin, file_name, content, sha256, size, uploaded_by)
            values (@SourceId, 'upload', @Name, @Content, @Sha256, @Size, @UserName)
            returning id
            """, new { SourceId = sourceId, Name = name, Content = bytes, Sha256 = SHA256.HashData(bytes), Size = (long)bytes.Length, UserName = userName },
            cancellationToken: cancellationToken));
        return new StoredUpload(id, name, bytes.Length, format);
    }

    /// <summary>The source's files, newest first: pending uploads and what has been read, for the source page.</summary>
    public async Task<IReadOnlyList<SourceFileInfo>> ListAsync(int sourceId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<SourceFileInfo>(new CommandDefinition($"""
            select {InfoColumns}
            from source_file where source_id = @SourceId
            order by uploaded_at desc, id desc
            limit @Limit
            """, new { SourceId = sourceId, Limit = limit }, cancellationToken: cancellationToken))).AsList();
    }

    const string InfoColumns = """
        id, origin, file_name, size, uploaded_by, uploaded_at, ingested_run_id, ingested_at,
        quarantined_at, quarantine_run_id, read_anyway_at, read_anyway_by, discarded_at, discarded_by
        """;

    /// <summary>One file of the source with its rejected rows (a quarantined file's); null when the source has no such file.</summary>
    public async Task<SourceFileDetails?> DetailsAsync(int sourceId, long fileId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string SourceName, string? Reason, int? RowsRead, string? Rows)>(new CommandDefinition("""
            select s.name, f.quarantine_reason, f.rows_read, f.rejected_rows::text
            from source_file f join source s on s.id = f.source_id
            where f.id = @FileId and f.source_id = @SourceId
            """, new { SourceId = sourceId, FileId = fileId }, cancellationToken: cancellationToken));
        if (row.SourceName is null)
        {
            return null;
        }

        var file = await connection.QuerySingleAsync<SourceFileInfo>(new CommandDefinition(
            $"select {InfoColumns} from source_file where id = @FileId", new { FileId = fileId }, cancellationToken: cancellationToken));
        var rejected = row.Rows is null ? [] : JsonSerializer.Deserialize<List<RejectedRow>>(row.Rows, JsonSerializerOptions.Web) ?? [];
        return new SourceFileDetails(file, row.SourceName, row.Reason, row.RowsRead, rejected);
    }

    /// <summary>
    /// The content hashes this source has settled: read (from uploads or its folder), quarantined and not yet released, or
    /// discarded. A folder file with one of them is not read again (the folder watch does not even start a run for it).
    /// </summary>
    public async Task<HashSet<string>> SettledHashesAsync(int sourceId, CancellationToken cancellationToken) =>
        (await FolderStatesAsync(sourceId, cancellationToken)).Where(f => f.Value.Settled).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>What this source knows of each content hash: read before, quarantined, released to be read anyway, or discarded.</summary>
    internal async Task<Dictionary<string, KnownContent>> FolderStatesAsync(int sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(byte[] Sha256, long Id, bool Ingested, bool Quarantined, bool ReadAnyway, bool Discarded)>(new CommandDefinition("""
            select sha256, id, ingested_at is not null, quarantined_at is not null, read_anyway_at is not null, discarded_at is not null
            from source_file where source_id = @SourceId
              and (ingested_at is not null or quarantined_at is not null or discarded_at is not null)
            order by id
            """, new { SourceId = sourceId }, cancellationToken: cancellationToken));
        var known = new Dictionary<string, KnownContent>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var hex = Convert.ToHexString(row.Sha256);
            var earlier = known.GetValueOrDefault(hex);
            known[hex] = new KnownContent(
                earlier.Ingested || row.Ingested,
                earlier.Held || (row.Quarantined && !row.ReadAnyway && !row.Ingested) || row.Discarded,
                row.Quarantined && row.ReadAnyway && !row.Ingested && !row.Discarded ? row.Id : earlier.ReadAnywayFileId);
        }

        return known;
    }

    /// <summary>
    /// Uploads to read, oldest first: not yet read, not discarded, and not quarantined unless an analyst released the
    /// file to be read anyway (<see cref="PendingUpload.ReadAnyway"/>: then its rejected share is not held against it).
    /// </summary>
    internal async Task<IReadOnlyList<PendingUpload>> PendingUploadsAsync(int sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PendingUpload>(new CommandDefinition("""
            select id, file_name, content, uploaded_at, read_anyway_at is not null as read_anyway
            from source_file where source_id = @SourceId and origin = 'upload' and ingested_at is null and discarded_at is null
              and (quarantined_at is null or read_anyway_at is not null)
            order by uploaded_at, id
            """, new { SourceId = sourceId }, cancellationToken: cancellationToken))).AsList();
    }

    async Task<byte[]> ReadCappedAsync(Stream content, string name, CancellationToken cancellationToken)
    {
        var cap = options.MaxUploadBytes;
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > cap)
            {
                throw new SourceFileRejectedException(
                    $"'{name}' är större än {cap / (1024 * 1024)} MB och sparades inte. Dela upp filen eller lägg den i den bevakade mappen.");
            }

            memory.Write(buffer, 0, read);
        }

        if (memory.Length == 0)
        {
            throw new SourceFileRejectedException($"'{name}' är tom och sparades inte.");
        }

        return memory.ToArray();
    }

    static void CheckColumns(string name, DetectedFormat format, FileSourceSettings settings)
    {
        var missing = settings.RequiredColumns()
            .Where(required => !format.Columns.Any(c => string.Equals(c.Trim(), required.Column.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(required => $"'{required.Column}' ({required.What})")
            .ToList();
        if (missing.Count > 0)
        {
            throw new SourceFileRejectedException(
                $"'{name}' saknar {(missing.Count == 1 ? "kolumnen" : "kolumnerna")} {string.Join(", ", missing)} och sparades inte"
                + (HeaderColumns.IsTable(format.Columns) ? $". Kolumner i filen: {HeaderColumns.List(format.Columns)}." : $": {HeaderColumns.NoTable}."));
        }
    }
}

/// <summary>An upload waiting for a run; <see cref="ReadAnyway"/> when an analyst released it from quarantine.</summary>
internal sealed record PendingUpload(long Id, string FileName, byte[] Content, DateTime UploadedAt, bool ReadAnyway);

/// <summary>
/// What a source knows of one content hash: read before (<see cref="Ingested"/>), held back (quarantined or discarded),
/// or released from quarantine to be read anyway (the file's row).
/// </summary>
internal readonly record struct KnownContent(bool Ingested, bool Held, long? ReadAnywayFileId)
{
    public bool Settled => (Ingested || Held) && ReadAnywayFileId is null;
}
