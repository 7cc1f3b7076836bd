using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.CommitteePlans;
using Indicators.Core.Observations;
using Indicators.Core.Plans;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>The plan version's nämndplaner with their delmål and indicators, read with the plan: three more queries.</summary>
public sealed partial class PlanQueries
{
    static async Task<CommitteePlanRows> ReadCommitteePlansAsync(NpgsqlConnection connection, int versionId, CancellationToken cancellationToken)
    {
        const string plansSql = """
            select cp.id, cp.committee_id, c.name as committee_name, cp.name, cp.start_year::int, cp.end_year::int,
                   cp.decided_by, cp.decided_on, cp.decision_section
            from committee_plan cp join committee c on c.id = cp.committee_id
            where cp.plan_version_id = @VersionId
            order by c.name, cp.start_year, cp.name
            """;

        // A delmål's indicators as rows of the plan's tree (the mål the delmål breaks down, then the indicator), so they
        // are read into indicators exactly as the mål's own are; a delmål without indicators has one row without one.
        const string subGoalsSql = """
            select s.committee_plan_id as CommitteePlanId, s.id as SubGoalId, s.code as SubGoalCode, s.name as SubGoalName,
                   s.description as SubGoalDescription, s.sort_order as SubGoalSortOrder,
                   ga.id as GoalAreaId, ga.code as GoalAreaCode, ga.name as GoalAreaName, ga.kind = 'prerequisite' as IsPrerequisite,
                   g.id as GoalId, g.code as GoalCode, g.name as GoalName, g.description as GoalDescription,
                   c.id as OwnerCommitteeId, c.name as OwnerCommittee,
                   ic.id as IndicatorCommitteeId, ic.name as IndicatorCommittee,
                   i.id as IndicatorId, i.code as IndicatorCode, i.name as IndicatorName, i.unit, i.decimals,
                   i.direction, i.gender_split, i.is_demo,
                   i.aggregation, i.tolerance, i.tolerance_kind,
                   i.trend_min_difference, coalesce(w.weight, 1) as GoalWeight, i.counted_noun
            from sub_goal s
            join committee_plan cp on cp.id = s.committee_plan_id
            join goal g on g.id = s.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            left join committee c on c.id = g.owner_committee_id
            left join sub_goal_indicator si on si.sub_goal_id = s.id
            left join indicator i on i.id = si.indicator_id
            left join committee ic on ic.id = i.owner_committee_id
            left join indicator_weight w on w.plan_version_id = cp.plan_version_id and w.indicator_id = i.id
            where cp.plan_version_id = @VersionId
            order by s.sort_order, s.code, si.sort_order, i.name
            """;

        // The nämndplaner's own målvärden (target_value rows with a committee_plan_id; the view target holds the others).
        const string targetsSql = """
            select committee_plan_id, indicator_id, year, gender, value, band_min, band_max, is_example, provenance
            from target_value
            where plan_version_id = @VersionId and committee_plan_id is not null
            order by indicator_id, year, gender nulls first
            """;

        var parameters = new { VersionId = versionId };
        var plans = (await connection.QueryAsync<CommitteePlanRow>(new CommandDefinition(plansSql, parameters, cancellationToken: cancellationToken))).AsList();
        if (plans.Count == 0)
        {
            return new([], [], []);
        }

        var subGoals = (await connection.QueryAsync<SubGoalRow, TreeRow, (TreeRow Tree, SubGoalRow SubGoal)>(new CommandDefinition(
                subGoalsSql, parameters, cancellationToken: cancellationToken), (subGoal, tree) => (tree, subGoal), splitOn: "GoalAreaId"))
            .AsList();
        var targets = (await connection.QueryAsync<OwnTargetRow>(new CommandDefinition(targetsSql, parameters, cancellationToken: cancellationToken))).AsList();
        return new(plans, subGoals, targets);
    }

    /// <summary>What <see cref="ReadCommitteePlansAsync"/> read, built into overviews once outcomes and sources are read.</summary>
    sealed record CommitteePlanRows(IReadOnlyList<CommitteePlanRow> Plans, IReadOnlyList<(TreeRow Tree, SubGoalRow SubGoal)> SubGoals, IReadOnlyList<OwnTargetRow> Targets)
    {
        public IEnumerable<TreeRow> Rows => SubGoals.Select(s => s.Tree);

        public IReadOnlyList<CommitteePlanOverview> Build(
            Func<TreeRow, IReadOnlyList<TargetValue>> regionTargets, ILookup<int, Outcome> series, ILookup<int, IndicatorSource> sources)
        {
            var own = Targets.ToLookup(t => (t.CommitteePlanId, t.IndicatorId), t => new TargetValue(
                t.Year, t.Gender is { } g && GenderCodes.TryParse(g, out var gender) ? gender : null, t.Value, t.BandMin, t.BandMax, t.IsExample, t.Provenance));
            return [.. Plans.Select(p => new CommitteePlanOverview(
                p.Id, p.CommitteeId, p.CommitteeName, p.Name, p.StartYear, p.EndYear, p.DecidedBy, p.DecidedOn, p.DecisionSection,
                [.. SubGoals.Where(s => s.SubGoal.CommitteePlanId == p.Id)
                    .GroupBy(s => s.SubGoal.SubGoalId)
                    .Select(s =>
                    {
                        var first = s.First();
                        return new SubGoalOverview(first.SubGoal.SubGoalId, first.Tree.GoalId!.Value, first.SubGoal.SubGoalCode, first.SubGoal.SubGoalName,
                            first.SubGoal.SubGoalDescription, first.SubGoal.SubGoalSortOrder,
                            [.. s.Where(r => r.Tree.IndicatorId is not null).Select(r => IndicatorOf(r.Tree,
                                SubGoalTargets.Overlay(regionTargets(r.Tree), [.. own[(p.Id, r.Tree.IndicatorId!.Value)]]), series, sources))]);
                    })]))];
        }
    }

    sealed record CommitteePlanRow(
        int Id, int CommitteeId, string CommitteeName, string Name, int StartYear, int EndYear, string? DecidedBy, DateOnly? DecidedOn, string? DecisionSection);

    sealed record SubGoalRow(int CommitteePlanId, int SubGoalId, string SubGoalCode, string SubGoalName, string? SubGoalDescription, int SubGoalSortOrder);

    sealed record OwnTargetRow(
        int CommitteePlanId, int IndicatorId, short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);
}
