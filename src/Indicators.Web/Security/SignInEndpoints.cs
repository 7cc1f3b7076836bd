using System.Security.Claims;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Indicators.Web.Security;

/// <summary>
/// Sign-in and sign-out with local accounts (form posts, so antiforgery protects them), and the start of a single
/// sign-on with the organisation's provider.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/konto");

        group.MapPost("/logga-in", SignInAsync).AllowAnonymous();
        // A link, not a form: a form post redirected to another site would fall foul of the CSP's form-action.
        // The provider's answer is protected by state, nonce and PKCE.
        group.MapGet("/logga-in-extern", (OidcSettings oidc, [FromQuery] string? returnUrl) => oidc.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OidcSettings.Scheme])
            : Results.NotFound()).AllowAnonymous();

        group.MapPost("/logga-ut", async (HttpContext context, OidcSettings oidc) =>
        {
            var external = oidc.Enabled && context.User.HasClaim(OidcSettings.SignedInWithClaim, OidcSettings.Scheme);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (external && await OidcSignIn.ProviderCanSignOutAsync(context))
            {
                // Ends the provider's session too; it sends the browser back to /logga-in afterwards.
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/logga-in" }, [OidcSettings.Scheme]);
            }

            return Results.LocalRedirect("/logga-in");
        });

        group.MapPost("/byt-losenord", ChangePasswordAsync);

        return routes;
    }

    /// <summary>The shortest password we accept: long passphrases beat complexity rules (NIST SP 800-63B).</summary>
    public const int MinimumPasswordLength = 12;

    static async Task<IResult> ChangePasswordAsync(
        HttpContext context, UserStore users,
        [FromForm(Name = "nuvarande")] string? current, [FromForm(Name = "nytt")] string? proposed, [FromForm(Name = "upprepa")] string? repeated)
    {
        var userName = context.User.Identity?.Name;
        var found = userName is null ? null : await users.FindAsync(userName, context.RequestAborted);
        if (found is not { User: var user } || user.PasswordHash is null)
        {
            // Accounts from single sign-on have no local password to change.
            return TypedResults.LocalRedirect("/konto/losenord?fel=extern");
        }

        var hasher = new PasswordHasher<AppUser>();
        if (string.IsNullOrEmpty(current) || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            await users.RecordFailedSignInAsync(user.UserName, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            return TypedResults.LocalRedirect("/konto/losenord?fel=nuvarande");
        }

        var problem = proposed is null || proposed.Length < MinimumPasswordLength ? "kort"
            : proposed != repeated ? "olika"
            : proposed == current ? "samma"
            : null;
        if (problem is not null)
        {
            return TypedResults.LocalRedirect($"/konto/losenord?fel={problem}");
        }

        await users.ChangePasswordAsync(user.Id, user.UserName, hasher.HashPassword(user, proposed!), context.RequestAborted);
        return TypedResults.LocalRedirect("/konto/losenord?klart=1");
    }

    static async Task<IResult> SignInAsync(
        HttpContext context, UserStore users, TimeProvider time,
        [FromForm(Name = "anvandarnamn")] string? userName, [FromForm(Name = "losenord")] string? password, [FromForm(Name = "returnUrl")] string? returnUrl)
    {
        var remoteIp = context.Connection.RemoteIpAddress?.ToString();
        var back = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Failed("saknas", back);
        }

        var found = await users.FindAsync(userName, context.RequestAborted);
        if (found is not { User: var user, Roles: var roles } || !user.IsActive || user.PasswordHash is null)
        {
            // The same answer as a wrong password: the form does not reveal which user names exist.
            await users.RecordFailedSignInAsync(userName, remoteIp, context.RequestAborted);
            return Failed("fel", back);
        }

        if (user.IsLockedOut(time.GetUtcNow().UtcDateTime))
        {
            await users.RecordFailedSignInAsync(userName, remoteIp, context.RequestAborted);
            return Failed("last", back);
        }

        var verdict = new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await users.RecordFailedSignInAsync(userName, remoteIp, context.RequestAborted);
            return Failed("fel", back);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new("name", user.DisplayName),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r.Role)));
        claims.AddRange(roles.Where(r => r.CommitteeCode is not null).Select(r => new Claim(Roles.CommitteeClaim, r.CommitteeCode!)));
        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        await users.RecordSignInAsync(user, remoteIp, context.RequestAborted);
        return TypedResults.LocalRedirect(back);
    }

    static RedirectHttpResult Failed(string reason, string returnUrl) =>
        TypedResults.LocalRedirect($"/logga-in?fel={reason}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>
    /// Only paths of this site: an open redirect would let a phishing link borrow our sign-in page. No control characters
    /// (tab, CR/LF, DEL, NUL): the framework's redirect refuses them as not local, which would be a 500.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
