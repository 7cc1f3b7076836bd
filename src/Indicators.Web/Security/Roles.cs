using Microsoft.AspNetCore.Authorization;

namespace Indicators.Web.Security;

/// <summary>The roles of DESIGN.md (and Granskare, issue 19) as stored in app_role, and the policies pages and endpoints require.</summary>
public static class Roles
{
    public const string Management = "Ledning";
    public const string Analyst = "Analytiker";
    public const string Committee = "Namnd";
    public const string Administrator = "Administrator";

    /// <summary>Reviews submitted reports: returns them or finalises them, never one the same person submitted.</summary>
    public const string Reviewer = "Granskare";

    public static readonly string[] All = [Management, Analyst, Committee, Reviewer, Administrator];

    /// <summary>
    /// Claim type holding the committee id of a Nämnd role (one claim per committee). An id, never a code: two
    /// organisations may each have a nämnd coded HSN, and rights must not pass from one to the other.
    /// </summary>
    public const string CommitteeClaim = "indicators:committee";

    /// <summary>
    /// Claim type holding the committee id a Granskare reviews (one claim per committee), or <see cref="AllCommittees"/>
    /// for a Granskare of every nämnd.
    /// </summary>
    public const string ReviewerClaim = "indicators:reviews";

    public const string AllCommittees = "*";

    public static string SwedishName(string role) => Indicators.Core.Formatting.RoleNames.SwedishName(role);
}

/// <summary>Named policies; every page and endpoint names one, or falls back to <see cref="Read"/>.</summary>
public static class Policies
{
    /// <summary>Any signed-in user with a role: read plans, indicators and outcomes.</summary>
    public const string Read = "read";

    /// <summary>Analytiker and administratörer: plans, indicators, targets, sources and runs.</summary>
    public const string Analyse = "analyse";

    /// <summary>Administratörer only: users, the Hangfire dashboard.</summary>
    public const string Administer = "administer";

    public static void Add(AuthorizationOptions options)
    {
        var read = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build();
        options.AddPolicy(Read, read);
        options.AddPolicy(Analyse, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Analyst, Roles.Administrator));
        options.AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Administrator));

        // Secure by default: an endpoint that says nothing requires a signed-in user with a role.
        options.FallbackPolicy = read;
    }
}
