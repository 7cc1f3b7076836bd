using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>A role to give an account: Nämnd names its committee (required), Granskare one committee or none (every nämnd).</summary>
public sealed record RoleGrant(string Role, int? CommitteeId);

/// <summary>
/// What an administrator does to accounts: creates them with a one-time password, changes their roles, resets their
/// password to a one-time password, deactivates and reactivates them. Every change checks, inside its own transaction,
/// that the acting account is an active administrator now (not only that a page let them in), is audited with the
/// administrator as actor, and never leaves the system without an active administrator. Administration changes run one
/// at a time (a transaction lock), so two administrators cannot each remove the other's role and leave none.
/// Accounts from single sign-on get their roles from the identity provider at every sign-in and have no password here:
/// their roles and password are refused, their (de)activation is not.
/// </summary>
public sealed class UserAdministration(NpgsqlDataSource dataSource)
{
    const string Namnd = "Namnd";
    const string Granskare = "Granskare";
    const string Administrator = "Administrator";

    /// <summary>Creates a local account whose password is a one-time password its owner must change at first sign-in.</summary>
    public Task<int> CreateAsync(
        string userName, string displayName, string oneTimePasswordHash, IReadOnlyList<RoleGrant> roles, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return RunAsync(actor, async edit =>
        {
            var resolved = await ResolveAsync(edit, roles);
            var id = await AppUserWriter.InsertLocalAsync(edit, userName.Trim(), displayName.Trim(), oneTimePasswordHash, isDemo: false, mustChangePassword: true);
            foreach (var role in resolved)
            {
                await UserRoleWriter.InsertAsync(edit, id, role.Role, role.CommitteeId);
            }

            await edit.RecordAsync("create", "user", id, null, new
            {
                userName = userName.Trim(), displayName = displayName.Trim(), roles = UserRoleWriter.Describe(resolved), mustChangePassword = true,
            });
            return id;
        }, cancellationToken);
    }

