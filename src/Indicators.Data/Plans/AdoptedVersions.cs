using System.Text.Json;
using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>
/// The rule that an adopted (fastställd) version stays as it was decided: its målvärden, tolerances, the directions of its
/// indicators and its indicator links change only by a revision (a new version with its own adoption) or by a justering
/// with a reason. Every writer of those rows asks here first, so the rule holds for the editors and plan import alike;
/// a justering is stored in target_adjustment (the target's history) and audited in the same transaction.
/// </summary>
static class AdoptedVersions
{
    /// <summary>The field name a refusal points at: the editors' reason field.</summary>
    public const string ReasonField = "AdjustmentReason";

    sealed record VersionRow(string Name, string Kind);

    /// <summary>One changed field of an adopted version: which, its values before and after (null where it did not exist).</summary>
    public sealed record Change(string Field, object? Before, object? After);

    /// <summary>What a justering names: the indicator (code), the version, and the målvärde's year and gender when it concerns one.</summary>
    public sealed record Subject(int VersionId, int IndicatorId, int? Year, string? Gender);

    /// <summary>The target fields a report is judged against, as the history stores them.</summary>
    public sealed record TargetFields(decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind);

    /// <summary>
    /// Marks a version as created in this transaction (a transaction-local setting): what a plan import or a version copy
    /// writes into it is its content as adopted, not a change to an adopted version.
    /// </summary>
    public static Task MarkNewAsync(AuditedEdit edit, int versionId) => edit.ExecuteAsync("""
        select set_config('indicators.new_versions', coalesce(current_setting('indicators.new_versions', true), '') || ',' || @Id::text, true)
        """, new { Id = versionId });

    /// <summary>
    /// The name of the version when it is adopted and was not created in this transaction; null for a draft or proposal
    /// (which change freely) or a version being created.
    /// </summary>
    public static async Task<string?> AdoptedNameAsync(AuditedEdit edit, int versionId)
    {
        var row = await edit.SingleOrDefaultAsync<VersionRow>("""
            select name, kind from plan_version
            where id = @Id and not (@Id::text = any (string_to_array(coalesce(current_setting('indicators.new_versions', true), ''), ',')))
            """, new { Id = versionId });
        return row is { Kind: "adopted" } ? row.Name : null;
    }

    /// <summary>The fields that differ between a målvärde before and after (null where it does not exist).</summary>
    public static IReadOnlyList<Change> TargetChanges(TargetFields? before, TargetFields? after)
    {
        if (before is null || after is null)
        {
            return before == after ? [] : [new Change("target", before, after)];
        }

        var changes = new List<Change>();
        if (before.Value != after.Value)
        {
            changes.Add(new Change("value", new { before.Value }, new { after.Value }));
        }

        if (before.BandMin != after.BandMin || before.BandMax != after.BandMax)
        {
            changes.Add(new Change("band", new { before.BandMin, before.BandMax }, new { after.BandMin, after.BandMax }));
        }

        if (before.Tolerance != after.Tolerance || before.ToleranceKind != after.ToleranceKind)
        {
            changes.Add(new Change("tolerance", new { before.Tolerance, before.ToleranceKind }, new { after.Tolerance, after.ToleranceKind }));
        }

        return changes;
    }

    /// <summary>
    /// Lets <paramref name="changes"/> to an adopted version through only with a reason, storing each as a justering;
    /// refuses them with a Swedish message naming the indicator, year and field otherwise. Changes to other versions pass.
    /// </summary>
    public static async Task GuardAsync(AuditedEdit edit, Subject subject, IReadOnlyList<Change> changes, string? reason)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(subject);
        if (changes.Count == 0 || await AdoptedNameAsync(edit, subject.VersionId) is not { } versionName)
        {
            return;
        }

        var indicator = await edit.ScalarAsync<string>("select code from indicator where id = @Id", new { Id = subject.IndicatorId }) ?? "";
        if (Validation.Clean(reason) is not { } why)
        {
            var what = string.Join(" och ", changes.Select(c => FieldName(c.Field)).Distinct());
            throw new InvalidEditException(ReasonField,
                $"Versionen ”{versionName}” är fastställd: {what} för {indicator}{Where(subject)} kan bara ändras genom en justering med skäl " +
                "eller genom en revision (en ny version med eget beslut). Ange skäl för justeringen.");
        }

