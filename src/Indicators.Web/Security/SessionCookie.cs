using System.Globalization;
using System.Security.Claims;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Indicators.Web.Security;

/// <summary>
/// The sign-in cookie as a handle on a server-side session (<see cref="SessionStore"/>): issuing the cookie starts a
/// session (local accounts and single sign-on alike), and every request checks it against the database and rebuilds
/// the user from the account as it is now. An ended, expired or idle session, or a deactivated account, is refused
/// and its cookie deleted; a role change applies on the next request.
/// </summary>
public static class SessionCookie
{
    public static CookieAuthenticationEvents Events() => new()
    {
        OnSigningIn = StartSessionAsync,
        OnValidatePrincipal = CheckSessionAsync,
    };

    static async Task StartSessionAsync(CookieSigningInContext context)
    {
        var services = context.HttpContext.RequestServices;
        var identity = context.Principal?.Identity as ClaimsIdentity
            ?? throw new InvalidOperationException("A sign-in needs a claims identity.");
        var userId = int.Parse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? throw new InvalidOperationException("A sign-in names the user's id."), CultureInfo.InvariantCulture);
        var token = await services.GetRequiredService<SessionStore>().StartAsync(
            userId, identity.FindFirst(OidcSettings.SignedInWithClaim)?.Value ?? SessionPrincipal.Local,
            context.HttpContext.Connection.RemoteIpAddress?.ToString(), services.GetRequiredService<TimeProvider>().GetUtcNow(),
            services.GetRequiredService<SessionSettings>().AbsoluteLifetime, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(SessionPrincipal.SessionClaim, token));
    }

    static async Task CheckSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var token = SessionPrincipal.Token(context.Principal);
        var account = token is null ? null : await services.GetRequiredService<SessionStore>().CheckAsync(
            token, services.GetRequiredService<TimeProvider>().GetUtcNow(), services.GetRequiredService<SessionSettings>().IdleTimeout,
            context.HttpContext.RequestAborted);
        if (account is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(SessionPrincipal.For(account, token!));
    }
}
