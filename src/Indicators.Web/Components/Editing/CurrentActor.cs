using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Indicators.Web.Components.Editing;

/// <summary>
/// Who is making a change, for the audit log, in an interactive page or an endpoint alike. The user comes from the
/// authentication state (reliable in a circuit); the address from the request or, in a circuit, from the connection the
/// circuit runs on, when the server still has it. An interactive page may have been open since before its user signed
/// out, was deactivated or lost a role: <see cref="GetAsync"/> checks the session first, and refuses the change.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, IHttpContextAccessor http)
{
    /// <summary>
    /// The acting user, once their session is confirmed as still open with the same roles. Otherwise the page loses its
    /// user at once and the change is refused with an <see cref="InvalidEditException"/> (Swedish), which every editing
    /// page already shows; nothing is saved.
    /// </summary>
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true
            || (authentication is SessionAuthenticationStateProvider sessions && !await sessions.StillValidAsync(state.User)))
        {
            (authentication as SessionAuthenticationStateProvider)?.EndForThisPage();
            throw new InvalidEditException("", "Din inloggning gäller inte längre (du har loggats ut, kontot har inaktiverats "
                + "eller dina behörigheter har ändrats). Inget sparades. Logga in igen.");
        }

        return new Actor(state.User.Identity?.Name, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
    }

    public static Actor From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Actor(context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString());
    }
}
