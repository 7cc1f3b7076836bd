using Indicators.Data.Editing;

namespace Indicators.Data.Users;

/// <summary>The user_role table's writes: a new account's roles, and an account's roles replaced by its identity provider's.</summary>
static class UserRoleWriter
{
    public static Task InsertAsync(AuditedEdit edit, int userId, string role, int? committeeId) =>
        edit.ExecuteAsync("insert into user_role (user_id, role, committee_id) values (@UserId, @Role, @CommitteeId)",
            new { UserId = userId, Role = role, CommitteeId = committeeId });

    /// <summary>
    /// Makes <paramref name="roles"/> the account's roles, audited (an update of the user, roles before and after as
    /// <see cref="UserQueries.Describe"/> reads them) when they differ from what it has.
    /// </summary>
    public static async Task ReplaceAsync(AuditedEdit edit, int userId, IReadOnlyList<UserRole> roles)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var current = await UserQueries.ReadRolesAsync(edit.Connection, edit.Transaction, userId, edit.CancellationToken);
        var before = Describe(current);
        var after = Describe(roles);
        if (before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return;
        }

        await edit.ExecuteAsync("delete from user_role where user_id = @Id", new { Id = userId });
        foreach (var role in roles)
        {
            await InsertAsync(edit, userId, role.Role, role.CommitteeId);
        }

        await edit.RecordAsync("update", "user", userId, new { roles = before }, new { roles = after });
    }

    /// <summary>Roles as the audit log lists them, in a fixed order.</summary>
    public static List<string> Describe(IEnumerable<UserRole> roles) => [.. roles.Select(UserQueries.Describe).Order(StringComparer.Ordinal)];
}
