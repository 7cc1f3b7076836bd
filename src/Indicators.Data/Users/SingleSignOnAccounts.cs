using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Users;

/// <summary>Who the identity provider says signed in. <see cref="Subject"/> is issuer and subject: stable and unique.</summary>
public sealed record ExternalIdentity(string Subject, string UserName, string DisplayName, string? Email);

public enum ExternalSignInOutcome
{
    SignedIn,

    /// <summary>None of the provider's roles maps to a role of ours (or its committee does not exist).</summary>
    NoRole,

    /// <summary>An administrator has deactivated the account.</summary>
    Inactive,

    /// <summary>A local account already has the user name; we never join accounts by name (that would hand it over).</summary>
    NameTaken,

    /// <summary>
    /// A committee code the provider gave names committees of several organisations (and no organisation is configured
    /// to choose between them): refused rather than guessed, since a guess could give one organisation's report to another's nämnd.
    /// </summary>
    AmbiguousCommittee,
}

public sealed record ExternalSignIn(ExternalSignInOutcome Outcome, int? UserId, string UserName, string DisplayName, IReadOnlyList<UserRole> Roles);

/// <summary>
/// Accounts from single sign-on: created on first sign-in, their roles replaced by the provider's on every sign-in
/// (the provider is the authority for them), and every sign-in, refusal and role change audited.
/// </summary>
public sealed class SingleSignOnAccounts(NpgsqlDataSource dataSource)
{
    public const string Source = "oidc";

    /// <summary>
    /// Signs in (or refuses) <paramref name="identity"/> with the roles the provider gave, in one transaction. A Nämnd
    /// role's committee code is looked up among <paramref name="organisation"/>'s committees (an area id) when given, else
    /// among all; a code that names more than one committee refuses the sign-in (<see cref="ExternalSignInOutcome.AmbiguousCommittee"/>).
    /// </summary>
    public Task<ExternalSignIn> SignInAsync(
        ExternalIdentity identity, IReadOnlyCollection<(string Role, string? CommitteeCode)> roles, string? organisation, string? remoteIp,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return AuditedEdit.RunAsync(dataSource, new Actor(identity.UserName, remoteIp), async edit =>
        {
            var user = (await edit.ListAsync<AppUser>(
                $"select {UserQueries.AppUserColumns} from app_user where external_subject = @Subject for update", new { identity.Subject })).SingleOrDefault();
            List<UserRole> resolved;
            try
            {
                resolved = await ResolveCommitteesAsync(edit, roles, organisation);
            }
            catch (AmbiguousCommitteeException e)
            {
                // The account keeps the roles it had: nothing is changed on a refusal that names no role for certain.
                return await RefuseAsync(edit, user?.UserName ?? identity.UserName, user?.Id, ExternalSignInOutcome.AmbiguousCommittee, remoteIp, e.Code);
            }

            if (user is null)
            {
                if (resolved.Count == 0)
                {
                    return await RefuseAsync(edit, identity.UserName, null, ExternalSignInOutcome.NoRole, remoteIp);
                }

                var taken = await edit.ScalarAsync<bool>(
                    "select exists (select 1 from app_user where lower(user_name) = lower(@UserName))", new { identity.UserName });
                if (taken)
                {
                    return await RefuseAsync(edit, identity.UserName, null, ExternalSignInOutcome.NameTaken, remoteIp);
                }

                // Recorded as created by the account itself, without the address (as every creation is).
                user = await AppUserWriter.InsertExternalAsync(
                    edit.As(new Actor(identity.UserName, null)), identity.Subject, identity.UserName, identity.DisplayName, identity.Email, Source);
            }
            else
            {
                if (!user.IsActive)
                {
                    return await RefuseAsync(edit, user.UserName, user.Id, ExternalSignInOutcome.Inactive, remoteIp);
                }

                await AppUserWriter.UpdateExternalAsync(edit, user.Id, identity.DisplayName, identity.Email);
            }

            // The provider is the authority for the roles: their change is recorded as its doing.
            await UserRoleWriter.ReplaceAsync(edit.As(new Actor(Source, null)), user.Id, resolved);
            if (resolved.Count == 0)
            {
                // Roles withdrawn at the provider are withdrawn here too (above), and the sign-in is refused.
                return await RefuseAsync(edit, user.UserName, user.Id, ExternalSignInOutcome.NoRole, remoteIp);
            }

            await AppUserWriter.RecordSignInAsync(edit.As(new Actor(user.UserName, remoteIp)), user.Id, new { source = Source, roles = UserRoleWriter.Describe(resolved) });
            return new ExternalSignIn(ExternalSignInOutcome.SignedIn, user.Id, user.UserName, identity.DisplayName, resolved);
        }, cancellationToken);
    }

    static async Task<ExternalSignIn> RefuseAsync(AuditedEdit edit, string userName, int? userId, ExternalSignInOutcome outcome, string? remoteIp, string? committeeCode = null)
    {
        var reason = outcome switch
        {
            ExternalSignInOutcome.NoRole => "no-role",
            ExternalSignInOutcome.Inactive => "inactive",
            ExternalSignInOutcome.NameTaken => "name-taken",
            ExternalSignInOutcome.AmbiguousCommittee => "ambiguous-committee",
            _ => outcome.ToString(),
        };
        await AppUserWriter.RecordRefusedSignInAsync(edit.As(new Actor(userName, remoteIp)), userId, new { source = Source, reason, committeeCode });
        return new ExternalSignIn(outcome, userId, userName, userName, []);
    }

    /// <summary>
    /// The roles whose committee (for Nämnd) exists, by id; a committee code we do not know grants nothing, and one that
    /// names several committees throws <see cref="AmbiguousCommitteeException"/>.
    /// </summary>
    static async Task<List<UserRole>> ResolveCommitteesAsync(AuditedEdit edit, IEnumerable<(string Role, string? CommitteeCode)> roles, string? organisation)
    {
        var resolved = new List<UserRole>();
        foreach (var (role, code) in roles.Distinct())
        {
            if (code is null)
            {
                resolved.Add(new UserRole(role, null, null));
                continue;
            }

            var committees = await UserQueries.FindCommitteesAsync(edit.Connection, edit.Transaction, code, organisation, edit.CancellationToken);
            if (committees.Count > 1)
            {
                throw new AmbiguousCommitteeException(code, committees);
            }

            if (committees.Count == 1)
            {
                resolved.Add(new UserRole(role, committees[0].Id, committees[0].Code));
            }
        }

        return [.. resolved.DistinctBy(r => (r.Role, r.CommitteeId)).OrderBy(r => r.Role, StringComparer.Ordinal).ThenBy(r => r.CommitteeId)];
    }
}
