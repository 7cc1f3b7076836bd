using Dapper;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>A role as stored; a Nämnd role names its committee.</summary>
public sealed record UserRole(string Role, int? CommitteeId, string? CommitteeCode);

/// <summary>A user as the administration page lists it.</summary>
public sealed record UserListing(int Id, string UserName, string DisplayName, bool IsActive, bool IsDemo, DateTime? LockoutEnd, string Roles);

public sealed record CommitteeChoice(int Id, string Code, string Name);

public sealed record AppUser(int Id, string UserName, string DisplayName, string? PasswordHash, int FailedSignIns, DateTime? LockoutEnd, bool IsActive);

/// <summary>A counted sign-in attempt: the <see cref="Number"/>th since the last success, and whether its password may be checked.</summary>
public sealed record SignInAttempt(AppUser User, int Number, bool MayCheck);

/// <summary>
/// Local accounts: lookup, the failed sign-in counter and lockout, creation with roles (a Nämnd role by committee id),
/// deactivation and password changes, which end the account's sessions in the same transaction.
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<(AppUser User, IReadOnlyList<UserRole> Roles)?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        const string userSql = """
            select id as Id, user_name as UserName, display_name as DisplayName, password_hash as PasswordHash,
                   failed_sign_ins as FailedSignIns, lockout_end as LockoutEnd, is_active as IsActive
            from app_user where lower(user_name) = lower(@UserName)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(userSql, new { UserName = userName }, cancellationToken: cancellationToken));
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
            select r.role as Role, r.committee_id as CommitteeId, c.code as CommitteeCode
            from user_role r left join committee c on c.id = r.committee_id
            where r.user_id = @UserId
            order by r.role, r.committee_id
            """;
        return (await connection.QueryAsync<UserRole>(new CommandDefinition(roleSql, new { UserId = userId }, transaction, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Counts a sign-in attempt at an active local account before its password is checked, in one atomic UPDATE: the
    /// attempt may be checked only while the account is not locked and this is at most the
    /// <see cref="MaxFailedSignIns"/>th attempt since the last success. The attempt that reaches the limit locks the
    /// account for <see cref="LockoutDuration"/> (a right password then unlocks it through <see cref="RecordSignInAsync"/>);
    /// an expired lock starts a new count. Parallel attempts queue on the row, so no more than the limit are ever checked.
    /// Null when no active account with a password has the name.
    /// </summary>
    public async Task<SignInAttempt?> BeginSignInAttemptAsync(string userName, CancellationToken cancellationToken = default)
    {
        const string sql = """
            update app_user
            set failed_sign_ins = case when lockout_end <= now() then 1 else failed_sign_ins + 1 end,
                lockout_end = case
                    when lockout_end > now() then lockout_end
                    when (case when lockout_end <= now() then 1 else failed_sign_ins + 1 end) >= @MaxFailedSignIns then now() + @LockoutDuration
                    else null end
            where lower(user_name) = lower(@UserName) and is_active and password_hash is not null
            returning id as Id, user_name as UserName, display_name as DisplayName, password_hash as PasswordHash,
                      failed_sign_ins as FailedSignIns, lockout_end as LockoutEnd, is_active as IsActive
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(
            sql, new { UserName = userName, MaxFailedSignIns, LockoutDuration }, cancellationToken: cancellationToken));
        return user is null ? null : new SignInAttempt(user, user.FailedSignIns, user.FailedSignIns <= MaxFailedSignIns);
    }

    /// <summary>
    /// A checked attempt whose password was wrong, audited on the account (it was counted by
    /// <see cref="BeginSignInAttemptAsync"/>, so at most <see cref="MaxFailedSignIns"/> such rows per lockout).
    /// </summary>
    public async Task RecordFailedSignInAsync(SignInAttempt attempt, string? remoteIp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AuditLog.WriteAsync(connection, null, new AuditEntry(attempt.User.UserName, "sign-in-failed", "user", Id(attempt.User.Id),
            After: new { failures = attempt.Number, lockedOut = attempt.Number >= MaxFailedSignIns }, RemoteIp: remoteIp), cancellationToken);
    }

    public async Task RecordSignInAsync(AppUser user, string? remoteIp, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update app_user set failed_sign_ins = 0, lockout_end = null where id = @Id", new { user.Id }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(user.UserName, "sign-in", "user", Id(user.Id), RemoteIp: remoteIp), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Clears the failed sign-in count after a right password that signed nobody in (a refused password change).</summary>
    public async Task ClearFailedSignInsAsync(int userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update app_user set failed_sign_ins = 0, lockout_end = null where id = @UserId", new { UserId = userId }, cancellationToken: cancellationToken));
    }

    public async Task<bool> AnyAdministratorAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from user_role r join app_user u on u.id = r.user_id where r.role = 'Administrator' and u.is_active)",
            cancellationToken: cancellationToken));
    }

    /// <summary>Creates a user with its roles (a Nämnd role names its committee by id), audited as done by <paramref name="createdBy"/>.</summary>
    public async Task<int> CreateAsync(
        string userName, string displayName, string passwordHash, IEnumerable<(string Role, int? CommitteeId)> roles, bool isDemo, string createdBy,
        CancellationToken cancellationToken = default)
    {
        const string userSql = """
            insert into app_user (user_name, display_name, password_hash, is_demo)
            values (@UserName, @DisplayName, @PasswordHash, @IsDemo) returning id
            """;
        const string roleSql = "insert into user_role (user_id, role, committee_id) values (@UserId, @Role, @CommitteeId)";
        var roleList = roles.ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            userSql, new { UserName = userName, DisplayName = displayName, PasswordHash = passwordHash, IsDemo = isDemo }, transaction, cancellationToken: cancellationToken));
        foreach (var (role, committeeId) in roleList)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                roleSql, new { UserId = id, Role = role, CommitteeId = committeeId }, transaction, cancellationToken: cancellationToken));
        }

        var stored = await ReadRolesAsync(connection, transaction, id, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(createdBy, "create", "user", Id(id),
            After: new { userName, displayName, roles = stored.Select(Describe) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>How a role reads in the audit log: "Namnd:HSN#3" names the committee by code and id, since codes repeat across organisations.</summary>
    internal static string Describe(UserRole role) =>
        role.CommitteeId is { } committee ? $"{role.Role}:{role.CommitteeCode}#{Id(committee)}" : role.Role;

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
            select id as Id, code as Code, name as Name from committee
            where lower(code) = lower(@Code) and (@AreaId::text is null or area_id = @AreaId)
            order by id
            """, new { Code = code, AreaId = areaId }, transaction, cancellationToken: cancellationToken))).AsList();

    public async Task<IReadOnlyList<UserListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select u.id as Id, u.user_name as UserName, u.display_name as DisplayName, u.is_active as IsActive, u.is_demo as IsDemo,
                   u.lockout_end as LockoutEnd,
                   coalesce(string_agg(case
                       when c.code is null then r.role
                       -- A code several organisations use is shown with the organisation, so the list says which nämnd.
                       when exists (select 1 from committee o where lower(o.code) = lower(c.code) and o.id <> c.id) then r.role || ' (' || c.code || ', ' || a.short_name || ')'
                       else r.role || ' (' || c.code || ')' end, ', ' order by r.role), '') as Roles
            from app_user u
            left join user_role r on r.user_id = u.id
            left join committee c on c.id = r.committee_id
            left join area a on a.id = c.area_id
            group by u.id
            order by lower(u.user_name)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<UserListing>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<CommitteeChoice>> CommitteesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<CommitteeChoice>(new CommandDefinition(
            """
            select c.id as Id, c.code as Code,
                   -- Two organisations' nämnder may share a name: the choice then says whose.
                   case when exists (select 1 from committee o where o.name = c.name and o.id <> c.id) then c.name || ' (' || a.name || ')' else c.name end as Name
            from committee c join area a on a.id = c.area_id
            order by 3, c.id
            """, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Activates or deactivates a user, audited with before and after. A deactivated user cannot sign in, and every open
    /// session of theirs ends in the same transaction (audited with the reason).
    /// </summary>
    public async Task SetActiveAsync(int userId, bool active, string changedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(
            "select is_active from app_user where id = @UserId for update", new { UserId = userId }, transaction, cancellationToken: cancellationToken));
        if (before is null || before == active)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "update app_user set is_active = @Active where id = @UserId", new { UserId = userId, Active = active }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(changedBy, "update", "user", Id(userId),
            Before: new { isActive = before }, After: new { isActive = active }), cancellationToken);
        if (!active)
        {
            await SessionStore.EndAllAsync(connection, transaction, userId, SessionEndReasons.Deactivated, null, new Actor(changedBy, null), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces a user's password hash, audited (without the hashes: they are secrets too), clears the failed sign-in
    /// count, and ends the user's other sessions (all but <paramref name="keepSessionToken"/>, the one that made the change).
    /// </summary>
    public async Task ChangePasswordAsync(
        int userId, string userName, string passwordHash, string? keepSessionToken, string? remoteIp, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update app_user set password_hash = @PasswordHash, failed_sign_ins = 0, lockout_end = null where id = @UserId",
            new { UserId = userId, PasswordHash = passwordHash }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(userName, "password-change", "user", Id(userId), RemoteIp: remoteIp), cancellationToken);
        await SessionStore.EndAllAsync(connection, transaction, userId, SessionEndReasons.PasswordChanged, keepSessionToken, new Actor(userName, remoteIp), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from app_user where lower(user_name) = lower(@UserName))", new { UserName = userName }, cancellationToken: cancellationToken));
    }

    static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A committee code that names committees of several organisations, where exactly one was needed.</summary>
public sealed class AmbiguousCommitteeException(string code, IReadOnlyList<CommitteeChoice> matches)
    : Exception($"The committee code '{code}' names {matches.Count} committees (ids {string.Join(", ", matches.Select(m => m.Id))}); name the organisation.")
{
    public string Code { get; } = code;
}
