using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Plans;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>Reads plans for display. Three queries per plan, whatever its size: no query per row.</summary>
public sealed class PlanQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PlanChoice>> ListPlansAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select p.id as PlanId, p.name as Name, a.name as AreaName, p.start_year::int as StartYear, p.end_year::int as EndYear
            from plan p
            join area a on a.id = p.area_id
            order by p.start_year desc, a.name, p.name, p.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<PlanChoice>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The plan's current version (or its newest) as målområden → mål → indikatorer with målvärden; null if no such plan.</summary>
    public async Task<PlanOverview?> GetOverviewAsync(int planId, CancellationToken cancellationToken = default)
    {
        const string planSql = """
            select p.id as PlanId, p.name as Name, p.vision as Vision, a.id as AreaId, a.name as AreaName,
                   p.start_year as StartYear, p.end_year as EndYear, p.is_demo as IsDemo,
                   v.id as VersionId, v.name as VersionName
            from plan p
            join area a on a.id = p.area_id
            join lateral (
                select id, name from plan_version
                where plan_id = p.id
                order by is_current desc, created_at desc, id desc
                limit 1) v on true
            where p.id = @PlanId
            """;
        const string treeSql = """
            select ga.id as GoalAreaId, ga.code as GoalAreaCode, ga.name as GoalAreaName, ga.kind = 'prerequisite' as IsPrerequisite,
                   g.id as GoalId, g.code as GoalCode, g.name as GoalName, c.name as OwnerCommittee,
                   i.id as IndicatorId, i.code as IndicatorCode, i.name as IndicatorName, i.unit as Unit, i.decimals as Decimals,
                   i.direction as Direction, i.gender_split as GenderSplit, i.is_demo as IsDemo,
                   i.aggregation as Aggregation, i.tolerance as Tolerance, i.tolerance_kind as ToleranceKind,
                   i.trend_min_difference as TrendMinDifference
            from goal_area ga
            left join goal g on g.goal_area_id = ga.id
            left join committee c on c.id = g.owner_committee_id
            left join goal_indicator gi on gi.goal_id = g.id
            left join indicator i on i.id = gi.indicator_id
            where ga.plan_version_id = @VersionId
            order by ga.sort_order, ga.code, g.sort_order, g.code, gi.sort_order, i.name
            """;
        const string targetSql = """
            select indicator_id as IndicatorId, year as Year, gender as Gender, value as Value, band_min as BandMin, band_max as BandMax,
                   is_example as IsExample, provenance as Provenance
            from target
            where plan_version_id = @VersionId
            order by indicator_id, year, gender nulls first
            """;

        // Per indicator of the plan: the latest total outcome for the plan's area (a full year counts as later than any part
        // of the same year) and the outcome of the same period a year earlier, for the trend.
        const string latestSql = """
            with plan_indicator as (
                select distinct gi.indicator_id
                from goal_area ga
                join goal g on g.goal_area_id = ga.id
                join goal_indicator gi on gi.goal_id = g.id
                where ga.plan_version_id = @VersionId
            ), latest as (
                select distinct on (o.indicator_id) o.indicator_id, o.period, o.period_year, o.value, o.status, o.updated_at
                from observation o
                join plan_indicator pi on pi.indicator_id = o.indicator_id
                where o.area_id = @AreaId and o.gender = 'T'
                order by o.indicator_id, o.period_year desc,
                         case when length(o.period) = 4 then 12
                              when o.period like '%-T_' then right(o.period, 1)::int * 4
                              when o.period like '%-Q_' then right(o.period, 1)::int * 3
                              when o.period like '%-JA' then 8
                              else right(o.period, 2)::int end desc,
                         length(o.period)
            )
            select l.indicator_id as IndicatorId, l.period as Period, l.value as Value, l.status as Status, l.updated_at as UpdatedAt,
                   p.period as PreviousPeriod, p.value as PreviousValue, p.status as PreviousStatus
            from latest l
            left join observation p on p.indicator_id = l.indicator_id and p.area_id = @AreaId and p.gender = 'T'
                 and p.period = (l.period_year - 1)::text || substr(l.period, 5)
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(planSql, new { PlanId = planId }, cancellationToken: cancellationToken));
        if (plan is null)
        {
            return null;
        }

        var tree = (await connection.QueryAsync<TreeRow>(new CommandDefinition(treeSql, new { plan.VersionId }, cancellationToken: cancellationToken))).AsList();
        var targets = (await connection.QueryAsync<TargetRow>(new CommandDefinition(targetSql, new { plan.VersionId }, cancellationToken: cancellationToken)))
            .ToLookup(t => t.IndicatorId, t => new TargetValue(
                t.Year, t.Gender is { } g && GenderCodes.TryParse(g, out var gender) ? gender : null,
                t.Value, t.BandMin, t.BandMax, t.IsExample, t.Provenance));
        var latest = (await connection.QueryAsync<LatestRow>(new CommandDefinition(latestSql, new { plan.VersionId, plan.AreaId }, cancellationToken: cancellationToken)))
            .ToDictionary(l => l.IndicatorId, l => l.ToLatestOutcome());

        var goalAreas = tree
            .GroupBy(r => (r.GoalAreaId, r.GoalAreaCode, r.GoalAreaName, r.IsPrerequisite))
            .Select(area => new GoalAreaOverview(area.Key.GoalAreaId, area.Key.GoalAreaCode, area.Key.GoalAreaName, area.Key.IsPrerequisite,
                area.Where(r => r.GoalId is not null)
                    .GroupBy(r => (Id: r.GoalId!.Value, r.GoalCode, r.GoalName, r.OwnerCommittee))
                    .Select(goal => new GoalOverview(goal.Key.Id, goal.Key.GoalCode!, goal.Key.GoalName!, goal.Key.OwnerCommittee,
                        goal.Where(r => r.IndicatorId is not null)
                            .Select(r => new IndicatorOverview(
                                r.IndicatorId!.Value, r.IndicatorCode!, r.IndicatorName!, r.Unit!, r.Decimals ?? 0,
                                DirectionCodes.Parse(r.Direction!), r.GenderSplit ?? false, r.IsDemo ?? false,
                                targets[r.IndicatorId.Value].ToList(),
                                r.Aggregation == "sum" ? Aggregation.Sum : Aggregation.Rate,
                                r.ToTolerance(),
                                r.TrendMinDifference ?? 0,
                                latest.GetValueOrDefault(r.IndicatorId.Value)))
                            .ToList()))
                    .ToList()))
            .ToList();

        return new PlanOverview(plan.PlanId, plan.Name, plan.Vision, plan.AreaName, plan.StartYear, plan.EndYear, plan.VersionName, plan.IsDemo, goalAreas);
    }

    sealed record PlanRow(int PlanId, string Name, string? Vision, string AreaId, string AreaName, short StartYear, short EndYear, bool IsDemo, int VersionId, string VersionName);

    sealed record TreeRow(
        int GoalAreaId, string GoalAreaCode, string GoalAreaName, bool IsPrerequisite,
        int? GoalId, string? GoalCode, string? GoalName, string? OwnerCommittee,
        int? IndicatorId, string? IndicatorCode, string? IndicatorName, string? Unit, short? Decimals,
        string? Direction, bool? GenderSplit, bool? IsDemo,
        string? Aggregation, decimal? Tolerance, string? ToleranceKind, decimal? TrendMinDifference)
    {
        public Tolerance? ToTolerance() => (Tolerance, ToleranceKind) switch
        {
            ({ } amount, "relative") => Core.Attainment.Tolerance.Relative(amount),
            ({ } amount, _) => Core.Attainment.Tolerance.Absolute(amount),
            _ => null,
        };
    }

    sealed record LatestRow(
        int IndicatorId, string Period, decimal? Value, string Status, DateTime UpdatedAt,
        string? PreviousPeriod, decimal? PreviousValue, string? PreviousStatus)
    {
        public LatestOutcome ToLatestOutcome() => new(
            new Outcome(Core.Periods.Period.Parse(Period), Value, ParseStatus(Status)),
            PreviousPeriod is null ? null : new Outcome(Core.Periods.Period.Parse(PreviousPeriod), PreviousValue, ParseStatus(PreviousStatus)),
            new DateTimeOffset(UpdatedAt, TimeSpan.Zero));

        static ObservationStatus ParseStatus(string? code) =>
            ObservationStatusCodes.TryParse(code, out var status) ? status : throw new FormatException($"Unknown observation status '{code}'.");
    }

    sealed record TargetRow(int IndicatorId, short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);
}
