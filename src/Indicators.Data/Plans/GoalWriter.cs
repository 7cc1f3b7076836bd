using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>
/// The goal table's writes with its link rows (contributing nämnder, followed-up indicators), each with its audit entry:
/// used by the mål editor, the indicator editor (its links to mål) and plan import.
/// </summary>
static class GoalWriter
{
    static readonly AuditedTable<GoalState> Table = new("goal", ReadStateAsync, "Målet");

    public static Task<GoalState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static EditConflictException Conflict() => Table.Conflict();

    /// <summary>A new mål with its contributors and, when given, its indicators in order.</summary>
    public static Task<int> InsertAsync(
        AuditedEdit edit, int goalAreaId, GoalValues goal, int[] contributorIds, int[]? indicatorIds, string? justering = null) =>
        Table.InsertAsync<int>(edit, """
            insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
            values (@GoalAreaId, @Code, @Name, @Description, @OwnerCommitteeId, @SortOrder)
            returning id
            """, AuditedEdit.Parameters(goal, new { GoalAreaId = goalAreaId }), id => WriteLinksAsync(edit, id, contributorIds, indicatorIds, justering), UniqueCode(goal.Code));

    /// <summary>
    /// Changes a mål and replaces its contributors (and its indicators, when given); with a <paramref name="rowVersion"/>,
    /// only when the row is still as the form read it. The row is always rewritten, so its xmin also guards its links.
    /// </summary>
    public static Task<GoalState> UpdateAsync(
        AuditedEdit edit, int id, string? rowVersion, GoalValues goal, int[] contributorIds, int[]? indicatorIds, string? justering = null) =>
        Table.UpdateAsync(edit, id, """
            update goal set code = @Code, name = @Name, description = @Description, owner_committee_id = @OwnerCommitteeId, sort_order = @SortOrder
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(goal, new { Id = id, RowVersion = rowVersion }),
            () => WriteLinksAsync(edit, id, contributorIds, indicatorIds, justering), UniqueCode(goal.Code));

    /// <summary>Deletes a mål; its indicators stay (they belong to the organisation), only their links go, named in the entry.</summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        var indicatorCodes = await edit.ListAsync<string>(
            "select i.code from goal_indicator gi join indicator i on i.id = gi.indicator_id where gi.goal_id = @Id order by gi.sort_order, i.code", new { Id = id });
        await Table.DeleteAsync(edit, id, "delete from goal where id = @Id", new { Id = id },
            goal => new { Goal = goal, UnlinkedIndicatorCodes = indicatorCodes });
    }

    /// <summary>
    /// Links an indicator to exactly <paramref name="goalIds"/> (the indicator editor's side of the links): links to other
    /// mål go, a new link comes last among its mål's indicators, existing links keep their place.
    /// </summary>
    public static async Task LinkIndicatorAsync(AuditedEdit edit, int indicatorId, int[] goalIds, Func<int, string?> reasonFor)
    {
        var before = await edit.ListAsync<int>("select goal_id from goal_indicator where indicator_id = @Id", new { Id = indicatorId });
        await AdoptedVersions.GuardLinksAsync(edit, [.. before.Select(g => (g, indicatorId))], [.. goalIds.Distinct().Select(g => (g, indicatorId))], reasonFor);
        await edit.ExecuteAsync("""
        delete from goal_indicator where indicator_id = @Id and not (goal_id = any (@GoalIds));
        insert into goal_indicator (goal_id, indicator_id, sort_order)
        select g, @Id, coalesce((select max(sort_order) + 1 from goal_indicator where goal_id = g), 0)
        from unnest(@GoalIds) g
        where not exists (select 1 from goal_indicator where goal_id = g and indicator_id = @Id);
        """, new { Id = indicatorId, GoalIds = goalIds });
    }

    /// <summary>Copies a version's mål with their links into another version whose målområden are already copied.</summary>
    public static async Task<(int Goals, int Contributors, int IndicatorLinks)> CopyAsync(AuditedEdit edit, int sourceVersionId, int targetVersionId)
    {
        // Rows of the new version are matched to the source's by code: codes are unique within a version (goal areas)
        // and within a goal area (goals), so no id map has to be carried between the statements.
        const string goalPairs = """
            select og.id as old_id, ng.id as new_id
            from goal og
            join goal_area oga on oga.id = og.goal_area_id
            join goal_area nga on nga.plan_version_id = @Target and nga.code = oga.code
            join goal ng on ng.goal_area_id = nga.id and ng.code = og.code
            where oga.plan_version_id = @Source
            """;
        var parameters = new { Source = sourceVersionId, Target = targetVersionId };
        var goals = await edit.ExecuteAsync("""
            insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
            select nga.id, g.code, g.name, g.description, g.owner_committee_id, g.sort_order
            from goal g
            join goal_area oga on oga.id = g.goal_area_id
            join goal_area nga on nga.plan_version_id = @Target and nga.code = oga.code
            where oga.plan_version_id = @Source
            """, parameters);
        var contributors = await edit.ExecuteAsync($"""
            insert into goal_contributor (goal_id, committee_id)
            select p.new_id, gc.committee_id from goal_contributor gc join ({goalPairs}) p on p.old_id = gc.goal_id
            """, parameters);
        var links = await edit.ExecuteAsync($"""
            insert into goal_indicator (goal_id, indicator_id, sort_order)
            select p.new_id, gi.indicator_id, gi.sort_order from goal_indicator gi join ({goalPairs}) p on p.old_id = gi.goal_id
            """, parameters);
        return (goals, contributors, links);
    }

    static async Task WriteLinksAsync(AuditedEdit edit, int id, int[] contributorIds, int[]? indicatorIds, string? justering)
    {
        await edit.ExecuteAsync("""
            delete from goal_contributor where goal_id = @Id;
            insert into goal_contributor (goal_id, committee_id) select @Id, unnest(@CommitteeIds);
            """, new { Id = id, CommitteeIds = contributorIds });
        if (indicatorIds is not null)
        {
            var before = await edit.ListAsync<int>("select indicator_id from goal_indicator where goal_id = @Id", new { Id = id });
            await AdoptedVersions.GuardLinksAsync(edit, [.. before.Select(i => (id, i))], [.. indicatorIds.Distinct().Select(i => (id, i))], _ => justering);
            await edit.ExecuteAsync("""
                delete from goal_indicator where goal_id = @Id;
                insert into goal_indicator (goal_id, indicator_id, sort_order) select @Id, i, o::int from unnest(@IndicatorIds) with ordinality as x(i, o);
                """, new { Id = id, IndicatorIds = indicatorIds });
        }
    }

    static async Task<GoalState?> ReadStateAsync(AuditedEdit edit, object id) =>
        (await edit.SingleOrDefaultAsync<StateRow>("""
            select g.id, g.goal_area_id, ga.code as goal_area_code, g.code, g.name, g.description, c.code as owner_committee_code,
                   (select coalesce(string_agg(cc.code, chr(31) order by cc.code), '') from goal_contributor gc join committee cc on cc.id = gc.committee_id
                    where gc.goal_id = g.id) as contributor_codes,
                   g.sort_order,
                   (select coalesce(string_agg(i.code, chr(31) order by gi.sort_order, i.code), '') from goal_indicator gi join indicator i on i.id = gi.indicator_id
                    where gi.goal_id = g.id) as indicator_codes
            from goal g
            join goal_area ga on ga.id = g.goal_area_id
            left join committee c on c.id = g.owner_committee_id
            where g.id = @Id
            """, new { Id = id }))?.ToState();

    static Unique UniqueCode(string code) => new("goal_goal_area_id_code_key",
        () => new InvalidEditException(nameof(GoalValues.Code), $"Målområdet har redan ett mål med koden ”{code.Trim()}”. Välj en annan kod."));

    sealed record StateRow(
        int Id, int GoalAreaId, string GoalAreaCode, string Code, string Name, string? Description, string? OwnerCommitteeCode,
        string ContributorCodes, int SortOrder, string IndicatorCodes)
    {
        public GoalState ToState() => new(
            Id, GoalAreaId, GoalAreaCode, Code, Name, Description, OwnerCommitteeCode, JoinedText.Split(ContributorCodes), SortOrder,
            JoinedText.Split(IndicatorCodes));
    }
}

/// <summary>A mål's stored fields, trimmed and cleaned as they are stored; its owner by committee id.</summary>
sealed record GoalValues(string Code, string Name, string? Description, int? OwnerCommitteeId, int SortOrder);
