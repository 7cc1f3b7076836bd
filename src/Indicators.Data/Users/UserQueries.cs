using Dapper;
using Indicators.Data.Organisations;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>Reads accounts: lookup by name with roles, the administration page's list, and committees to choose a Nämnd role from.</summary>
public sealed class UserQueries(NpgsqlDataSource dataSource)
{
    /// <summary>An account's columns in the order of <see cref="AppUser"/>.</summary>
    internal const string AppUserColumns = "id, user_name, display_name, password_hash, failed_sign_ins, lockout_end, is_active";

    public async Task<(AppUser User, IReadOnlyList<UserRole> Roles)?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            $"select {AppUserColumns} from app_user where lower(user_name) = lower(@UserName)", new { UserName = userName }, cancellationToken: cancellationToken));
        if (user is null)
        {
            return null;
        }

        return (user, await ReadRolesAsync(connection, null, user.Id, cancellationToken));
    }

    /// <summary>A user's roles, a Nämnd role with its committee's id (what rights go by) and code (for people to read).</summary>
    internal static async Task<IReadOnlyList<UserRole>> ReadRolesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int userId, CancellationToken cancellationToken)
    {
        const string roleSql = """
            select r.role, r.committee_id, c.code as committee_code
            from user_role r left join committee c on c.id = r.committee_id
            where r.user_id = @UserId
            order by r.role, r.committee_id
            """;
        return (await connection.QueryAsync<UserRole>(new CommandDefinition(roleSql, new { UserId = userId }, transaction, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The organisations (area ids) an account is limited to, in order; none: every organisation (issue 21).</summary>
    internal static async Task<IReadOnlyList<string>> ReadOrganisationsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, int userId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "select area_id from user_organisation where user_id = @UserId order by area_id", new { UserId = userId }, transaction,
            cancellationToken: cancellationToken))).AsList();

    /// <summary>How a role reads in the audit log: "Namnd:HSN#3" names the committee by code and id, since codes repeat across organisations.</summary>
    internal static string Describe(UserRole role) =>
        role.CommitteeId is { } committee ? $"{role.Role}:{role.CommitteeCode}#{committee.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : role.Role;

    public async Task<bool> AnyAdministratorAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from user_role r join app_user u on u.id = r.user_id where r.role = 'Administrator' and u.is_active)",
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The committee a code names: within <paramref name="areaId"/> (an organisation) when given, else among all.
    /// Refuses (<see cref="AmbiguousCommitteeException"/>) a code that several organisations' committees share, rather
    /// than pick one: rights go by committee, and a guess would hand one organisation's report to another's nämnd.
    /// Null when no committee has the code.
    /// </summary>
    public async Task<int?> FindCommitteeAsync(string code, string? areaId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var matches = await FindCommitteesAsync(connection, null, code, areaId, cancellationToken);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Id,
            _ => throw new AmbiguousCommitteeException(code, matches),
        };
    }

    /// <summary>Every committee with the code (case-insensitive), within the organisation when given.</summary>
    internal static async Task<IReadOnlyList<CommitteeChoice>> FindCommitteesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string code, string? areaId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<CommitteeChoice>(new CommandDefinition("""
            select id, code, name from committee
            where lower(code) = lower(@Code) and (@AreaId::text is null or area_id = @AreaId)
            order by id
            """, new { Code = code, AreaId = areaId }, transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>Every account with its roles, by user name.</summary>
    public Task<IReadOnlyList<UserListing>> ListAsync(CancellationToken cancellationToken = default) => ReadAsync(null, cancellationToken);

    /// <summary>One account with its roles, or null when there is none with the id.</summary>
    public async Task<UserListing?> GetAsync(int userId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(userId, cancellationToken)).SingleOrDefault();

    async Task<IReadOnlyList<UserListing>> ReadAsync(int? userId, CancellationToken cancellationToken)
    {
        const string userSql = """
            select id, user_name, display_name, email, is_active, is_demo, external_subject is not null as is_external,
                   must_change_password, lockout_end, created_at
            from app_user
            where @UserId::int is null or id = @UserId
            order by lower(user_name)
            """;
        const string roleSql = $"""
            select r.user_id, r.role, r.committee_id,
                   -- Two organisations' nämnder may share a name: the role then says whose.
                   {CommitteeNameSql.Distinct} as committee_name
            from user_role r
            left join committee c on c.id = r.committee_id
            left join area a on a.id = c.area_id
            where @UserId::int is null or r.user_id = @UserId
            order by r.role, c.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var users = await connection.QueryAsync<UserListing>(new CommandDefinition(userSql, new { UserId = userId }, cancellationToken: cancellationToken));
        var roles = (await connection.QueryAsync<RoleRow>(new CommandDefinition(roleSql, new { UserId = userId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.UserId, r => new AssignedRole(r.Role, r.CommitteeId, r.CommitteeName));
        const string organisationSql = """
            select o.user_id, o.area_id, a.name from user_organisation o join area a on a.id = o.area_id
            where @UserId::int is null or o.user_id = @UserId
            order by a.name
            """;
        var organisations = (await connection.QueryAsync<OrganisationRow>(new CommandDefinition(organisationSql, new { UserId = userId }, cancellationToken: cancellationToken)))
            .ToLookup(o => o.UserId, o => new Organisations.Organisation(o.AreaId, o.Name));
        return [.. users.Select(u => u with { Roles = [.. roles[u.Id]], Organisations = [.. organisations[u.Id]] })];
    }

    sealed record OrganisationRow(int UserId, string AreaId, string Name);

    sealed record RoleRow(int UserId, string Role, int? CommitteeId, string? CommitteeName);

    public async Task<IReadOnlyList<CommitteeChoice>> CommitteesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<CommitteeChoice>(new CommandDefinition(
            $"""
            select c.id, c.code,
                   -- Two organisations' nämnder may share a name: the choice then says whose.
                   {CommitteeNameSql.Distinct} as name
            from committee c join area a on a.id = c.area_id
            order by 3, c.id
            """, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from app_user where lower(user_name) = lower(@UserName))", new { UserName = userName }, cancellationToken: cancellationToken));
    }
}
