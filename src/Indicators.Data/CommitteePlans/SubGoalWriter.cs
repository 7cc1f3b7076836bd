using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.CommitteePlans;

/// <summary>
/// The sub_goal table's writes with what belongs to a delmål – its indicators (sub_goal_indicator) and the nämndplan's
/// målvärden for them (target_value rows with the plan's committee_plan_id) – each change one audit entry whose state
/// lists them: used by the nämndplan editor and plan import. An indicator follows up at most one delmål of a nämndplan
/// (the editor and import check), so a målvärde of the nämndplan belongs to exactly one delmål.
/// </summary>
static class SubGoalWriter
{
    static readonly AuditedTable<SubGoalState> Table = new("sub_goal", ReadStateAsync, "Delmålet");

    public static Task<SubGoalState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static EditConflictException Conflict() => Table.Conflict();

    public static Task<int> InsertAsync(AuditedEdit edit, int committeePlanId, SubGoalValues subGoal, IReadOnlyList<SubGoalIndicatorValues> indicators) =>
        Table.InsertAsync<int>(edit, """
            insert into sub_goal (committee_plan_id, goal_id, code, name, description, sort_order)
            values (@CommitteePlanId, @GoalId, @Code, @Name, @Description, @SortOrder)
            returning id
            """, AuditedEdit.Parameters(subGoal, new { CommitteePlanId = committeePlanId }),
            id => WriteIndicatorsAsync(edit, id, indicators), UniqueCode(subGoal.Code));

