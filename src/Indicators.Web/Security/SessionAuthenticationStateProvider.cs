using System.Security.Claims;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Indicators.Web.Security;

/// <summary>
/// The signed-in user of an interactive page (a Blazor circuit), which outlives the request that opened it: every
/// <see cref="SessionSettings.RevalidationInterval"/> the session is checked again, and when it has ended, its account
/// been deactivated or its roles changed, the page loses its user at once (it shows "Ingen behörighet"). A save does
/// not wait for that: <see cref="Components.Editing.CurrentActor"/> checks with <see cref="StillValidAsync"/> first.
/// </summary>
public sealed class SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionStore sessions, SessionSettings settings, TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillValidAsync((authenticationState ?? throw new ArgumentNullException(nameof(authenticationState))).User, cancellationToken);

    /// <summary>Whether the user's session is open and the account still has exactly the roles the page was given.</summary>
    public async Task<bool> StillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        // No idle timeout here: an open page is in use (its revalidation marks the session as seen).
        var account = SessionPrincipal.Token(user) is { } token ? await sessions.CheckAsync(token, time.GetUtcNow(), idleTimeout: null, cancellationToken) : null;
        return account is not null && SessionPrincipal.Matches(user, account);
    }

    /// <summary>Takes the user off this page at once: its session no longer holds.</summary>
    public void EndForThisPage() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
}
