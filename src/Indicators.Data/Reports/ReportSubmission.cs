using System.Text.Json;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// A nämnd's report moving open → under review → finalised (and back from under review to open). Each move names the
/// version the page saw, so a move made on a stale page is a conflict; rights are checked in the move's transaction
/// (<see cref="ReportEditGuard"/>).
/// </summary>
public sealed class ReportSubmission(NpgsqlDataSource dataSource, ReportQueries queries)
{
    /// <summary>
    /// Open → under review. Every goal must have the nämnd's assessment, and a motivation where it differs. The report as
    /// judged now is stored as submitted (<see cref="SubmittedSnapshot"/>) in the same transaction.
    /// </summary>
    public Task SubmitAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayEditAsync(edit, committeeId);
            var state = await ReportEditGuard.RequireStateAsync(edit, periodId, committeeId, version, ReportState.Open);
            var document = await BuildAsync(edit, periodId, state);
            RequireComplete(document);
            await CommitteeReportWriter.SubmitAsync(edit, periodId, committeeId, SubmittedSnapshot.Json(document));
        }, cancellationToken);

    /// <summary>Under review → open, so the texts can be changed again.</summary>
    public Task ReopenAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayEditAsync(edit, committeeId);
            await ReportEditGuard.RequireStateAsync(edit, periodId, committeeId, version, ReportState.UnderReview);
            await CommitteeReportWriter.ReopenAsync(edit, periodId, committeeId);
        }, cancellationToken);

    /// <summary>
    /// Under review → finalised: what was reviewed (the figures, statuses and explanations it was submitted with, the texts
    /// as they stand) is frozen as its snapshot in the same transaction, and never changes again (a trigger refuses any
    /// later update). Data changed since the submission does not replace the figures: it stays a revision notice. Only a
    /// Granskare of the nämnd who did not submit it finalises, recording the decision (<see cref="ReportReviewGuard"/>).
    /// </summary>
    public Task FinaliseAsync(int periodId, int committeeId, int version, ReportDecisionInput decisionInput, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            ArgumentNullException.ThrowIfNull(decisionInput);
            await ReportReviewGuard.RequireMayReviewAsync(edit, committeeId);
            var state = await ReportEditGuard.RequireStateAsync(edit, periodId, committeeId, version, ReportState.UnderReview);
            await ReportReviewGuard.RequireNotSubmitterAsync(edit, periodId, committeeId);
            var document = await SubmittedSnapshot.ReviewedAsync(edit, periodId, committeeId, await BuildAsync(edit, periodId, state));
            var decision = decisionInput.Validate(document.Header.Year, ReportReview.Today());
            RequireComplete(document);
            var at = DateTimeOffset.UtcNow;
            var finalisedBy = await edit.ScalarAsync<string?>("select user_display_name(@By)", new { By = edit.Actor.UserName });
            var frozen = document with
            {
                Header = document.Header with { State = ReportState.Finalised, FinalisedAt = at, FinalisedBy = finalisedBy, Decision = decision },
            };
            await CommitteeReportWriter.FinaliseAsync(edit, periodId, committeeId, at, JsonSerializer.Serialize(frozen, ReportQueries.SnapshotJson), frozen);
        }, cancellationToken);

    /// <summary>Every goal assessed, with a motivation where the assessment differs from the suggestion.</summary>
    static void RequireComplete(ReportDocument document)
    {
        var errors = new List<FieldError>();
        foreach (var goal in document.Goals)
        {
            var id = AuditedEdit.AuditId(goal.GoalId);
            if (goal.Texts.Assessed is null)
            {
                errors.Add(new FieldError($"Goals[{id}].Assessed", $"Mål {goal.Code} saknar nämndens bedömning."));
            }
            else if (goal.DiffersFromSuggestion && string.IsNullOrWhiteSpace(goal.Texts.Motivation))
            {
                errors.Add(new FieldError($"Goals[{id}].Motivation",
                    $"Mål {goal.Code} saknar motivering: nämndens bedömning ({goal.Texts.Assessed.Value.SwedishName()}) skiljer sig från förslaget ({goal.Suggested.SwedishName()})."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    async Task<ReportDocument> BuildAsync(AuditedEdit edit, int periodId, CommitteeReportState state)
    {
        var period = await ReportQueries.ReadPeriodAsync(edit.Connection, periodId, edit.CancellationToken, edit.Transaction)
            ?? throw new InvalidEditException("", "Rapportperioden finns inte längre.");
        return await queries.BuildLiveAsync(edit.Connection, period, state.CommitteeId, state, edit.CancellationToken);
    }
}
