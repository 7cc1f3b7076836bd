using Indicators.Data.Users;
using Indicators.Web.Security;

namespace Indicators.Web.Admin;

/// <summary>How a role reads on the administration pages: "Nämnd (Hälso- och sjukvårdsnämnden)", "Granskare (alla nämnder)".</summary>
public static class RoleText
{
    public static string Describe(AssignedRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var name = Roles.SwedishName(role.Role);
        return role.CommitteeName is { } committee ? $"{name} ({committee})"
            : role.Role == Roles.Reviewer ? $"{name} (alla nämnder)"
            : name;
    }

    /// <summary>What each role may do, in a sentence for the role choices.</summary>
    public static string Explain(string role) => role switch
    {
        Roles.Management => "läser allt",
        Roles.Analyst => "planer, indikatorer, målvärden, källor och körningar",
        Roles.Committee => "läser allt; bedömer och lämnar in sin nämnds rapport",
        Roles.Reviewer => "läser allt; granskar inlämnade rapporter, skickar tillbaka eller fastställer",
        Roles.Administrator => "användare, granskningslogg, Hangfire och allt annat",
        _ => "",
    };
}