        foreach (var change in changes)
        {
            var id = await edit.ScalarAsync<long>("""
                insert into target_adjustment (plan_version_id, indicator_id, year, gender, field, before, after, reason, user_name)
                values (@VersionId, @IndicatorId, @Year, @Gender, @Field, @Before::jsonb, @After::jsonb, @Reason, @UserName)
                returning id
                """, new
            {
                subject.VersionId, subject.IndicatorId, Year = (short?)subject.Year, subject.Gender, change.Field,
                Before = Json(change.Before), After = Json(change.After), Reason = why, edit.Actor.UserName,
            });
            await edit.RecordAsync("adjust", "target_adjustment", id, null, new
            {
                Indicator = indicator, Version = versionName, subject.Year, subject.Gender, change.Field, change.Before, change.After, Reason = why,
            });
        }
    }

    /// <summary>
    /// Guards a change of indicator links from <paramref name="before"/> to <paramref name="after"/> (pairs of mål and
    /// indicator): each link added or removed in an adopted version needs the reason <paramref name="reasonFor"/> gives for
    /// that version, and is stored as a justering of the indicator in it.
    /// </summary>
    public static async Task GuardLinksAsync(
        AuditedEdit edit, IReadOnlyCollection<(int GoalId, int IndicatorId)> before, IReadOnlyCollection<(int GoalId, int IndicatorId)> after,
        Func<int, string?> reasonFor)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(reasonFor);
        var removed = before.Except(after).Select(l => (Link: l, Added: false));
        var added = after.Except(before).Select(l => (Link: l, Added: true));
        var changed = removed.Concat(added).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var goals = (await edit.ListAsync<GoalRow>("""
            select g.id, g.code, ga.plan_version_id from goal g join goal_area ga on ga.id = g.goal_area_id where g.id = any (@Ids)
            """, new { Ids = changed.Select(c => c.Link.GoalId).Distinct().ToArray() })).ToDictionary(g => g.Id);
        foreach (var group in changed.Where(c => goals.ContainsKey(c.Link.GoalId))
                     .GroupBy(c => (goals[c.Link.GoalId].PlanVersionId, c.Link.IndicatorId)))
        {
            var changes = group.Select(c => new Change("link",
                c.Added ? null : new { Goal = goals[c.Link.GoalId].Code }, c.Added ? new { Goal = goals[c.Link.GoalId].Code } : null)).ToList();
            await GuardAsync(edit, new Subject(group.Key.PlanVersionId, group.Key.IndicatorId, null, null), changes, reasonFor(group.Key.PlanVersionId));
        }
    }

    /// <summary>
    /// Guards a change of an indicator's direction or default tolerance, which judge its målvärden in every version: each
    /// adopted version that follows the indicator up (links or målvärden) needs the reason <paramref name="reasonFor"/> gives.
    /// </summary>
    public static async Task GuardIndicatorAsync(
        AuditedEdit edit, int indicatorId, (string Direction, decimal? Tolerance, string? ToleranceKind) before,
        (string Direction, decimal? Tolerance, string? ToleranceKind) after, Func<int, string?> reasonFor)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(reasonFor);
        var changes = new List<Change>();
        if (before.Direction != after.Direction)
        {
            changes.Add(new Change("direction", new { before.Direction }, new { after.Direction }));
        }

        if (before.Tolerance != after.Tolerance || before.ToleranceKind != after.ToleranceKind)
        {
            changes.Add(new Change("tolerance", new { before.Tolerance, before.ToleranceKind }, new { after.Tolerance, after.ToleranceKind }));
        }

        if (changes.Count == 0)
        {
            return;
        }

        var versions = await edit.ListAsync<int>("""
            select v.id from plan_version v
            where v.kind = 'adopted'
              and (exists (select 1 from target t where t.plan_version_id = v.id and t.indicator_id = @Id)
                   or exists (select 1 from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
                              where ga.plan_version_id = v.id and gi.indicator_id = @Id))
            order by v.id
            """, new { Id = indicatorId });
        foreach (var versionId in versions)
        {
            await GuardAsync(edit, new Subject(versionId, indicatorId, null, null), changes, reasonFor(versionId));
        }
    }

    sealed record GoalRow(int Id, string Code, int PlanVersionId);

    /// <summary>The field as the UI says it.</summary>
    public static string FieldName(string field) => field switch
    {
        "value" => "målvärdet",
        "band" => "målintervallet",
        "tolerance" => "toleransen",
        "direction" => "riktningen",
        "link" => "kopplingen till mål",
        _ => "målvärdet",
    };

    static string Where(Subject subject) =>
        (subject.Year is { } year ? $" {year}" : "") + (subject.Gender switch { "K" => " (kvinnor)", "M" => " (män)", _ => "" });

    static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value);
}
