using Dapper;
using Indicators.Core.Organisations;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>What the goal, målområde and nämnd pages need beside the plan overview: which plan a goal belongs to, its
/// contributing committees, a målområde's description, and the committees.</summary>
public sealed class GoalQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The plan a goal belongs to and the committees that contribute to it without owning it; null if no such goal.</summary>
    public async Task<GoalContext?> GetGoalContextAsync(int goalId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select v.plan_id, p.start_year::int, p.end_year::int,
                   (select string_agg(c.name, E'\n' order by c.name)
                    from goal_contributor gc join committee c on c.id = gc.committee_id
                    where gc.goal_id = g.id) as Contributors
            from goal g
            join goal_area ga on ga.id = g.goal_area_id
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where g.id = @GoalId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GoalRow>(new CommandDefinition(sql, new { GoalId = goalId }, cancellationToken: cancellationToken));
        return row is null ? null : new GoalContext(row.PlanId, row.StartYear, row.EndYear, row.Contributors?.Split('\n') ?? []);
    }

    /// <summary>The plan a målområde belongs to and its description; null if no such målområde.</summary>
    public async Task<GoalAreaContext?> GetGoalAreaContextAsync(int goalAreaId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select v.plan_id, p.start_year::int, p.end_year::int, ga.description
            from goal_area ga
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where ga.id = @GoalAreaId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<GoalAreaContext>(
            new CommandDefinition(sql, new { GoalAreaId = goalAreaId }, cancellationToken: cancellationToken));
    }

    /// <summary>Every committee with its organisation and the newest plan of that organisation (null if it has none).</summary>
    /// <summary>The nämnder of the organisations the scope allows (issue 21), by organisation and name.</summary>
    public async Task<IReadOnlyList<CommitteeInfo>> ListCommitteesAsync(OrganisationScope? organisations = null, CancellationToken cancellationToken = default)
    {
        organisations ??= OrganisationScope.All;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<CommitteeInfo>(new CommandDefinition(
            CommitteeSql + " where (@Organisations::text[] is null or c.area_id = any(@Organisations)) order by a.name, c.name",
            new { Organisations = organisations.SqlParameter }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<CommitteeInfo?> GetCommitteeAsync(int committeeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CommitteeInfo>(
            new CommandDefinition(CommitteeSql + " where c.id = @CommitteeId", new { CommitteeId = committeeId }, cancellationToken: cancellationToken));
    }

    const string CommitteeSql = """
        select c.id, c.code, c.name, a.name as AreaName,
               p.id as PlanId, p.start_year::int, p.end_year::int
        from committee c
        join area a on a.id = c.area_id
        left join lateral (
            select id, start_year, end_year from plan where area_id = c.area_id order by start_year desc, id desc limit 1) p on true
        """;

    sealed record GoalRow(int PlanId, int StartYear, int EndYear, string? Contributors);
}

public sealed record GoalContext(int PlanId, int StartYear, int EndYear, IReadOnlyList<string> Contributors);

public sealed record GoalAreaContext(int PlanId, int StartYear, int EndYear, string? Description);

public sealed record CommitteeInfo(int Id, string Code, string Name, string AreaName, int? PlanId, int? StartYear, int? EndYear);
