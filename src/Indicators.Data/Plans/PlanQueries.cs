using Dapper;
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
            select p.id as PlanId, p.name as Name, p.vision as Vision, a.name as AreaName,
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
                   i.direction as Direction, i.gender_split as GenderSplit, i.is_demo as IsDemo
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
                                targets[r.IndicatorId.Value].ToList()))
                            .ToList()))
                    .ToList()))
            .ToList();

        return new PlanOverview(plan.PlanId, plan.Name, plan.Vision, plan.AreaName, plan.StartYear, plan.EndYear, plan.VersionName, plan.IsDemo, goalAreas);
    }

    sealed record PlanRow(int PlanId, string Name, string? Vision, string AreaName, short StartYear, short EndYear, bool IsDemo, int VersionId, string VersionName);

    sealed record TreeRow(
        int GoalAreaId, string GoalAreaCode, string GoalAreaName, bool IsPrerequisite,
        int? GoalId, string? GoalCode, string? GoalName, string? OwnerCommittee,
        int? IndicatorId, string? IndicatorCode, string? IndicatorName, string? Unit, short? Decimals,
        string? Direction, bool? GenderSplit, bool? IsDemo);

    sealed record TargetRow(int IndicatorId, short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample, string? Provenance);
}
