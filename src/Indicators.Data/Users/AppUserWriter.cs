using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Users;

/// <summary>
/// The app_user table's writes: accounts created, (de)activated, given a new password, signed in or refused, each with
/// its audit entry (entity <c>user</c>, id the account's) by the edit's actor.
/// </summary>
static class AppUserWriter
{
    const string Entity = "user";

    /// <summary>
    /// A local account with a password hash (a one-time password with <paramref name="mustChangePassword"/>); the caller
    /// records its creation with the roles it gets. A name taken (in any case) is refused with a Swedish message.
    /// </summary>
    public static Task<int> InsertLocalAsync(AuditedEdit edit, string userName, string displayName, string passwordHash, bool isDemo, bool mustChangePassword) =>
        edit.ScalarAsync<int>("""
            insert into app_user (user_name, display_name, password_hash, is_demo, must_change_password)
            values (@UserName, @DisplayName, @PasswordHash, @IsDemo, @MustChangePassword) returning id
            """, new { UserName = userName, DisplayName = displayName, PasswordHash = passwordHash, IsDemo = isDemo, MustChangePassword = mustChangePassword },
            new Unique("app_user_name_unique", () => new InvalidEditException("UserName", $"Användarnamnet {userName} finns redan.")));

    /// <summary>An account from single sign-on: no password hash, so it can only sign in through the provider.</summary>
    public static async Task<AppUser> InsertExternalAsync(AuditedEdit edit, string subject, string userName, string displayName, string? email, string source)
    {
        var user = (await edit.ListAsync<AppUser>($"""
            insert into app_user (user_name, display_name, email, external_subject)
            values (@UserName, @DisplayName, @Email, @Subject)
            returning {UserQueries.AppUserColumns}
            """, new { UserName = userName, DisplayName = displayName, Email = email, Subject = subject }))[0];
        await edit.RecordAsync("create", Entity, user.Id, null, new { userName = user.UserName, displayName = user.DisplayName, source });
        return user;
    }

    /// <summary>What the provider says of an account at sign-in (not audited: the sign-in's entry is).</summary>
    public static Task UpdateExternalAsync(AuditedEdit edit, int userId, string displayName, string? email) =>
        edit.ExecuteAsync("update app_user set display_name = @DisplayName, email = @Email where id = @Id", new { DisplayName = displayName, Email = email, Id = userId });

    /// <summary>Activates or deactivates an account; false when it is gone or already so (nothing written).</summary>
    public static async Task<bool> SetActiveAsync(AuditedEdit edit, int userId, bool active)
    {
        var before = await edit.ScalarAsync<bool?>("select is_active from app_user where id = @UserId for update", new { UserId = userId });
        if (before is null || before == active)
        {
            return false;
        }

        await edit.ExecuteAsync("update app_user set is_active = @Active where id = @UserId", new { UserId = userId, Active = active });
        await edit.RecordAsync("update", Entity, userId, new { isActive = before }, new { isActive = active });
        return true;
    }

    /// <summary>
    /// The owner's own new password hash (the log does not keep hashes: they are secrets too); clears the failed sign-in
    /// count and the demand to change a one-time password.
    /// </summary>
    public static async Task SetPasswordAsync(AuditedEdit edit, int userId, string passwordHash)
    {
        await edit.ExecuteAsync(
            "update app_user set password_hash = @PasswordHash, must_change_password = false, failed_sign_ins = 0, lockout_end = null where id = @UserId",
            new { UserId = userId, PasswordHash = passwordHash });
        await edit.RecordAsync("password-change", Entity, userId, null, null);
    }

    /// <summary>
    /// A one-time password an administrator set: its hash (not logged), the demand that the owner change it at their
    /// next sign-in, and the lockout lifted. Audited as <c>password-reset</c> on the account.
    /// </summary>
    public static async Task ResetPasswordAsync(AuditedEdit edit, int userId, string oneTimePasswordHash)
    {
        await edit.ExecuteAsync(
            "update app_user set password_hash = @PasswordHash, must_change_password = true, failed_sign_ins = 0, lockout_end = null where id = @UserId",
            new { UserId = userId, PasswordHash = oneTimePasswordHash });
        await edit.RecordAsync("password-reset", Entity, userId, null, new { mustChangePassword = true });
    }

    /// <summary>
    /// Counts a sign-in attempt at an active local account in one atomic UPDATE (see <see cref="SignInAttempts.BeginAsync"/>);
    /// null when no active account with a password has the name. Not audited: a checked attempt's outcome is.
    /// </summary>
    public static async Task<AppUser?> CountAttemptAsync(AuditedEdit edit, string userName, int maxFailedSignIns, TimeSpan lockoutDuration) =>
        (await edit.ListAsync<AppUser>($"""
            update app_user
            set failed_sign_ins = case when lockout_end <= now() then 1 else failed_sign_ins + 1 end,
                lockout_end = case
                    when lockout_end > now() then lockout_end
                    when (case when lockout_end <= now() then 1 else failed_sign_ins + 1 end) >= @MaxFailedSignIns then now() + @LockoutDuration
                    else null end
            where lower(user_name) = lower(@UserName) and is_active and password_hash is not null
            returning {UserQueries.AppUserColumns}
            """, new { UserName = userName, MaxFailedSignIns = maxFailedSignIns, LockoutDuration = lockoutDuration })).SingleOrDefault();

    /// <summary>A signed-in account.</summary>
    public static Task RecordSignInAsync(AuditedEdit edit, int userId, object? after = null) =>
        edit.RecordAsync("sign-in", Entity, userId, null, after);

    /// <summary>Clears the failed sign-in count (not audited: what led to it is).</summary>
    public static Task ClearFailedSignInsAsync(AuditedEdit edit, int userId) =>
        edit.ExecuteAsync("update app_user set failed_sign_ins = 0, lockout_end = null where id = @Id", new { Id = userId });

    /// <summary>A refused sign-in, on the account when there is one.</summary>
    public static Task RecordRefusedSignInAsync(AuditedEdit edit, int? userId, object after) =>
        edit.RecordAsync("sign-in-failed", Entity, userId, null, after);
}
