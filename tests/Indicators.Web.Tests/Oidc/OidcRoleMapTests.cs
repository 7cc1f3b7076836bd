using Indicators.Web.Security;

namespace Indicators.Web.Tests.Oidc;

public class OidcRoleMapTests
{
    [Fact]
    public void Without_a_configured_map_each_role_is_granted_by_its_own_name_and_a_committee_by_the_prefix()
    {
        var settings = new OidcSettings();

        var roles = settings.MapRoles(["Ledning", "Analytiker", "Administratör", "Namnd.HSN", "Namnd."]);

        Assert.Equal([(Roles.Management, null), (Roles.Analyst, null), (Roles.Committee, "HSN")], roles);
    }

    [Fact]
    public void A_configured_map_is_the_only_one_that_counts_and_its_role_names_ignore_case()
    {
        var settings = new OidcSettings
        {
            RoleMap = new() { ["analytiker"] = "Indicators.Analytiker", ["Namnd"] = "Indicators.AllaNamnder", ["Okänd"] = "Indicators.Okand" },
            CommitteeRolePrefix = "Indicators.Namnd.",
        };

        var roles = settings.MapRoles(["Analytiker", "Administrator", "Indicators.Analytiker", "Indicators.AllaNamnder", "Indicators.Okand", "Indicators.Namnd.RS"]);

        Assert.Equal([(Roles.Analyst, null), (Roles.Committee, "RS")], roles);
    }
}
