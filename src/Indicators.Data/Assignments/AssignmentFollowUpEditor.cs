using Indicators.Core.Assignments;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Reports;
using Npgsql;

namespace Indicators.Data.Assignments;

/// <summary>What a receiving nämnd says about an uppdrag in a report: status (required), comment and prognos (beräknas klart).</summary>
public sealed record AssignmentFollowUpInput(AssignmentStatus? Status, string? Comment, DateOnly? ExpectedCompletion);

/// <summary>
/// A receiving nämnd's follow-up of an uppdrag in its open report. The same people who write the rest of the nämnd's
/// report may write it (<see cref="ReportEditGuard"/>: the nämnd's own users, analysts and administrators; never another
/// nämnd's users), only while the report is open, and only for an uppdrag the nämnd receives in the period's plan version.
/// Saves are optimistic: the version the form loaded must still be the stored one, so nobody's newer follow-up is
/// silently overwritten.
/// </summary>
public sealed class AssignmentFollowUpEditor(NpgsqlDataSource dataSource)
{
    /// <summary>The longest comment (assignment_follow_up.comment's check).</summary>
    public const int MaxCommentLength = 8000;

    /// <summary>
    /// Saves the follow-up; <paramref name="version"/> is the follow-up's version the form loaded (0 when none was stored).
    /// Returns the uppdrag as the nämnd's report shows it now.
    /// </summary>
    public Task<ReportAssignment> SaveAsync(
        int periodId, int committeeId, int assignmentId, int version, AssignmentFollowUpInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var comment = (input.Comment ?? "").Trim();
        var status = Validate(input, comment);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayEditAsync(edit, committeeId);
            await ReportEditGuard.RequireOpenAsync(edit, periodId, committeeId);
            var current = await AssignmentFollowUpWriter.LockAsync(edit, periodId, committeeId, assignmentId)
                ?? throw new InvalidEditException("", "Uppdraget hör inte (längre) till nämndens rapport. Ladda om sidan.");
            var stored = current.FollowUps.Single();
            if (stored.Version != version)
            {
                throw new EditConflictException(
                    $"Inget sparades: {stored.UpdatedBy ?? "någon annan"} har ändrat uppföljningen av uppdrag {current.Code}"
                    + $"{(stored.UpdatedAt is { } at ? $" {SwedishFormat.Time(at)}" : "")} medan du skrev "
                    + $"(status nu: {stored.Status?.SwedishName().ToLower(SwedishFormat.Culture) ?? "ej uppföljt"}). Ladda om sidan och gör ändringen igen.");
            }

            if (stored.Status == status && stored.Comment == comment && stored.ExpectedCompletion == input.ExpectedCompletion)
            {
                return current;
            }

            return await AssignmentFollowUpWriter.SaveAsync(edit, periodId, committeeId, assignmentId, stored, status, comment, input.ExpectedCompletion);
        }, cancellationToken);
    }

    static AssignmentStatus Validate(AssignmentFollowUpInput input, string comment)
    {
        var validation = new Validation();
        if (input.Status is null)
        {
            validation.Add(nameof(input.Status), "Ange status för uppdraget.");
        }

        if (comment.Length > MaxCommentLength)
        {
            validation.Add(nameof(input.Comment),
                $"Kommentaren får vara högst {SwedishFormat.Number(MaxCommentLength, 0)} tecken (nu {SwedishFormat.Number(comment.Length, 0)}).");
        }

        if (input.ExpectedCompletion is { Year: < 2000 or > 2100 } date)
        {
            validation.Add(nameof(input.ExpectedCompletion),
                $"Prognosen (beräknas klart) {date.ToString("yyyy-MM-dd", SwedishFormat.Culture)} är inte ett rimligt datum: ange ett datum mellan år 2000 och 2100.");
        }

        validation.ThrowIfAny();
        return input.Status!.Value;
    }
}
