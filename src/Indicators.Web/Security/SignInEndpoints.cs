using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Indicators.Web.Security;

/// <summary>
/// Sign-in and sign-out with local accounts (form posts, so antiforgery protects them), the start of a single sign-on
/// with the organisation's provider, and changing one's password.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/konto");

        group.MapPost("/logga-in", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy);
        // A link, not a form: a form post redirected to another site would fall foul of the CSP's form-action.
        // The provider's answer is protected by state, nonce and PKCE.
        group.MapGet("/logga-in-extern", (OidcSettings oidc, [FromQuery] string? returnUrl) => oidc.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OidcSettings.Scheme])
            : Results.NotFound()).AllowAnonymous();

        group.MapPost("/logga-ut", SignOutAsync).RequireAntiforgeryToken();

        group.MapPost("/byt-losenord", ChangePasswordAsync);

        return routes;
    }

    /// <summary>Ends the session (server side, audited, so a replayed cookie is refused), then the cookie and any provider session.</summary>
    static async Task<IResult> SignOutAsync(HttpContext context, OidcSettings oidc, SessionStore sessions)
    {
        var external = oidc.Enabled && context.User.HasClaim(OidcSettings.SignedInWithClaim, OidcSettings.Scheme);
        if (SessionPrincipal.Token(context.User) is { } token)
        {
            await sessions.EndAsync(token, SessionEndReasons.SignedOut, Components.Editing.CurrentActor.From(context), context.RequestAborted);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (external && await OidcSignIn.ProviderCanSignOutAsync(context))
        {
            // Ends the provider's session too; it sends the browser back to /logga-in afterwards.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/logga-in" }, [OidcSettings.Scheme]);
        }

        return Results.LocalRedirect("/logga-in");
    }

    /// <summary>The shortest password we accept: long passphrases beat complexity rules (NIST SP 800-63B).</summary>
    public const int MinimumPasswordLength = 12;

    static async Task<IResult> ChangePasswordAsync(
        HttpContext context, UserQueries users, SignInAttempts attempts, UserEditor editor,
        [FromForm(Name = "nuvarande")] string? current, [FromForm(Name = "nytt")] string? proposed, [FromForm(Name = "upprepa")] string? repeated)
    {
        var userName = context.User.Identity?.Name;
        var found = userName is null ? null : await users.FindAsync(userName, context.RequestAborted);
        if (found is not { User: var user } || user.PasswordHash is null)
        {
            // Accounts from single sign-on have no local password to change.
            return TypedResults.LocalRedirect("/konto/losenord?fel=extern");
        }

        // The current password is guessed no faster here than on the sign-in form: the same counter and lockout.
        var remoteIp = context.Connection.RemoteIpAddress?.ToString();
        var attempt = await attempts.BeginAsync(user.UserName, context.RequestAborted);
        if (attempt is not { MayCheck: true })
        {
            return TypedResults.LocalRedirect("/konto/losenord?fel=last");
        }

        var hasher = new PasswordHasher<AppUser>();
        if (string.IsNullOrEmpty(current) || hasher.VerifyHashedPassword(attempt.User, attempt.User.PasswordHash!, current) == PasswordVerificationResult.Failed)
        {
            await attempts.RecordFailureAsync(attempt, remoteIp, context.RequestAborted);
            return TypedResults.LocalRedirect("/konto/losenord?fel=nuvarande");
        }

        var problem = proposed is null || proposed.Length < MinimumPasswordLength ? "kort"
            : proposed != repeated ? "olika"
            : proposed == current ? "samma"
            : null;
        if (problem is not null)
        {
            await attempts.ClearFailuresAsync(user.Id, context.RequestAborted);
            return TypedResults.LocalRedirect($"/konto/losenord?fel={problem}");
        }

        // Every other session of the user ends with the old password; this one goes on.
        await editor.ChangePasswordAsync(user.Id, user.UserName, hasher.HashPassword(user, proposed!), SessionPrincipal.Token(context.User), remoteIp, context.RequestAborted);
        return TypedResults.LocalRedirect("/konto/losenord?klart=1");
    }

    static async Task<IResult> SignInAsync(
        HttpContext context, SignInAttempts attempts, SignInAccountLimiter accountLimiter, SignInFailures failures,
        [FromForm(Name = "anvandarnamn")] string? userName, [FromForm(Name = "losenord")] string? password, [FromForm(Name = "returnUrl")] string? returnUrl)
    {
        var remoteIp = context.Connection.RemoteIpAddress?.ToString();
        var back = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Failed("saknas", back);
        }

        using var lease = accountLimiter.Acquire(userName);
        if (!lease.IsAcquired)
        {
            return new SignInLimits.TooManyAttempts(accountLimiter.RetryAfter(lease));
        }

        // Counted before the password is checked, atomically: of any number of parallel attempts, only as many as the
        // lockout allows are checked at all.
        var attempt = await attempts.BeginAsync(userName, context.RequestAborted);
        if (attempt is null)
        {
            // The same answer as a wrong password: the form does not reveal which user names exist.
            await failures.RecordAsync(context, userName, SessionPrincipal.Local, "unknown-user");
            return Failed("fel", back);
        }

        if (!attempt.MayCheck)
        {
            await failures.RecordAsync(context, attempt.User.UserName, SessionPrincipal.Local, "locked-out");
            return Failed("last", back);
        }

        var user = attempt.User;
        if (new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, password) == PasswordVerificationResult.Failed)
        {
            await attempts.RecordFailureAsync(attempt, remoteIp, context.RequestAborted);
            return Failed("fel", back);
        }

        // The roles are not in the cookie: every request reads them from the account (SessionCookie).
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SessionPrincipal.SignIn(user.Id, user.UserName, user.DisplayName, SessionPrincipal.Local));
        await attempts.RecordSuccessAsync(user, remoteIp, context.RequestAborted);
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