    /// <summary>Makes <paramref name="roles"/> the account's roles (audited before → after); takes effect on its next request.</summary>
    public Task SetRolesAsync(int userId, IReadOnlyList<RoleGrant> roles, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return RunAsync(actor, async edit =>
        {
            var target = await TargetAsync(edit, userId);
            if (target.IsExternal)
            {
                throw new InvalidEditException("Roles", "Kontot loggar in via organisationens inloggning: rollerna kommer från identitetsleverantören "
                    + "vid varje inloggning och ändras där, inte här.");
            }

            await UserRoleWriter.ReplaceAsync(edit, userId, await ResolveAsync(edit, roles));
            await UserOrganisationWriter.RequireRolesInsideAsync(edit, userId);
            await RequireAnAdministratorLeftAsync(edit, target, "Roles",
                "Du är den enda aktiva administratören och kan inte ta bort din egen roll Administratör. Ge först någon annan rollen.");
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Limits the account to <paramref name="areaIds"/> (organisations: areas owning a plan or a nämnd), or with none lifts
    /// the limit (every organisation); audited before → after, takes effect on its next request. Its Nämnd and Granskare
    /// roles must name nämnder inside the limit. Single sign-on accounts too: the limit is the installation's, not the
    /// identity provider's.
    /// </summary>
    public Task SetOrganisationsAsync(int userId, IReadOnlyList<string> areaIds, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(areaIds);
        return RunAsync(actor, async edit =>
        {
            _ = await TargetAsync(edit, userId);
            await UserOrganisationWriter.ReplaceAsync(edit, userId, areaIds);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives a local account a one-time password (its hash), which its owner must change at the next sign-in, lifts a
    /// lockout, and ends every open session of the account at once (audited with the reason).
    /// </summary>
    public Task ResetPasswordAsync(int userId, string oneTimePasswordHash, Actor actor, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async edit =>
        {
            var target = await TargetAsync(edit, userId);
            if (target.IsExternal)
            {
                throw new InvalidEditException("", "Kontot loggar in via organisationens inloggning och har inget lösenord här att återställa.");
            }

            if (string.Equals(target.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidEditException("", "Ditt eget lösenord byter du under Byt lösenord.");
            }

            await AppUserWriter.ResetPasswordAsync(edit, userId, oneTimePasswordHash);
            await UserSessionWriter.EndAllAsync(edit, userId, SessionEndReasons.PasswordReset, null);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Deactivates an account (its sessions end in the same transaction, audited with the reason; it can no longer sign
    /// in) or reactivates it. Nothing is written when it already is so.
    /// </summary>
    public Task SetActiveAsync(int userId, bool active, Actor actor, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async edit =>
        {
            var target = await TargetAsync(edit, userId);
            if (await AppUserWriter.SetActiveAsync(edit, userId, active) && !active)
            {
                await UserSessionWriter.EndAllAsync(edit, userId, SessionEndReasons.Deactivated, null);
                await RequireAnAdministratorLeftAsync(edit, target, "",
                    "Du är den enda aktiva administratören och kan inte inaktivera dig själv. Ge först någon annan rollen Administratör.");
            }

            return true;
        }, cancellationToken);

    async Task<T> RunAsync<T>(Actor actor, Func<AuditedEdit, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            // One administration change at a time: the last-administrator check below then sees every other one.
            await edit.ExecuteAsync("select pg_advisory_xact_lock(hashtext('indicators:user-administration'))");
            if (!await AccountRights.IsAdministratorAsync(edit.Connection, edit.Transaction, edit.Actor, edit.CancellationToken))
            {
                throw new InvalidEditException("", "Du har inte behörighet att administrera användare (det kräver rollen Administratör och ett aktivt konto).");
            }

            return await change(edit);
        }, cancellationToken);
    }

    static async Task<Target> TargetAsync(AuditedEdit edit, int userId) =>
        await edit.SingleOrDefaultAsync<Target>(
            "select id, user_name, external_subject is not null as is_external from app_user where id = @Id for update", new { Id = userId })
        ?? throw new InvalidEditException("", "Användaren finns inte längre. Ladda om sidan.");

    /// <summary>Refuses a change after which no active account has the Administrator role (only the acting one could be it).</summary>
    static async Task RequireAnAdministratorLeftAsync(AuditedEdit edit, Target target, string field, string message)
    {
        var left = await edit.ScalarAsync<bool>(
            "select exists (select 1 from app_user u join user_role r on r.user_id = u.id where r.role = @Role and u.is_active)", new { Role = Administrator });
        if (!left)
        {
            throw new InvalidEditException(field, string.Equals(target.UserName, edit.Actor.UserName, StringComparison.OrdinalIgnoreCase)
                ? message
                : "Det måste finnas minst en aktiv administratör. Ingenting har ändrats.");
        }
    }

    /// <summary>
    /// The roles as stored (with committee codes for the audit log), checked: at least one, each a known role, Nämnd
    /// with its committee, only Nämnd and Granskare with one, every committee still there.
    /// </summary>
    static async Task<List<UserRole>> ResolveAsync(AuditedEdit edit, IReadOnlyList<RoleGrant> roles)
    {
        var distinct = roles.Distinct().ToList();
        if (distinct.Count == 0)
        {
            throw new InvalidEditException("Roles", "Välj minst en roll. Ett konto som inte ska användas inaktiverar du i stället.");
        }

        var known = (await edit.ListAsync<string>("select name from app_role")).ToHashSet(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var role in distinct)
        {
            if (!known.Contains(role.Role))
            {
                errors.Add(new FieldError("Roles", $"Okänd roll: {role.Role}."));
            }
            else if (role.Role == Namnd && role.CommitteeId is null)
            {
                errors.Add(new FieldError("Roles", "Rollen Nämnd behöver en nämnd. Välj vilken."));
            }
            else if (role.Role is not (Namnd or Granskare) && role.CommitteeId is not null)
            {
                errors.Add(new FieldError("Roles", "Bara rollerna Nämnd och Granskare gäller en viss nämnd."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }

        var ids = distinct.Where(r => r.CommitteeId is not null).Select(r => r.CommitteeId!.Value).Distinct().ToArray();
        var codes = (await edit.ListAsync<(int Id, string Code)>("select id, code from committee where id = any(@Ids) for share", new { Ids = ids }))
            .ToDictionary(c => c.Id, c => c.Code);
        if (ids.Any(id => !codes.ContainsKey(id)))
        {
            throw new InvalidEditException("Roles", "Den valda nämnden finns inte längre. Ladda om sidan och välj en annan.");
        }

        return [.. distinct.Select(r => new UserRole(r.Role, r.CommitteeId, r.CommitteeId is { } id ? codes[id] : null))
            .OrderBy(r => r.Role, StringComparer.Ordinal).ThenBy(r => r.CommitteeId)];
    }

    sealed record Target(int Id, string UserName, bool IsExternal);
}
