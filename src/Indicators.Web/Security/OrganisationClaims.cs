using System.Security.Claims;
using Indicators.Core.Organisations;

namespace Indicators.Web.Security;

/// <summary>
/// The organisations a signed-in user may see, as their session carries them: one <see cref="Claim"/> per organisation
/// the account is limited to, none for an account that sees every organisation (issue 21).
/// </summary>
public static class OrganisationClaims
{
    public const string ClaimType = "indicators:organisation";

    public static OrganisationScope OrganisationScope(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var limits = user.FindAll(ClaimType).Select(c => c.Value).ToList();
        return limits.Count == 0 ? Core.Organisations.OrganisationScope.All : Core.Organisations.OrganisationScope.Only(limits);
    }
}
