using Dapper;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>
/// What the acting account may do, read from the account as it is inside the write's transaction, so a store never
/// trusts a page alone and a deactivation or role change that has committed is never outrun by a page opened before it.
/// A right about a nämnd holds only when the account's organisations (user_organisation; none: every one) include the
/// nämnd's.
/// </summary>
public static class AccountRights
{
    /// <summary>Whether the actor's account is active and an analyst or administrator, or (with a committee) a Nämnd user of it.</summary>
    public static Task<bool> MayEditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, int? committeeId, CancellationToken cancellationToken) =>
        HasRoleAsync(connection, transaction, actor,
            "r.role in ('Analytiker', 'Administrator') or (r.role = 'Namnd' and r.committee_id = @CommitteeId)", committeeId, cancellationToken);

    /// <summary>Whether the actor's account is active and has the Administrator role: what administering accounts needs.</summary>
    public static Task<bool> IsAdministratorAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, CancellationToken cancellationToken) =>
        HasRoleAsync(connection, transaction, actor, "r.role = 'Administrator'", null, cancellationToken);

    /// <summary>
    /// Whether the actor's account is active and a Granskare of this committee or of every committee; with no committee
    /// (the region's report), only a Granskare of every committee. Administrators are not reviewers by their role.
    /// </summary>
    public static Task<bool> MayReviewAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, int? committeeId, CancellationToken cancellationToken) =>
        HasRoleAsync(connection, transaction, actor,
            "r.role = 'Granskare' and (r.committee_id is null or r.committee_id = @CommitteeId)", committeeId, cancellationToken);

    /// <summary>Whether the actor's active account has a role row meeting <paramref name="roleCondition"/> (a constant of this class).</summary>
    static async Task<bool> HasRoleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, string roleCondition, int? committeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var sql = $"""
            select exists (
                select 1
                from app_user u join user_role r on r.user_id = u.id
                where lower(u.user_name) = lower(@UserName) and u.is_active and ({roleCondition})
                  -- A nämnd of an organisation the account is not limited to is none of its business (issue 21).
                  and (@CommitteeId::int is null
                       or not exists (select 1 from user_organisation o where o.user_id = u.id)
                       or exists (select 1 from user_organisation o join committee c on c.area_id = o.area_id where o.user_id = u.id and c.id = @CommitteeId)))
            """;
        return actor.UserName is { } userName && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            sql, new { UserName = userName, CommitteeId = committeeId }, transaction, cancellationToken: cancellationToken));
    }
}
