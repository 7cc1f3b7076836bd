using System.Globalization;
using System.Security.Claims;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Indicators.Web.Security;

/// <summary>
/// The signed-in user as pages and policies see it, built from the database on every request (<see cref="SessionCookie"/>),
/// never trusted from the cookie: the user's id, names, how they signed in, their session, their roles, for each
/// Nämnd role the committee's id (codes repeat across organisations; rights go by id), and the organisations the account
/// is limited to (<see cref="OrganisationClaims"/>).
/// </summary>
public static class SessionPrincipal
{
    /// <summary>Claim holding the session's token; the cookie carries it, the database only its hash.</summary>
    public const string SessionClaim = "indicators:session";

    /// <summary>
    /// Claim present while the account's password is a one-time password an administrator set: until its owner changes it,
    /// <see cref="PasswordChangeGate"/> lets them do nothing else.
    /// </summary>
    public const string MustChangePasswordClaim = "indicators:must-change-password";

    /// <summary>How a local account's session is recorded (single sign-on: <see cref="OidcSettings.Scheme"/>).</summary>
    public const string Local = "local";

    /// <summary>What the cookie is signed in with: who, and how. The session's token is added when the cookie is issued.</summary>
    public static ClaimsPrincipal SignIn(int userId, string userName, string displayName, string signedInWith) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, userName),
            new Claim("name", displayName),
            new Claim(OidcSettings.SignedInWithClaim, signedInWith),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The principal of an open session, with the account's roles as the database has them now.</summary>
    public static ClaimsPrincipal For(SessionAccount account, string token)
    {
        ArgumentNullException.ThrowIfNull(account);
        var principal = SignIn(account.UserId, account.UserName, account.DisplayName, account.SignedInWith);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SessionClaim, token));
        identity.AddClaims(account.Roles.Select(r => r.Role).Distinct().Select(r => new Claim(ClaimTypes.Role, r)));
        identity.AddClaims(account.Roles.Where(r => r.Role == Roles.Committee && r.CommitteeId is not null)
            .Select(r => new Claim(Roles.CommitteeClaim, r.CommitteeId!.Value.ToString(CultureInfo.InvariantCulture))));
        identity.AddClaims(account.Roles.Where(r => r.Role == Roles.Reviewer)
            .Select(r => new Claim(Roles.ReviewerClaim, r.CommitteeId?.ToString(CultureInfo.InvariantCulture) ?? Roles.AllCommittees)));
        identity.AddClaims(account.Organisations.Select(a => new Claim(OrganisationClaims.ClaimType, a)));
        if (account.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return principal;
    }

    public static string? Token(ClaimsPrincipal? principal) => principal?.FindFirst(SessionClaim)?.Value;

    public static bool MustChangePassword(ClaimsPrincipal? principal) => principal?.HasClaim(MustChangePasswordClaim, "true") == true;

    /// <summary>Whether a principal (an open page's) still says what the account says now: the same user, roles and committees.</summary>
    public static bool Matches(ClaimsPrincipal principal, SessionAccount account)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(account);
        var now = For(account, Token(principal) ?? "");
        return principal.FindFirst(ClaimTypes.NameIdentifier)?.Value == now.FindFirst(ClaimTypes.NameIdentifier)?.Value
            && Set(principal, ClaimTypes.Role).SetEquals(Set(now, ClaimTypes.Role))
            && Set(principal, Roles.CommitteeClaim).SetEquals(Set(now, Roles.CommitteeClaim))
            && Set(principal, Roles.ReviewerClaim).SetEquals(Set(now, Roles.ReviewerClaim))
            && Set(principal, OrganisationClaims.ClaimType).SetEquals(Set(now, OrganisationClaims.ClaimType));
    }

    static HashSet<string> Set(ClaimsPrincipal principal, string type) => [.. principal.FindAll(type).Select(c => c.Value)];
}
