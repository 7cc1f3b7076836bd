using Indicators.Core.Editing;
using Indicators.Data.Editing;
using Indicators.Data.Users;

namespace Indicators.Data.Reports;

/// <summary>
/// What a review (returning or finalising a nämnd's report, finalising the region's) checks inside its transaction: the
/// acting account is an active Granskare of the nämnd or of every nämnd (only a Granskare of every nämnd for the
/// region's report) — not an administrator by that role alone — and, to finalise, is not the person who submitted the
/// report. Refusals are Swedish messages.
/// </summary>
static class ReportReviewGuard
{
    public const string SubmitterMayNotFinalise =
        "Du lämnade in rapporten och kan inte fastställa den: en annan granskare måste göra det.";

    /// <summary>The acting account reviews this nämnd's reports.</summary>
    public static async Task RequireMayReviewAsync(AuditedEdit edit, int committeeId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!await AccountRights.MayReviewAsync(edit.Connection, edit.Transaction, edit.Actor, committeeId, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Bara en granskare av nämndens rapporter kan återlämna eller fastställa rapporten.");
        }
    }

    /// <summary>The acting account reviews every nämnd's report, and so the region's.</summary>
    public static async Task RequireMayReviewRegionAsync(AuditedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!await AccountRights.MayReviewAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Bara en granskare av alla nämnders rapporter kan fastställa regionens rapport.");
        }
    }

    /// <summary>Four eyes: the report (locked by the caller) was submitted by someone else than the acting account.</summary>
    public static async Task RequireNotSubmitterAsync(AuditedEdit edit, int periodId, int committeeId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var submittedBy = await edit.ScalarAsync<string?>(
            "select submitted_by from committee_report where report_period_id = @PeriodId and committee_id = @CommitteeId",
            new { PeriodId = periodId, CommitteeId = committeeId });
        if (submittedBy is null || string.Equals(submittedBy, edit.Actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidEditException("", SubmitterMayNotFinalise);
        }
    }
}
