using Indicators.Data.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace Indicators.Web.Components.Editing;

/// <summary>
/// Who is making a change, for the audit log, in an interactive page or an endpoint alike. The user comes from the
/// authentication state (reliable in a circuit); the address from the request or, in a circuit, from the connection the
/// circuit runs on, when the server still has it.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, IHttpContextAccessor http)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return new Actor(state.User.Identity?.Name, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
    }

    public static Actor From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Actor(context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString());
    }
}