    /// <summary>
    /// Changes a delmål and replaces its indicators and their målvärden; with a <paramref name="rowVersion"/>, only when the
    /// row is still as the form read it (the row is always rewritten, so its xmin also guards what belongs to it).
    /// </summary>
    public static Task<SubGoalState> UpdateAsync(
        AuditedEdit edit, int id, string? rowVersion, SubGoalValues subGoal, IReadOnlyList<SubGoalIndicatorValues> indicators) =>
        Table.UpdateAsync(edit, id, """
            update sub_goal set goal_id = @GoalId, code = @Code, name = @Name, description = @Description, sort_order = @SortOrder
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(subGoal, new { Id = id, RowVersion = rowVersion }),
            () => WriteIndicatorsAsync(edit, id, indicators), UniqueCode(subGoal.Code));

    /// <summary>Deletes a delmål with its indicator links and the nämndplan's målvärden for them, all named in the entry.</summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        await Table.DeleteAsync(edit, id, """
            delete from target_value t using sub_goal s, sub_goal_indicator si
            where s.id = @Id and si.sub_goal_id = s.id and t.committee_plan_id = s.committee_plan_id and t.indicator_id = si.indicator_id;
            delete from sub_goal where id = @Id;
            """, new { Id = id });
    }

    static async Task WriteIndicatorsAsync(AuditedEdit edit, int id, IReadOnlyList<SubGoalIndicatorValues> indicators)
    {
        var ids = indicators.Select(i => i.IndicatorId).ToArray();
        await edit.ExecuteAsync("""
            delete from target_value t using sub_goal s, sub_goal_indicator si
            where s.id = @Id and si.sub_goal_id = s.id and t.committee_plan_id = s.committee_plan_id and t.indicator_id = si.indicator_id;
            delete from sub_goal_indicator where sub_goal_id = @Id;
            insert into sub_goal_indicator (sub_goal_id, indicator_id, sort_order) select @Id, i, o::int from unnest(@IndicatorIds) with ordinality as x(i, o);
            """, new { Id = id, IndicatorIds = ids });
        foreach (var indicator in indicators)
        {
            foreach (var target in indicator.Targets)
            {
                await edit.ExecuteAsync("""
                    insert into target_value (plan_version_id, committee_plan_id, indicator_id, year, gender, value, band_min, band_max, tolerance,
                                              tolerance_kind, provenance, is_example)
                    select cp.plan_version_id, cp.id, @IndicatorId, @Year, @Gender, @Value, @BandMin, @BandMax, @Tolerance, @ToleranceKind, @Provenance, @IsExample
                    from sub_goal s join committee_plan cp on cp.id = s.committee_plan_id
                    where s.id = @Id
                    """, AuditedEdit.Parameters(target with { Gender = target.Gender is "T" ? null : target.Gender },
                        new { Id = id, indicator.IndicatorId }));
            }
        }
    }

    static async Task<SubGoalState?> ReadStateAsync(AuditedEdit edit, object id)
    {
        var row = await edit.SingleOrDefaultAsync<StateRow>("""
            select s.id, cp.name as committee_plan, c.code as committee, ga.code as goal_area_code, g.code as goal_code,
                   s.code, s.name, s.description, s.sort_order
            from sub_goal s
            join committee_plan cp on cp.id = s.committee_plan_id
            join committee c on c.id = cp.committee_id
            join goal g on g.id = s.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            where s.id = @Id
            """, new { Id = id });
        if (row is null)
        {
            return null;
        }

        var indicators = await edit.ListAsync<string>("""
            select i.code from sub_goal_indicator si join indicator i on i.id = si.indicator_id where si.sub_goal_id = @Id order by si.sort_order, i.code
            """, new { Id = id });
        var targets = await edit.ListAsync<SubGoalTargetState>("""
            select i.code as indicator, t.year::int, coalesce(t.gender, 'T')::text as gender, t.value, t.band_min, t.band_max, t.tolerance,
                   t.tolerance_kind, t.provenance, t.is_example
            from sub_goal s
            join sub_goal_indicator si on si.sub_goal_id = s.id
            join target_value t on t.committee_plan_id = s.committee_plan_id and t.indicator_id = si.indicator_id
            join indicator i on i.id = si.indicator_id
            where s.id = @Id
            order by si.sort_order, i.code, t.year, t.gender nulls first
            """, new { Id = id });
        return new SubGoalState(row.Id, row.CommitteePlan, row.Committee, row.GoalAreaCode, row.GoalCode, row.Code, row.Name, row.Description,
            row.SortOrder, indicators, targets);
    }

    static Unique UniqueCode(string code) => new("sub_goal_committee_plan_id_code_key",
        () => new InvalidEditException(nameof(SubGoalValues.Code), $"Nämndplanen har redan ett delmål med koden ”{code.Trim()}”. Välj en annan kod."));

    sealed record StateRow(
        int Id, string CommitteePlan, string Committee, string GoalAreaCode, string GoalCode, string Code, string Name, string? Description, int SortOrder);
}

/// <summary>A delmål's stored fields, trimmed and cleaned as they are stored.</summary>
sealed record SubGoalValues(int GoalId, string Code, string Name, string? Description, int SortOrder);

/// <summary>An indicator of a delmål and the nämndplan's målvärden for it, as stored.</summary>
sealed record SubGoalIndicatorValues(int IndicatorId, IReadOnlyList<SubGoalTargetValues> Targets);

/// <summary>A nämndplan målvärde's stored fields; <see cref="Gender"/> "T" or null is totalt (stored as null).</summary>
sealed record SubGoalTargetValues(
    int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, string? Provenance, bool IsExample);

/// <summary>A delmål as the audit log records it: its nämndplan, nämnd and mål by code, its indicators and their målvärden.</summary>
public sealed record SubGoalState(
    int Id, string CommitteePlan, string Committee, string GoalAreaCode, string GoalCode, string Code, string Name, string? Description, int SortOrder,
    IReadOnlyList<string> IndicatorCodes, IReadOnlyList<SubGoalTargetState> Targets);

/// <summary>A nämndplan målvärde in a delmål's recorded state.</summary>
public sealed record SubGoalTargetState(
    string Indicator, int Year, string Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind,
    string? Provenance, bool IsExample);
