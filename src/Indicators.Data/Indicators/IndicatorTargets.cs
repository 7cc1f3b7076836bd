using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Indicators;

/// <summary>
/// An indicator's målvärden as its editor saves them: each listed version's set replaces the stored one through
/// <see cref="TargetWriter"/>, which writes and audits only what was created, changed or removed.
/// </summary>
static class IndicatorTargets
{
    /// <summary>A stored målvärde with its plan's years (for the check that kept målvärden still fit the indicator).</summary>
    public sealed record Stored(
        int Id, int PlanVersionId, string Indicator, string Plan, string Version, int StartYear, int EndYear, int Year, string Gender,
        decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, string? Provenance, bool IsExample)
    {
        public TargetState State(string indicator) =>
            new(indicator, Plan, Version, Year, Gender, Value, BandMin, BandMax, Tolerance, ToleranceKind, Provenance, IsExample);
    }

    /// <summary>An indicator's stored målvärden, in all versions or in one.</summary>
    public static Task<IReadOnlyList<Stored>> StoredAsync(AuditedEdit edit, int indicatorId, int? planVersionId) =>
        edit.ListAsync<Stored>("""
            select t.id, t.plan_version_id, i.code as indicator, p.name as plan, v.name as version,
                   p.start_year::int, p.end_year::int, t.year::int, coalesce(t.gender, 'T')::text as gender,
                   t.value, t.band_min, t.band_max, t.tolerance, t.tolerance_kind, t.provenance, t.is_example
            from target t
            join indicator i on i.id = t.indicator_id
            join plan_version v on v.id = t.plan_version_id
            join plan p on p.id = v.plan_id
            where t.indicator_id = @IndicatorId and (@PlanVersionId::int is null or t.plan_version_id = @PlanVersionId::int)
            order by p.start_year, p.id, v.id, t.year, t.gender nulls first
            """, new { IndicatorId = indicatorId, PlanVersionId = planVersionId });

    /// <summary>Replaces each listed version's targets by the new set, writing and auditing only what changed.</summary>
    /// <remarks>In an adopted version each change is a justering with <paramref name="justering"/> as its reason, refused without one.</remarks>
    public static async Task SaveAsync(
        AuditedEdit edit, int indicatorId, string indicatorCode, IReadOnlyList<IndicatorEditCheck.CheckedVersion> versions, string? justering)
    {
        foreach (var version in versions)
        {
            var stored = (await StoredAsync(edit, indicatorId, version.Id)).ToDictionary(t => (t.Year, t.Gender));
            var (plan, versionName) = (await edit.SingleOrDefaultAsync<(string, string)>(
                "select p.name, v.name from plan_version v join plan p on p.id = v.plan_id where v.id = @Id", new { Id = version.Id }));
            var wanted = new HashSet<(int, string)>();
            foreach (var target in version.Targets)
            {
                var gender = target.Gender is null or "T" ? "T" : target.Gender;
                wanted.Add((target.Year, gender));
                var values = new TargetValues(target.Year, gender, target.Value, target.BandMin, target.BandMax, target.Tolerance, target.ToleranceKind,
                    Validation.Clean(target.Provenance), target.IsExample);
                var state = new TargetState(indicatorCode, plan, versionName, values.Year, gender, values.Value, values.BandMin, values.BandMax,
                    values.Tolerance, values.ToleranceKind, values.Provenance, values.IsExample);
                if (!stored.TryGetValue((target.Year, gender), out var old))
                {
                    await TargetWriter.InsertAsync(edit, version.Id, indicatorId, values, justering);
                }
                else if (old.State(indicatorCode) != state)
                {
                    await TargetWriter.UpdateAsync(edit, old.Id, values, justering);
                }
            }

            foreach (var gone in stored.Values.Where(t => !wanted.Contains((t.Year, t.Gender))))
            {
                await TargetWriter.DeleteAsync(edit, gone.Id, justering);
            }
        }
    }
}
