using System.Security.Claims;
using Indicators.Web.Security;

namespace Indicators.Web.Components.Reports;

/// <summary>
/// Who may do what with reports. Everyone with a role reads every report; analysts and administrators create periods and
/// may work on any nämnd's report; a Nämnd user works only on the reports of the nämnd its claim names. Ledning reads only.
/// The pages check this before every store call, not only when they decide which buttons to show.
/// </summary>
public static class ReportAccess
{
    public static bool MayCreatePeriods(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Administrator);
    }

    /// <summary>May write assessments and comments, submit, reopen and finalise the report of the nämnd with this code.</summary>
    public static bool MayEdit(ClaimsPrincipal user, string? committeeCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        return MayCreatePeriods(user)
            || (committeeCode is not null && user.IsInRole(Roles.Committee) && CommitteeCodes(user).Contains(committeeCode, StringComparer.Ordinal));
    }

    /// <summary>The nämnder a Nämnd user belongs to (their codes); empty for the other roles.</summary>
    public static IReadOnlyList<string> CommitteeCodes(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Committee) ? [.. user.FindAll(Roles.CommitteeClaim).Select(c => c.Value).Distinct()] : [];
    }
}
