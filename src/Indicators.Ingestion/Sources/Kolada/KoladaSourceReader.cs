using Dapper;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Npgsql;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// Reads a Kolada source: incrementally (values updated since a day before the last success) or in full.
/// <para>
/// In an incremental run an empty answer for a KPI means "nothing changed", not "unknown KPI", so it is not a warning.
/// A KPI that has never delivered a stored value to this source (newly added to the settings or to a linked indicator,
/// or never found) is read in full even in an incremental run: asking it only for recent changes would never fetch its
/// history. Such a KPI is warned about when it gives nothing, exactly as in a full refresh.
/// </para>
/// </summary>
public sealed class KoladaSourceReader(KoladaClient client, SourceQueries sources, NpgsqlDataSource dataSource, TimeProvider time) : ISourceReader
{
    /// <summary>Kolada's regions (type L) and riket: the default comparison set.</summary>
    public static readonly IReadOnlyList<string> RegionsAndRiket =
        ["0000", "0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0012", "0013",
         "0014", "0017", "0018", "0019", "0020", "0021", "0022", "0023", "0024", "0025"];

    public SourceKind Kind => SourceKind.Kolada;

    public async Task<SourceReadResult> ReadAsync(
        SourceDefinition source, RunMode mode, DateTimeOffset? lastSuccess, IProgress<ReadProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(progress);
        var settings = KoladaSettings.Parse(source.Settings, source.Name);
        var kpis = settings.Kpis is { Count: > 0 } configured
            ? configured
            : (await sources.IndicatorsOfAsync(source.Id, cancellationToken)).Select(i => i.KpiId).OfType<string>().Where(k => k.Length > 0).ToList();
        if (kpis.Count == 0)
        {
            throw new SourceReadException($"Källan '{source.Name}' har inga KPI-id: ange dem i inställningarna eller på de kopplade indikatorerna.");
        }

        var thisYear = time.GetLocalNow().Year;
        var from = settings.FromYear
            ?? KoladaSettings.DefaultFromYear(thisYear, await PlanBaseYears.EarliestForSourceAsync(dataSource, source.Id, cancellationToken));
        var years = Enumerable.Range(from, Math.Max(1, thisYear - from + 1)).ToList();
        var areas = settings.Areas is { Count: > 0 } configuredAreas ? configuredAreas : RegionsAndRiket;
        if (mode != RunMode.Incremental || lastSuccess is not { } last)
        {
            return await client.ReadAsync(new KoladaQuery(kpis, areas, years), progress, cancellationToken);
        }

        // A day's overlap: Kolada's from_date is a date, and a value updated late on the day of the last run must not slip through.
        var since = DateOnly.FromDateTime(last.UtcDateTime).AddDays(-1);
        var delivered = await DeliveredKpisAsync(source.Id, kpis, cancellationToken);
        var known = kpis.Where(delivered.Contains).ToList();
        var fresh = kpis.Where(k => !delivered.Contains(k)).ToList();
        var changed = known.Count > 0 ? await client.ReadAsync(new KoladaQuery(known, areas, years, since), progress, cancellationToken) : SourceReadResult.Empty;
        if (fresh.Count == 0)
        {
            return changed;
        }

        var offset = changed.Rows.Count + changed.Rejected.Count;
        var history = await client.ReadAsync(new KoladaQuery(fresh, areas, years),
            new OffsetProgress(progress, offset), cancellationToken);
        return new SourceReadResult([.. changed.Rows, .. history.Rows], [.. changed.Warnings, .. history.Warnings], [.. changed.Rejected, .. history.Rejected]);
    }

    /// <summary>The KPIs of which an observation (current or replaced) was stored by a run of this source.</summary>
    async Task<HashSet<string>> DeliveredKpisAsync(int sourceId, IReadOnlyList<string> kpis, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition(DeliveredSql,
            new { SourceId = sourceId, Kpis = kpis.ToArray() }, cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    sealed class OffsetProgress(IProgress<ReadProgress> inner, int offset) : IProgress<ReadProgress>
    {
        public void Report(ReadProgress value) => inner.Report(new ReadProgress(offset + value.RowsRead));
    }

    const string DeliveredSql = """
        select distinct i.kpi_id
        from indicator i
        where i.kpi_id = any(@Kpis)
          and (exists (select 1 from observation o join ingestion_run r on r.id = o.run_id
                       where o.indicator_id = i.id and r.source_id = @SourceId)
               or exists (select 1 from observation_revision v join observation o on o.id = v.observation_id
                          join ingestion_run r on r.id = v.run_id
                          where o.indicator_id = i.id and r.source_id = @SourceId))
        """;
}
