using System.Globalization;
using Dapper;
using Npgsql;

namespace Indicators.Campaign.World;

/// <summary>A source's stored outcomes at one moment.</summary>
public sealed class Snapshot(Dictionary<ObservationKey, ObservationValue> outcomes)
{
    public IReadOnlyDictionary<ObservationKey, ObservationValue> Outcomes => outcomes;

    public int Count => outcomes.Count;

    /// <summary>Same keys, same values (55.0 equals 55) and statuses.</summary>
    public bool Matches(IReadOnlyDictionary<ObservationKey, ObservationValue> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return outcomes.Count == other.Count && outcomes.All(o => other.TryGetValue(o.Key, out var v) && v.Value == o.Value.Value && v.Status == o.Value.Status);
    }

    /// <summary>Keys of <paramref name="before"/> that are gone.</summary>
    public int MissingFrom(Snapshot before) => before.Outcomes.Keys.Count(k => !outcomes.ContainsKey(k));

    /// <summary>A few differences from the expected state, for the report.</summary>
    public string Differences(IReadOnlyDictionary<ObservationKey, ObservationValue> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var differing = expected.Where(e => !outcomes.TryGetValue(e.Key, out var v) || v != e.Value).ToList();
        var extra = outcomes.Keys.Count(k => !expected.ContainsKey(k));
        var examples = differing.Take(3).Select(d => string.Create(CultureInfo.InvariantCulture,
            $"indicator {d.Key.IndicatorId} {d.Key.Period} {d.Key.AreaId} {d.Key.Gender}: expected {d.Value.Value?.ToString(CultureInfo.InvariantCulture) ?? "–"}/{d.Value.Status}, stored {(outcomes.TryGetValue(d.Key, out var s) ? $"{s.Value?.ToString(CultureInfo.InvariantCulture) ?? "–"}/{s.Status}" : "nothing")}"));
        return $"{differing.Count} of {expected.Count} differ, {extra} extra; e.g. {string.Join("; ", examples)}";
    }
}

/// <summary>What a step's checks found for one source.</summary>
public enum StepVerdict
{
    Unchanged,
    Replaced,
    Partial,
    Lost,
}

/// <summary>
/// Reads what is stored and checks the campaign's invariants: after a step a source's outcomes are what they were before
/// or exactly the complete result of the step's data; nothing stored comes from, or was marked read by, a run that did not
/// succeed; every outcome's revision history is whole.
/// </summary>
public static class StoredState
{
    public static async Task<Snapshot> ReadAsync(NpgsqlConnection connection, CampaignSource source)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(source);
        var rows = await connection.QueryAsync<(int IndicatorId, string Period, string AreaId, string Gender, decimal? Value, string Status)>(
            "select indicator_id, period, area_id, gender, value, status from observation where indicator_id = any(@Ids)", new { Ids = source.IndicatorIds });
        return new Snapshot(rows.ToDictionary(r => new ObservationKey(r.IndicatorId, r.Period, r.AreaId, r.Gender[0]), r => new ObservationValue(r.Value, r.Status)));
    }

    /// <summary>
    /// Compares a source's outcomes after a step with before and with the step's expected complete result, and checks the
    /// invariants; counts what is wrong in the ledger. Returns the verdict.
    /// </summary>
    public static async Task<StepVerdict> CheckAsync(
        NpgsqlConnection connection, CampaignSource source, Snapshot before, IReadOnlyDictionary<ObservationKey, ObservationValue> expected, Ledger ledger, string step)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var after = await ReadAsync(connection, source);
        await CheckInvariantsAsync(connection, source, ledger, step);
        if (after.Matches(before.Outcomes))
        {
            return StepVerdict.Unchanged;
        }

        if (after.Matches(expected))
        {
            return StepVerdict.Replaced;
        }

        var missing = after.MissingFrom(before);
        if (missing > 0)
        {
            ledger.CountLost(step, $"{source}: {missing} of the {before.Count} outcomes stored before the step are gone ({after.Count} now)");
            return StepVerdict.Lost;
        }

        ledger.CountPartial(step, $"{source}: the stored outcomes are neither those before the step nor the step's complete result: {after.Differences(expected)}");
        return StepVerdict.Partial;
    }

    /// <summary>Outcomes and read-marks only from succeeded runs; revision numbers without gaps.</summary>
    public static async Task CheckInvariantsAsync(NpgsqlConnection connection, CampaignSource source, Ledger ledger, string step)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ledger);
        var (orphans, gaps, files) = await connection.QuerySingleAsync<(long Orphans, long Gaps, long Files)>("""
            select (select count(*) from observation o left join ingestion_run r on r.id = o.run_id
                    where o.indicator_id = any(@Ids) and (r.id is null or r.status not in ('succeeded', 'succeeded_with_warnings'))),
                   (select count(*) from observation o
                    where o.indicator_id = any(@Ids)
                      and o.revision - 1 <> (select count(*) from observation_revision v where v.observation_id = o.id)),
                   (select count(*) from source_file f join ingestion_run r on r.id = f.ingested_run_id
                    where f.source_id = @Source and r.status not in ('succeeded', 'succeeded_with_warnings'))
            """, new { Ids = source.IndicatorIds, Source = source.Id });
        if (orphans > 0)
        {
            ledger.CountPartial(step, $"{source}: {orphans} stored outcomes belong to a run that did not succeed");
        }

        if (gaps > 0)
        {
            ledger.CountPartial(step, $"{source}: {gaps} outcomes whose revision number does not match their kept revisions");
        }

        if (files > 0)
        {
            ledger.CountLost(step, $"{source}: {files} files are marked read by a run that did not succeed (their data will never be read)");
        }
    }
}
