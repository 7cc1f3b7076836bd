using Indicators.Core.Organisations;
using Microsoft.AspNetCore.Components.Authorization;

namespace Indicators.Web.Security;

/// <summary>The signed-in user's organisations as an interactive or static page reads them (<see cref="OrganisationClaims"/>).</summary>
public static class OrganisationScopes
{
    public static async Task<OrganisationScope> OrganisationScopeAsync(this AuthenticationStateProvider authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        return (await authentication.GetAuthenticationStateAsync()).User.OrganisationScope();
    }
}
