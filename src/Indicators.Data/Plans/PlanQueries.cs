using Dapper;
using Indicators.Core.Organisations;
using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Observations;
using Indicators.Core.Plans;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>Reads plans for display. Five queries per plan, whatever its size: no query per row.</summary>
public sealed partial class PlanQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The plans of the organisations the scope allows (none given: every organisation, for background jobs).</summary>
    public async Task<IReadOnlyList<PlanChoice>> ListPlansAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        organisations ??= OrganisationScope.All;
        const string sql = """
            select p.id as PlanId, p.name, a.name as AreaName, p.start_year::int, p.end_year::int
            from plan p
            join area a on a.id = p.area_id
            where @Organisations::text[] is null or p.area_id = any(@Organisations)
            order by p.start_year desc, a.name, p.name, p.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PlanChoice>(new CommandDefinition(sql, new { Organisations = organisations.SqlParameter }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The plan's current version (or its newest) as målområden → mål → indikatorer with målvärden, each indicator's total
    /// outcomes for the plan's area and its sources; null if no such plan. Without a period, the default one
    /// (<see cref="FollowUpPeriod.Default"/>) is chosen from the newest outcome.
    /// </summary>
    public Task<PlanOverview?> GetOverviewAsync(int planId, FollowUpPeriod? period = null, CancellationToken cancellationToken = default) =>
        ReadOverviewAsync(planId, null, period, cancellationToken);

    /// <summary>
    /// One version of a plan read as <see cref="GetOverviewAsync"/> reads the current one, for a given period (a report
    /// belongs to the version it was made for); null if the plan has no such version.
    /// </summary>
    public Task<PlanOverview?> GetVersionOverviewAsync(int planId, int versionId, FollowUpPeriod period, CancellationToken cancellationToken = default) =>
        ReadOverviewAsync(planId, versionId, period, cancellationToken);

    async Task<PlanOverview?> ReadOverviewAsync(int planId, int? versionId, FollowUpPeriod? period, CancellationToken cancellationToken)
    {
        const string planSql = """
            select p.id as PlanId, p.name, p.vision, a.id as AreaId, a.name as AreaName,
                   p.start_year, p.end_year, p.is_demo,
                   v.id as VersionId, v.name as VersionName, v.goal_met_share, v.goal_not_met_share
            from plan p
            join area a on a.id = p.area_id
            join lateral (
                select id, name, goal_met_share, goal_not_met_share from plan_version
                where plan_id = p.id and (@VersionId::int is null or id = @VersionId)
                order by is_current desc, created_at desc, id desc
                limit 1) v on true
            where p.id = @PlanId
            """;
        const string treeSql = """
            select ga.id as GoalAreaId, ga.code as GoalAreaCode, ga.name as GoalAreaName, ga.kind = 'prerequisite' as IsPrerequisite,
                   g.id as GoalId, g.code as GoalCode, g.name as GoalName, g.description as GoalDescription,
                   c.id as OwnerCommitteeId, c.name as OwnerCommittee,
                   ic.id as IndicatorCommitteeId, ic.name as IndicatorCommittee,
                   i.id as IndicatorId, i.code as IndicatorCode, i.name as IndicatorName, i.unit, i.decimals,
                   i.direction, i.gender_split, i.is_demo,
                   i.aggregation, i.tolerance, i.tolerance_kind,
                   i.trend_min_difference, coalesce(w.weight, 1) as GoalWeight, i.counted_noun
            from goal_area ga
            left join goal g on g.goal_area_id = ga.id
            left join committee c on c.id = g.owner_committee_id
            left join goal_indicator gi on gi.goal_id = g.id
            left join indicator i on i.id = gi.indicator_id
            left join committee ic on ic.id = i.owner_committee_id
            left join indicator_weight w on w.plan_version_id = ga.plan_version_id and w.indicator_id = i.id
            where ga.plan_version_id = @VersionId
            order by ga.sort_order, ga.code, g.sort_order, g.code, gi.sort_order, i.name
            """;
        const string targetSql = """
            select indicator_id, year, gender, value, band_min, band_max,
                   is_example, provenance
            from target
            where plan_version_id = @VersionId
            order by indicator_id, year, gender nulls first
            """;

        // Every total outcome of the plan's indicators for the plan's area: a few thousand rows, read through
        // observation_area_indicator (area, indicator) however many other areas and indicators the table holds. The ids
        // come from the tree as an array: with a subquery the planner joined over the whole area's index range instead,
        // ~0,5 s on 5 million outcomes once the plan's indicators were not the lowest ids (the dashboard benchmark).
        const string seriesSql = """
            select o.indicator_id, o.period, o.value, o.status
            from observation o
            where o.area_id = @AreaId and o.gender = 'T' and o.indicator_id = any (@IndicatorIds)
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(planSql, new { PlanId = planId, VersionId = versionId }, cancellationToken: cancellationToken));
        if (plan is null)
        {
            return null;
        }

        var tree = (await connection.QueryAsync<TreeRow>(new CommandDefinition(treeSql, new { plan.VersionId }, cancellationToken: cancellationToken))).AsList();
        var targets = (await connection.QueryAsync<TargetRow>(new CommandDefinition(targetSql, new { plan.VersionId }, cancellationToken: cancellationToken)))
            .ToLookup(t => t.IndicatorId, t => new TargetValue(
                t.Year, t.Gender is { } g && GenderCodes.TryParse(g, out var gender) ? gender : null,
                t.Value, t.BandMin, t.BandMax, t.IsExample, t.Provenance));
        var committeePlans = await ReadCommitteePlansAsync(connection, plan.VersionId, cancellationToken);
        var indicatorIds = tree.Concat(committeePlans.Rows).Where(r => r.IndicatorId is not null).Select(r => r.IndicatorId!.Value).Distinct().ToArray();
        var series = (await connection.QueryAsync<SeriesRow>(new CommandDefinition(seriesSql, new { plan.AreaId, IndicatorIds = indicatorIds }, cancellationToken: cancellationToken)))
            .Select(r => (r.IndicatorId, Outcome: r.ToOutcome()))
            .OrderBy(r => r.Outcome.Period)
            .ToLookup(r => r.IndicatorId, r => r.Outcome);
        var sources = (await connection.QueryAsync<Sources.IndicatorSourceRows.Row>(new CommandDefinition(
                Sources.IndicatorSourceRows.Sql, new { IndicatorIds = indicatorIds }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.IndicatorId, r => r.ToIndicatorSource());
        var newest = series.SelectMany(s => s).Select(o => (Core.Periods.Period?)o.Period).Max();
        var chosen = period ?? FollowUpPeriod.Default(plan.StartYear, plan.EndYear, newest);

        var goalAreas = tree
            .GroupBy(r => (r.GoalAreaId, r.GoalAreaCode, r.GoalAreaName, r.IsPrerequisite))
            .Select(area => new GoalAreaOverview(area.Key.GoalAreaId, area.Key.GoalAreaCode, area.Key.GoalAreaName, area.Key.IsPrerequisite,
                area.Where(r => r.GoalId is not null)
                    .GroupBy(r => (Id: r.GoalId!.Value, r.GoalCode, r.GoalName, r.GoalDescription, r.OwnerCommitteeId, r.OwnerCommittee))
                    .Select(goal => new GoalOverview(goal.Key.Id, goal.Key.GoalCode!, goal.Key.GoalName!, goal.Key.OwnerCommittee,
                        goal.Where(r => r.IndicatorId is not null)
                            .Select(r => IndicatorOf(r, targets[r.IndicatorId!.Value].ToList(), series, sources))
                            .ToList(),
                        goal.Key.OwnerCommitteeId,
                        goal.Key.GoalDescription))
                    .ToList()))
            .ToList();

        return new PlanOverview(plan.PlanId, plan.Name, plan.Vision, plan.AreaName, plan.StartYear, plan.EndYear, plan.VersionName, plan.IsDemo,
            goalAreas, chosen, new GoalRule(plan.GoalMetShare, plan.GoalNotMetShare))
        {
            CommitteePlans = committeePlans.Build(r => targets[r.IndicatorId!.Value].ToList(), series, sources),
        };
    }

    static IndicatorOverview IndicatorOf(TreeRow r, IReadOnlyList<TargetValue> targets, ILookup<int, Outcome> series, ILookup<int, IndicatorSource> sources) => new(
        r.IndicatorId!.Value, r.IndicatorCode!, r.IndicatorName!, r.Unit!, r.Decimals ?? 0,
        DirectionCodes.Parse(r.Direction!), r.GenderSplit ?? false, r.IsDemo ?? false,
        targets,
        r.Aggregation == "sum" ? Aggregation.Sum : Aggregation.Rate,
        r.ToTolerance(),
        r.TrendMinDifference ?? 0,
        [.. series[r.IndicatorId.Value]],
        [.. sources[r.IndicatorId.Value]],
        r.IndicatorCommitteeId,
        r.IndicatorCommittee,
        r.GoalWeight ?? GoalRule.DefaultWeight,
        r.CountedNoun);

    sealed record PlanRow(int PlanId, string Name, string? Vision, string AreaId, string AreaName, short StartYear, short EndYear, bool IsDemo, int VersionId, string VersionName,
        decimal GoalMetShare, decimal GoalNotMetShare);

    sealed record TreeRow(
        int GoalAreaId, string GoalAreaCode, string GoalAreaName, bool IsPrerequisite,
        int? GoalId, string? GoalCode, string? GoalName, string? GoalDescription, int? OwnerCommitteeId, string? OwnerCommittee,
        int? IndicatorCommitteeId, string? IndicatorCommittee,
        int? IndicatorId, string? IndicatorCode, string? IndicatorName, string? Unit, short? Decimals,
        string? Direction, bool? GenderSplit, bool? IsDemo,
        string? Aggregation, decimal? Tolerance, string? ToleranceKind, decimal? TrendMinDifference, decimal? GoalWeight, string? CountedNoun)
    {
        public Tolerance? ToTolerance() => (Tolerance, ToleranceKind) switch
        {
            ({ } amount, "relative") => Core.Attainment.Tolerance.Relative(amount),
            ({ } amount, _) => Core.Attainment.Tolerance.Absolute(amount),
            _ => null,
        };
    }

    sealed record SeriesRow(int IndicatorId, string Period, decimal? Value, string Status)
    {
        public Outcome ToOutcome() => new(
            Core.Periods.Period.Parse(Period), Value,
            ObservationStatusCodes.TryParse(Status, out var status) ? status : throw new FormatException($"Unknown observation status '{Status}'."));
    }

    sealed record TargetRow(int IndicatorId, short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);
}
