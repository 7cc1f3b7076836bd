using System.Globalization;
using System.Security.Claims;
using Indicators.Web.Security;

namespace Indicators.Web.Reports;

/// <summary>
/// Who may do what with reports, as pages decide which forms and buttons to show. Everyone with a role reads every
/// report; analysts and administrators create periods and may work on any nämnd's report; a Nämnd user works only on
/// the reports of the committees its claims name, by committee id. Ledning reads only. The pages check this before
/// every store call, and the editors check the acting account again (ReportEditGuard), so a page is never the only guard.
/// </summary>
public static class ReportAccess
{
    public static bool MayCreatePeriods(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Administrator);
    }

    /// <summary>May write assessments and comments, submit, reopen and finalise the report of the nämnd with this id.</summary>
    public static bool MayEdit(ClaimsPrincipal user, int committeeId) =>
        MayCreatePeriods(user) || CommitteeIds(user).Contains(committeeId);

    /// <summary>The ids of the nämnder a Nämnd user belongs to; empty for the other roles.</summary>
    public static IReadOnlySet<int> CommitteeIds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Committee)
            ? user.FindAll(Roles.CommitteeClaim)
                .Select(c => int.TryParse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
                .OfType<int>().ToHashSet()
            : new HashSet<int>();
    }
}
