using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Reports;
using Npgsql;

namespace Indicators.Data.ActionPlans;

/// <summary>What a nämnd enters for one åtgärd in its report: amounts as typed ("12,5", "−3", "1 200"), empty for none.</summary>
public sealed record ActionMeasureFollowUpInput(string? Realised, string? Forecast, string? Comment);

/// <summary>
/// The nämnd's follow-up of one åtgärd of its åtgärdsplan in its open report: the realised effect so far, the forecast
/// for the year and a comment. Rights and the report's state are checked in the save's transaction (the plan's nämnd,
/// as for every text of its report: <see cref="ReportEditGuard"/>); a save from a form loaded before someone else's
/// is refused, so their figures are not overwritten unseen.
/// </summary>
public sealed class ActionMeasureFollowUpEditor(NpgsqlDataSource dataSource)
{
    public const int MaxCommentLength = 8000;

    /// <summary>
    /// Saves the follow-up of <paramref name="measureId"/> in <paramref name="periodId"/>. <paramref name="version"/> is the
    /// follow-up's version the form loaded (0 when there was none).
    /// </summary>
    public Task<ReportActionMeasure> SaveAsync(
        int periodId, int measureId, int version, ActionMeasureFollowUpInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            const string measureSql = """
                select ap.committee_id as CommitteeId, ap.plan_version_id as PlanVersionId, rp.year::int as Year, rp.kind as Kind,
                       rp.plan_version_id = ap.plan_version_id as SamePlanVersion
                from action_measure m
                join action_plan ap on ap.id = m.action_plan_id
                cross join report_period rp
                where m.id = @MeasureId and rp.id = @PeriodId
                """;
            var target = await edit.SingleOrDefaultAsync<MeasureTarget>(measureSql, new { MeasureId = measureId, PeriodId = periodId });
            if (target is null || !target.SamePlanVersion)
            {
                throw new InvalidEditException("", "Åtgärden hör inte (längre) till den här rapportens åtgärdsplan. Ladda om sidan.");
            }

            await ReportEditGuard.RequireMayEditAsync(edit, target.CommitteeId);
            var (realised, forecast, comment) = Validate(input, ActionPlanAmounts.RealisedHeading(ReportNames.ParseKind(target.Kind), target.Year));
            // The plan's nämnd reports on it even without goals of its own.
            await CommitteeReportWriter.EnsureForPeriodAsync(edit, periodId);
            await ReportEditGuard.RequireOpenAsync(edit, periodId, target.CommitteeId);
            var current = await ActionMeasureFollowUpWriter.LockAsync(edit, periodId, target.PlanVersionId, target.Year, measureId)
                ?? throw new InvalidEditException("", "Åtgärden finns inte längre. Ladda om sidan.");
            if (current.Realised == realised && current.Forecast == forecast && current.Comment == comment)
            {
                return current;
            }

            if (current.Version != version)
            {
                throw new EditConflictException(
                    $"Inget sparades: {current.UpdatedBy ?? "någon annan"} ändrade uppföljningen av {current.Name}"
                    + $"{(current.UpdatedAt is { } at ? $" {SwedishFormat.Time(at)}" : "")} medan du skrev. Ladda om sidan och gör om ändringen.");
            }

            return await ActionMeasureFollowUpWriter.SaveAsync(edit, periodId, target.PlanVersionId, target.Year, target.CommitteeId, current, realised, forecast, comment);
        }, cancellationToken);
    }

    /// <summary>The amounts as numbers and the comment trimmed; every problem named by its field, in Swedish.</summary>
    static (decimal? Realised, decimal? Forecast, string Comment) Validate(ActionMeasureFollowUpInput input, string realisedLabel)
    {
        var validation = new Validation();
        decimal? Amount(string field, string label, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (NumberText.TryParse(text, out var value) && Math.Abs(value) < 1_000_000_000_000m)
            {
                return value;
            }

            validation.Add(field, $"{label}: ”{StorableText.OneLine(text, 40)}” är inte ett belopp. Skriv till exempel 12,5 eller −3.");
            return null;
        }

        var realised = Amount("Realised", realisedLabel, input.Realised);
        var forecast = Amount("Forecast", "Prognos för året", input.Forecast);
        var comment = (input.Comment ?? "").Trim();
        validation.LimitText("Comment", comment, "kommentaren", MaxCommentLength);
        if (StorableText.IndexOfUnstorable(comment) is var index and >= 0)
        {
            validation.Add("Comment", $"Kommentaren innehåller ett tecken som inte kan sparas ({StorableText.Describe(comment, index)}).");
        }

        validation.ThrowIfAny();
        return (realised, forecast, comment);
    }

    sealed record MeasureTarget(int CommitteeId, int PlanVersionId, int Year, string Kind, bool SamePlanVersion);
}
