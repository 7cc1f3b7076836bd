using Dapper;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>A role as stored; a Nämnd role names its committee.</summary>
public sealed record UserRole(string Role, int? CommitteeId, string? CommitteeCode);

/// <summary>A user as the administration page lists it.</summary>
public sealed record UserListing(int Id, string UserName, string DisplayName, bool IsActive, bool IsDemo, DateTime? LockoutEnd, string Roles);

public sealed record CommitteeChoice(int Id, string Code, string Name);

public sealed record AppUser(int Id, string UserName, string DisplayName, string? PasswordHash, int FailedSignIns, DateTime? LockoutEnd, bool IsActive)
{
    public bool IsLockedOut(DateTime utcNow) => LockoutEnd is { } end && end > utcNow;
}

/// <summary>Local accounts: lookup, failed sign-ins and lockout, creation with roles.</summary>
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
        const string roleSql = """
            select r.role as Role, r.committee_id as CommitteeId, c.code as CommitteeCode
            from user_role r left join committee c on c.id = r.committee_id
            where r.user_id = @Id
            order by r.role
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<AppUser>(new CommandDefinition(userSql, new { UserName = userName }, cancellationToken: cancellationToken));
        if (user is null)
        {
            return null;
        }

        var roles = (await connection.QueryAsync<UserRole>(new CommandDefinition(roleSql, new { user.Id }, cancellationToken: cancellationToken))).AsList();
        return (user, roles);
    }

    /// <summary>Counts a failed sign-in; the fifth in a row locks the account for a while. Audited.</summary>
    public async Task RecordFailedSignInAsync(string userName, string? remoteIp, CancellationToken cancellationToken = default)
    {
        const string sql = """
            update app_user
            set failed_sign_ins = failed_sign_ins + 1,
                lockout_end = case when failed_sign_ins + 1 >= @MaxFailedSignIns then now() + @LockoutDuration else lockout_end end
            where lower(user_name) = lower(@UserName)
            returning failed_sign_ins
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var failures = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            sql, new { UserName = userName, MaxFailedSignIns, LockoutDuration }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(userName, "sign-in-failed", "user", null,
            After: new { failures, lockedOut = failures >= MaxFailedSignIns }, RemoteIp: remoteIp), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordSignInAsync(AppUser user, string? remoteIp, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update app_user set failed_sign_ins = 0, lockout_end = null where id = @Id", new { user.Id }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(user.UserName, "sign-in", "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), RemoteIp: remoteIp), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> AnyAdministratorAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from user_role r join app_user u on u.id = r.user_id where r.role = 'Administrator' and u.is_active)",
            cancellationToken: cancellationToken));
    }

    /// <summary>Creates a user with its roles (committee by code for Nämnd roles), audited as done by <paramref name="createdBy"/>.</summary>
    public async Task<int> CreateAsync(
        string userName, string displayName, string passwordHash, IEnumerable<(string Role, string? CommitteeCode)> roles, bool isDemo, string createdBy,
        CancellationToken cancellationToken = default)
    {
        const string userSql = """
            insert into app_user (user_name, display_name, password_hash, is_demo)
            values (@UserName, @DisplayName, @PasswordHash, @IsDemo) returning id
            """;
        const string roleSql = """
            insert into user_role (user_id, role, committee_id)
            values (@UserId, @Role, (select id from committee where code = @CommitteeCode order by id limit 1))
            """;
        var roleList = roles.ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            userSql, new { UserName = userName, DisplayName = displayName, PasswordHash = passwordHash, IsDemo = isDemo }, transaction, cancellationToken: cancellationToken));
        foreach (var (role, committeeCode) in roleList)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                roleSql, new { UserId = id, Role = role, CommitteeCode = committeeCode }, transaction, cancellationToken: cancellationToken));
        }

        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(createdBy, "create", "user", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After: new { userName, displayName, roles = roleList.Select(r => r.CommitteeCode is null ? r.Role : $"{r.Role}:{r.CommitteeCode}") }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<UserListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select u.id as Id, u.user_name as UserName, u.display_name as DisplayName, u.is_active as IsActive, u.is_demo as IsDemo,
                   u.lockout_end as LockoutEnd,
                   coalesce(string_agg(case when c.code is null then r.role else r.role || ' (' || c.code || ')' end, ', ' order by r.role), '') as Roles
            from app_user u
            left join user_role r on r.user_id = u.id
            left join committee c on c.id = r.committee_id
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
            "select id as Id, code as Code, name as Name from committee order by name", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Activates or deactivates a user (a deactivated user cannot sign in), audited with before and after.</summary>
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
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(changedBy, "update", "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Before: new { isActive = before }, After: new { isActive = active }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces a user's password hash, audited (without the hashes: they are secrets too).</summary>
    public async Task ChangePasswordAsync(int userId, string userName, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update app_user set password_hash = @PasswordHash where id = @UserId",
            new { UserId = userId, PasswordHash = passwordHash }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(userName, "password-change", "user",
            userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from app_user where lower(user_name) = lower(@UserName))", new { UserName = userName }, cancellationToken: cancellationToken));
    }
}
