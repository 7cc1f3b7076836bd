using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>
/// Local accounts as the system and their owners change them: created with roles by the system itself (the first
/// administrator, the demo users, tests) and given a new password by their owner, which ends the owner's other sessions
/// in the same transaction. What an administrator does to accounts is <see cref="UserAdministration"/>'s, rights checked.
/// </summary>
public sealed class UserEditor(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Creates a user with its roles (a Nämnd role names its committee by id), audited as done by <paramref name="createdBy"/>.
    /// With <paramref name="mustChangePassword"/> the password is a one-time password its owner changes at first sign-in;
    /// with <paramref name="organisations"/> the account is limited to those organisations (area ids).
    /// </summary>
    public Task<int> CreateAsync(
        string userName, string displayName, string passwordHash, IEnumerable<(string Role, int? CommitteeId)> roles, bool isDemo, string createdBy,
        bool mustChangePassword = false, IReadOnlyList<string>? organisations = null, CancellationToken cancellationToken = default)
    {
        var roleList = roles.ToList();
        return AuditedEdit.RunAsync(dataSource, new Actor(createdBy, null), async edit =>
        {
            var id = await AppUserWriter.InsertLocalAsync(edit, userName, displayName, passwordHash, isDemo, mustChangePassword);
            foreach (var (role, committeeId) in roleList)
            {
                await UserRoleWriter.InsertAsync(edit, id, role, committeeId);
            }

            var stored = await UserQueries.ReadRolesAsync(edit.Connection, edit.Transaction, id, cancellationToken);
            await edit.RecordAsync("create", "user", id, null, new { userName, displayName, roles = stored.Select(UserQueries.Describe) });
            if (organisations is { Count: > 0 })
            {
                await UserOrganisationWriter.ReplaceAsync(edit, id, organisations, anyArea: true);
            }

            return id;
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces a user's password hash, audited (without the hashes: they are secrets too), clears the failed sign-in
    /// count, and ends the user's other sessions (all but <paramref name="keepSessionToken"/>, the one that made the change).
    /// </summary>
    public Task ChangePasswordAsync(
        int userId, string userName, string passwordHash, string? keepSessionToken, string? remoteIp, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, new Actor(userName, remoteIp), async edit =>
        {
            await AppUserWriter.SetPasswordAsync(edit, userId, passwordHash);
            await UserSessionWriter.EndAllAsync(edit, userId, SessionEndReasons.PasswordChanged, keepSessionToken);
        }, cancellationToken);
}
