using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Organisations;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Organisations;

/// <summary>The things a page or endpoint is reached by, each owned by one organisation (an area).</summary>
public enum OwnedKind
{
    Plan,
    PlanVersion,
    GoalArea,
    Goal,
    Committee,
    Indicator,
    ReportPeriod,
    Assignment,
    ActionPlan,
    CommitteePlan,
}

/// <summary>An organisation the database knows: an area that owns a plan or a nämnd.</summary>
public sealed record Organisation(string AreaId, string Name);

/// <summary>
/// Which organisation owns a thing (issue 21): one query per kind, from the thing up to its plan's (or its own) area.
/// The gate for pages reached by id asks <see cref="AreaOfAsync"/>; editors ask <see cref="RequireAllowedAsync"/> inside
/// their transaction, which reads the acting account's limits from the database, never from the page.
/// </summary>
public sealed class OrganisationOwnership(NpgsqlDataSource dataSource)
{
    const string ThroughVersion = "from plan_version v join plan p on p.id = v.plan_id";

    /// <summary>The owning area of each kind's row <c>@Id</c>: one row, one column, none when it does not exist.</summary>
    public static string Sql(OwnedKind kind) => kind switch
    {
        OwnedKind.Plan => "select area_id from plan where id = @Id",
        OwnedKind.PlanVersion => $"select p.area_id {ThroughVersion} where v.id = @Id",
        OwnedKind.GoalArea => "select p.area_id from goal_area ga join plan_version v on v.id = ga.plan_version_id join plan p on p.id = v.plan_id where ga.id = @Id",
        OwnedKind.Goal => "select p.area_id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id "
            + "join plan p on p.id = v.plan_id where g.id = @Id",
        OwnedKind.Committee => "select area_id from committee where id = @Id",
        OwnedKind.Indicator => "select area_id from indicator where id = @Id",
        OwnedKind.ReportPeriod => "select p.area_id from report_period r join plan_version v on v.id = r.plan_version_id join plan p on p.id = v.plan_id where r.id = @Id",
        OwnedKind.Assignment => "select p.area_id from assignment a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id where a.id = @Id",
        OwnedKind.ActionPlan => "select p.area_id from action_plan a join plan_version v on v.id = a.plan_version_id join plan p on p.id = v.plan_id where a.id = @Id",
        OwnedKind.CommitteePlan => "select p.area_id from committee_plan c join plan_version v on v.id = c.plan_version_id join plan p on p.id = v.plan_id "
            + "where c.id = @Id",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The area that owns the thing, or null when there is no such thing.</summary>
    public async Task<string?> AreaOfAsync(OwnedKind kind, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql(kind), new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>Whether the scope allows the thing's organisation; a thing that does not exist is allowed (the page says not found).</summary>
    public async Task<bool> AllowsAsync(OrganisationScope scope, OwnedKind kind, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return !scope.IsLimited || await AreaOfAsync(kind, id, cancellationToken) is not { } area || scope.Allows(area);
    }

    /// <summary>The organisations of the installation: the areas that own a plan or a nämnd, by name.</summary>
    public async Task<IReadOnlyList<Organisation>> ListAsync(OrganisationScope? scope = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.id as area_id, a.name from area a
            where (exists (select 1 from plan p where p.area_id = a.id) or exists (select 1 from committee c where c.area_id = a.id))
              and (@Organisations::text[] is null or a.id = any(@Organisations))
            order by a.name, a.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Organisation>(new CommandDefinition(sql, new { Organisations = (scope ?? OrganisationScope.All).SqlParameter },
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// The acting account's organisations as the database has them now (inside the write's transaction): every
    /// organisation when it has no limit.
    /// </summary>
    public static async Task<OrganisationScope> ScopeOfAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var areas = (await connection.QueryAsync<string>(new CommandDefinition(
            "select o.area_id from user_organisation o join app_user u on u.id = o.user_id where lower(u.user_name) = lower(@UserName)",
            new { actor.UserName }, transaction, cancellationToken: cancellationToken))).AsList();
        return areas.Count == 0 ? OrganisationScope.All : OrganisationScope.Only(areas);
    }

    /// <summary>The acting account's organisations within an edit, read once per edit (the write guard shares it).</summary>
    public static async Task<OrganisationScope> ScopeOfAsync(AuditedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return edit.OrganisationScope ??= await ScopeOfAsync(edit.Connection, edit.Transaction, edit.Actor, edit.CancellationToken);
    }

    /// <summary>
    /// Refuses (a Swedish <see cref="InvalidEditException"/>, nothing written) a change to a thing of an organisation the
    /// acting account is not allowed. A thing that does not exist passes: the editor itself says it is gone.
    /// </summary>
    public static async Task RequireAllowedAsync(AuditedEdit edit, OwnedKind kind, long id, string field = "")
    {
        ArgumentNullException.ThrowIfNull(edit);
        var scope = await ScopeOfAsync(edit);
        if (!scope.IsLimited)
        {
            return;
        }

        var area = await edit.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Sql(kind), new { Id = id }, edit.Transaction,
            cancellationToken: edit.CancellationToken));
        if (area is not null && !scope.Allows(area))
        {
            throw new InvalidEditException(field, "Det du försöker ändra hör till en organisation som ditt konto inte har behörighet till. Inget sparades.");
        }
    }
}
