using Dapper;
using Indicators.Data.Observations;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;
using Npgsql;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>A row as a run would store it, with the names a person recognises.</summary>
public sealed record PreviewRow(string IndicatorCode, string IndicatorName, string Period, string AreaName, string Gender, decimal? Value, string Status);

/// <summary>
/// What a run would do: its first rows, what would be new, changed, unchanged or retracted, and the warnings and rejected
/// rows — computed without storing anything.
/// </summary>
public sealed record PreviewResult(
    int RowsRead, MergeCounts Counts, IReadOnlyList<PreviewRow> FirstRows, IReadOnlyList<SourceProblem> Warnings, IReadOnlyList<SourceProblem> Rejected)
{
    /// <summary>
    /// Why a run would fail although the rows could be read: a file over its rejected-share rule, which a run quarantines.
    /// The rows and counts are then those of reading its approved rows anyway.
    /// </summary>
    public string? Error { get; init; }
}

/// <summary>
/// The dry run ("förhandsgranska"): the source is fetched and parsed exactly as a run would, and its rows are merged in a
/// transaction that is always rolled back, so the counts are the real ones and nothing is written. It takes no advisory
/// lock: a preview may run beside a real run and, at worst, waits for its row locks.
/// </summary>
public sealed class SourcePreview(NpgsqlDataSource dataSource, SourceQueries sources, IEnumerable<ISourceReader> readers)
{
    public const int FirstRowCount = 50;

    public async Task<PreviewResult> PreviewAsync(int sourceId, CancellationToken cancellationToken)
    {
        var source = await sources.FindAsync(sourceId, cancellationToken)
            ?? throw new SourceReadException($"Källan {sourceId} finns inte.");
        return await PreviewAsync(source, await sources.IndicatorsOfAsync(sourceId, cancellationToken), cancellationToken);
    }

    /// <summary>Previews a source as given, saved or not, feeding the given indicators.</summary>
    public Task<PreviewResult> PreviewAsync(SourceDefinition source, IReadOnlyList<SourceIndicator> indicators, CancellationToken cancellationToken) =>
        PreviewAsync(source, indicators, null, cancellationToken);

    /// <summary>
    /// Previews a source as given, saved or not, feeding the given indicators; with a <paramref name="sample"/> (a file
    /// source being set up) the sample is read instead of the source's pending files, and it is not stored.
    /// </summary>
    public async Task<PreviewResult> PreviewAsync(
        SourceDefinition source, IReadOnlyList<SourceIndicator> indicators, SourceSample? sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(indicators);
        SourceReadResult read;
        string? error = null;
        try
        {
            read = await ReadAsync(source, indicators, sample, cancellationToken);
        }
        catch (Sources.Files.FileQuarantinedException e)
        {
            // A file at the limit: show its approved and rejected rows with the error a run would give, not the error alone.
            (read, error) = (e.Read, e.Message);
        }

        var (rows, unresolved) = RowResolver.Resolve(read.Rows, indicators, await sources.AreaIdsAsync(cancellationToken));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        MergeCounts counts;
        try
        {
            var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "insert into ingestion_run (source_id, trigger, status) values (@SourceId, 'preview', 'running') returning id",
                new { SourceId = source.Id == 0 ? (int?)null : source.Id }, transaction, cancellationToken: cancellationToken));
            counts = await ObservationWriter.MergeAsync(connection, transaction, runId, rows, source.IsDemo, cancellationToken);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }

        var first = rows.Take(FirstRowCount).ToList();
        var names = await NamesAsync(connection, first, cancellationToken);
        var previewRows = first.Select(r => new PreviewRow(
            names.Indicators.GetValueOrDefault(r.IndicatorId).Code ?? "",
            names.Indicators.GetValueOrDefault(r.IndicatorId).Name ?? "",
            Core.Periods.Period.Parse(r.Period).SwedishName,
            names.Areas.GetValueOrDefault(r.AreaId) ?? r.AreaId,
            Core.Observations.GenderCodes.SwedishName(r.Gender),
            r.Value,
            Core.Observations.ObservationStatusCodes.SwedishName(r.Status))).ToList();

        return new PreviewResult(read.Rows.Count + read.Rejected.Count, counts, previewRows, read.Warnings, read.Rejected.Concat(unresolved).ToList())
        {
            Error = error,
        };
    }

    async Task<SourceReadResult> ReadAsync(
        SourceDefinition source, IReadOnlyList<SourceIndicator> indicators, SourceSample? sample, CancellationToken cancellationToken)
    {
        if (sample is not null)
        {
            var sampleReader = readers.OfType<ISampleReader>().FirstOrDefault(r => source.Kind.Is(r.Kind))
                ?? throw new SourceReadException($"Källtypen '{source.Kind}' kan inte förhandsgranskas med en exempelfil.");
            return await sampleReader.ReadSampleAsync(source, indicators, sample, cancellationToken);
        }

        var reader = readers.FirstOrDefault(r => source.Kind.Is(r.Kind))
            ?? throw new SourceReadException($"Det finns ingen läsare för källtypen '{source.Kind}'.");
        // Everything the source has, as a full refresh would fetch it: a preview shows what the source delivers.
        return await reader.ReadAsync(source, RunMode.FullRefresh, null, new Progress<ReadProgress>(), cancellationToken);
    }

    static async Task<(Dictionary<int, (string? Code, string? Name)> Indicators, Dictionary<string, string> Areas)> NamesAsync(
        NpgsqlConnection connection, IReadOnlyList<IncomingObservation> rows, CancellationToken cancellationToken)
    {
        const string indicatorSql = "select id, code, name from indicator where id = any(@Ids)";
        const string areaSql = "select id, name from area where id = any(@Ids)";
        var indicators = await connection.QueryAsync<(int Id, string Code, string Name)>(new CommandDefinition(
            indicatorSql, new { Ids = rows.Select(r => r.IndicatorId).Distinct().ToArray() }, cancellationToken: cancellationToken));
        var areas = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            areaSql, new { Ids = rows.Select(r => r.AreaId).Distinct().ToArray() }, cancellationToken: cancellationToken));
        return (indicators.ToDictionary(i => i.Id, i => ((string?)i.Code, (string?)i.Name)), areas.ToDictionary(a => a.Id, a => a.Name));
    }
}
