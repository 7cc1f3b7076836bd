using System.Security.Claims;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Indicators.Web.Security;

/// <summary>
/// The signed-in user of an interactive page (a Blazor circuit), which outlives the request that opened it: every
/// <see cref="SessionSettings.RevalidationInterval"/> the session is checked again, and when it has ended, its account
/// been deactivated or its roles changed, the page loses its user and reloads, so the server answers it as it answers
/// any request now (the sign-in page, or the page as the new roles see it). A save does not wait for that:
/// <see cref="Components.Editing.CurrentActor"/> checks with <see cref="StillValidAsync"/> first.
/// </summary>
public sealed class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    readonly SessionStore sessions;
    readonly SessionSettings settings;
    readonly TimeProvider time;
    readonly NavigationManager navigation;
    bool signedIn;

    public SessionAuthenticationStateProvider(
        ILoggerFactory loggerFactory, SessionStore sessions, SessionSettings settings, TimeProvider time, NavigationManager navigation)
        : base(loggerFactory)
    {
        (this.sessions, this.settings, this.time, this.navigation) = (sessions, settings, time, navigation);
        AuthenticationStateChanged += state => _ = ReloadWhenSignedOutAsync(state);
    }

    protected override TimeSpan RevalidationInterval => settings.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        StillValidAsync((authenticationState ?? throw new ArgumentNullException(nameof(authenticationState))).User, cancellationToken);

    /// <summary>Whether a signed-in user's session is open and the account still has exactly the roles the page was given.</summary>
    public async Task<bool> StillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            // Nothing to revalidate; a change needs a signed-in user anyway (CurrentActor).
            return true;
        }

        // No idle timeout here: an open page is in use (its revalidation marks the session as seen).
        var account = SessionPrincipal.Token(user) is { } token ? await sessions.CheckAsync(token, time.GetUtcNow(), idleTimeout: null, cancellationToken) : null;
        return account is not null && SessionPrincipal.Matches(user, account);
    }

    /// <summary>Takes the user off this page at once: its session no longer holds.</summary>
    public void EndForThisPage() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

    async Task ReloadWhenSignedOutAsync(Task<AuthenticationState> state)
    {
        try
        {
            var nowSignedIn = (await state).User.Identity?.IsAuthenticated == true;
            if (signedIn && !nowSignedIn)
            {
                // A full load: the cookie is checked again, and the server sends the sign-in page or the page as it now is.
                navigation.Refresh(forceReload: true);
            }

            signedIn = nowSignedIn;
        }
        catch (NavigationException)
        {
            // Not in an interactive page (a prerender): the next request is checked anyway.
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or Microsoft.JSInterop.JSDisconnectedException)
        {
            // A navigation manager not attached to a page, or a page already closed: the next request is checked anyway.
        }
    }
}
