using Microsoft.AspNetCore.Authorization;

namespace Indicators.Web.Security;

/// <summary>The four roles of DESIGN.md as stored in app_role, and the policies pages and endpoints require.</summary>
public static class Roles
{
    public const string Management = "Ledning";
    public const string Analyst = "Analytiker";
    public const string Committee = "Namnd";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [Management, Analyst, Committee, Administrator];

    /// <summary>
    /// Claim type holding the committee id of a Nämnd role (one claim per committee). An id, never a code: two
    /// organisations may each have a nämnd coded HSN, and rights must not pass from one to the other.
    /// </summary>
    public const string CommitteeClaim = "indicators:committee";

    public static string SwedishName(string role) => role switch
    {
        Management => "Ledning",
        Analyst => "Analytiker",
        Committee => "Nämnd",
        Administrator => "Administratör",
        _ => role,
    };
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
