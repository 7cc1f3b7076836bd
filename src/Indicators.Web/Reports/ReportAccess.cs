using System.Globalization;
using System.Security.Claims;
using Indicators.Web.Security;

namespace Indicators.Web.Reports;

/// <summary>
/// Who may do what with reports, as pages decide which forms and buttons to show. Everyone with a role reads every
/// report; analysts and administrators create periods and may work on any nämnd's report; a Nämnd user works only on
/// the reports of the committees its claims name, by committee id; a Granskare returns or finalises the submitted reports
/// of its nämnd (or of all, and then also the region's). Ledning reads only. The pages check this before
/// every store call, and the editors check the acting account again (ReportEditGuard), so a page is never the only guard.
/// </summary>
public static class ReportAccess
{
    public static bool MayCreatePeriods(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Administrator);
    }

    /// <summary>May write assessments and comments, submit and reopen the report of the nämnd with this id.</summary>
    public static bool MayEdit(ClaimsPrincipal user, int committeeId) =>
        MayCreatePeriods(user) || CommitteeIds(user).Contains(committeeId);

    /// <summary>
    /// May return or finalise the nämnd's submitted report: a Granskare of that nämnd or of every nämnd (not an
    /// administrator by that role alone). The store also refuses the person who submitted it.
    /// </summary>
    public static bool MayReview(ClaimsPrincipal user, int committeeId)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Reviewer) && user.FindAll(Roles.ReviewerClaim).Any(c =>
            c.Value == Roles.AllCommittees || c.Value == committeeId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>May finalise the region's report: a Granskare of every nämnd.</summary>
    public static bool MayFinaliseRegion(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Reviewer) && user.FindAll(Roles.ReviewerClaim).Any(c => c.Value == Roles.AllCommittees);
    }

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
