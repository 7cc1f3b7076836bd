using System.Text.Json;
using Dapper;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>
/// A målvärde's history in adopted versions: each version's adoption record and every justering, and the målvärde as it
/// stood at a given time (what a report was judged against). Read by the indicator page and by report snapshots.
/// </summary>
public sealed class TargetHistoryQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The adopted versions that follow the indicator up, newest decision first, with their målvärden and justeringar.</summary>
    public async Task<IReadOnlyList<AdoptedVersionHistory>> ForIndicatorAsync(int indicatorId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var versions = (await connection.QueryAsync<VersionRow>(new CommandDefinition("""
            select v.id, p.name as plan, v.name, v.decided_by, v.decided_on::timestamp, v.decision_section, v.current_from::timestamp, v.is_current,
                   r.name as revises
            from plan_version v join plan p on p.id = v.plan_id left join plan_version r on r.id = v.revises_version_id
            where v.kind = 'adopted'
              and (exists (select 1 from target t where t.plan_version_id = v.id and t.indicator_id = @Id)
                   or exists (select 1 from target_adjustment a where a.plan_version_id = v.id and a.indicator_id = @Id))
            order by v.decided_on desc nulls last, v.id desc
            """, new { Id = indicatorId }, cancellationToken: cancellationToken))).AsList();
        var targets = (await connection.QueryAsync<TargetRow>(new CommandDefinition("""
            select plan_version_id, year::int, coalesce(gender, 'T')::text as gender, value, band_min, band_max, tolerance, tolerance_kind, is_example
            from target where indicator_id = @Id order by year, gender nulls first
            """, new { Id = indicatorId }, cancellationToken: cancellationToken))).AsList();
        var adjustments = (await connection.QueryAsync<AdjustmentRow>(new CommandDefinition("""
            select a.plan_version_id, a.year::int, a.gender::text, a.field, a.before::text, a.after::text, a.reason, a.user_name,
                   user_display_name(a.user_name) as display_name, a.adjusted_at
            from target_adjustment a where a.indicator_id = @Id order by a.adjusted_at, a.id
            """, new { Id = indicatorId }, cancellationToken: cancellationToken))).AsList();
        return [.. versions.Select(v =>
        {
            var own = adjustments.Where(a => a.PlanVersionId == v.Id).Select(a => a.ToAdjustment()).ToList();
            var current = targets.Where(t => t.PlanVersionId == v.Id).Select(t => t.ToTarget()).ToList();
            return new AdoptedVersionHistory(v.Id, v.Plan, v.Name, v.DecidedBy, Date(v.DecidedOn), v.DecisionSection, Date(v.CurrentFrom), v.IsCurrent,
                v.Revises, AsAdopted(current, own), current, own);
        })];
    }

    /// <summary>
    /// The målvärde of an indicator for a year and gender ("T" totalt) in a version as it stood at <paramref name="at"/>:
    /// the stored one with the justeringar made after that time undone; null where there was none.
    /// </summary>
    public async Task<HistoricTarget?> TargetAsOfAsync(
        int planVersionId, int indicatorId, int year, string gender, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<TargetRow>(new CommandDefinition("""
            select plan_version_id, year::int, coalesce(gender, 'T')::text as gender, value, band_min, band_max, tolerance, tolerance_kind, is_example
            from target where plan_version_id = @VersionId and indicator_id = @IndicatorId and year = @Year and coalesce(gender, 'T') = @Gender
            """, new { VersionId = planVersionId, IndicatorId = indicatorId, Year = year, Gender = gender }, cancellationToken: cancellationToken));
        var later = (await connection.QueryAsync<AdjustmentRow>(new CommandDefinition("""
            select a.plan_version_id, a.year::int, a.gender::text, a.field, a.before::text, a.after::text, a.reason, a.user_name,
                   a.user_name as display_name, a.adjusted_at
            from target_adjustment a
            where a.plan_version_id = @VersionId and a.indicator_id = @IndicatorId and a.year = @Year and a.gender = @Gender and a.adjusted_at > @At
            order by a.adjusted_at, a.id
            """, new { VersionId = planVersionId, IndicatorId = indicatorId, Year = year, Gender = gender, At = at.UtcDateTime },
            cancellationToken: cancellationToken))).Select(a => a.ToAdjustment()).ToList();
        return Undo(stored?.ToTarget(), later);
    }

    /// <summary>Each year's målvärde as adopted: the stored one with every justering undone.</summary>
    static IReadOnlyList<HistoricTarget> AsAdopted(IReadOnlyList<HistoricTarget> current, IReadOnlyList<TargetAdjustment> adjustments)
    {
        var keys = current.Select(t => (t.Year, t.Gender))
            .Concat(adjustments.Where(a => a.Year is not null).Select(a => (a.Year!.Value, a.Gender ?? "T"))).Distinct().OrderBy(k => k.Item1).ThenBy(k => k.Item2);
        return [.. keys.Select(k => Undo(current.FirstOrDefault(t => (t.Year, t.Gender) == k) ?? new HistoricTarget(k.Item1, k.Item2, null, null, null, null, null, false, false),
                adjustments.Where(a => a.Year == k.Item1 && (a.Gender ?? "T") == k.Item2).ToList()))
            .OfType<HistoricTarget>().Where(t => t.Exists)];
    }

    /// <summary>Undoes <paramref name="later"/> (oldest first) on <paramref name="target"/>, newest first.</summary>
    static HistoricTarget? Undo(HistoricTarget? target, IReadOnlyList<TargetAdjustment> later)
    {
        foreach (var a in later.Reverse())
        {
            JsonElement? before = a.Before is null ? null : JsonDocument.Parse(a.Before).RootElement;
            var basis = target ?? new HistoricTarget(a.Year ?? 0, a.Gender ?? "T", null, null, null, null, null, false, false);
            target = a.Field switch
            {
                "target" when before is null => null,
                "target" => Restored(basis, before.Value),
                "value" when before is { } b => basis with { Value = Number(b, "Value") },
                "band" when before is { } b => basis with { BandMin = Number(b, "BandMin"), BandMax = Number(b, "BandMax") },
                "tolerance" when before is { } b => basis with { Tolerance = Number(b, "Tolerance"), ToleranceKind = Text(b, "ToleranceKind") },
                _ => target,
            };
        }

        return target;
    }

    static HistoricTarget Restored(HistoricTarget basis, JsonElement b) => basis with
    {
        Value = Number(b, "Value"),
        BandMin = Number(b, "BandMin"),
        BandMax = Number(b, "BandMax"),
        Tolerance = Number(b, "Tolerance"),
        ToleranceKind = Text(b, "ToleranceKind"),
        Exists = true,
    };

    static decimal? Number(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDecimal() : null;

    static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    static DateOnly? Date(DateTime? d) => d is { } x ? DateOnly.FromDateTime(x) : null;

    sealed record VersionRow(
        int Id, string Plan, string Name, string? DecidedBy, DateTime? DecidedOn, string? DecisionSection, DateTime? CurrentFrom, bool IsCurrent, string? Revises);

    sealed record TargetRow(
        int PlanVersionId, int Year, string Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, bool IsExample)
    {
        public HistoricTarget ToTarget() => new(Year, Gender, Value, BandMin, BandMax, Tolerance, ToleranceKind, IsExample, true);
    }

    sealed record AdjustmentRow(
        int PlanVersionId, int? Year, string? Gender, string Field, string? Before, string? After, string Reason, string? UserName, string? DisplayName,
        DateTime AdjustedAt)
    {
        public TargetAdjustment ToAdjustment() =>
            new(Year, Gender, Field, Before, After, Reason, DisplayName ?? UserName, new DateTimeOffset(DateTime.SpecifyKind(AdjustedAt, DateTimeKind.Utc)));
    }
}

/// <summary>An adopted version of a plan with its decision, the indicator's målvärden as adopted and now, and its justeringar (oldest first).</summary>
public sealed record AdoptedVersionHistory(
    int VersionId, string Plan, string Name, string? DecidedBy, DateOnly? DecidedOn, string? DecisionSection, DateOnly? CurrentFrom, bool IsCurrent,
    string? Revises, IReadOnlyList<HistoricTarget> Adopted, IReadOnlyList<HistoricTarget> Current, IReadOnlyList<TargetAdjustment> Adjustments);

/// <summary>A målvärde at some time; <see cref="Exists"/> false where there was none.</summary>
public sealed record HistoricTarget(
    int Year, string Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, bool IsExample, bool Exists);

/// <summary>One justering: which field, its values before and after as stored (JSON), the reason, by whom (display name) and when.</summary>
public sealed record TargetAdjustment(
    int? Year, string? Gender, string Field, string? Before, string? After, string Reason, string? By, DateTimeOffset At);
