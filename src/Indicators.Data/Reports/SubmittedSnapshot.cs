using System.Text.Json;
using Dapper;
using Indicators.Core.Reports;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// A report is judged when it is submitted: the figures it was submitted with (målvärden, utfall, statuses, forecasts,
/// the suggested assessments) are stored beside it (<c>committee_report.submitted_snapshot</c>) in the submission's
/// transaction. Under review the report reads them, with what has changed since as a revision notice; finalising freezes
/// them; any way back to open discards them (a trigger, so whichever writer moves the report). A report submitted before
/// V0027 has none and reads today's figures, as reports did then.
/// </summary>
static class SubmittedSnapshot
{
    /// <summary>
    /// <paramref name="document"/> as submitted, in JSON, for <see cref="CommitteeReportWriter.SubmitAsync"/> to store with the
    /// move. Written once per submission: the database refuses a second write.
    /// </summary>
    public static string Json(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document with { Header = document.Header with { State = ReportState.UnderReview } }, ReportQueries.SnapshotJson);
    }

    /// <summary>The figures the report was submitted with; null when it is not under review or was submitted before V0027.</summary>
    public static async Task<ReportDocument?> ReadAsync(
        NpgsqlConnection connection, int periodId, int committeeId, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            select submitted_snapshot::text from committee_report
            where report_period_id = @PeriodId and committee_id = @CommitteeId and state = 'under_review'
            """;
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(sql, new { PeriodId = periodId, CommitteeId = committeeId }, transaction,
            cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<ReportDocument>(json, ReportQueries.SnapshotJson)
            ?? throw new InvalidOperationException($"The submitted snapshot of committee {committeeId} in period {periodId} is empty.");
    }

    /// <summary>
    /// What a report under review reads and finalising freezes: its submitted figures with the texts as they stand in
    /// <paramref name="live"/> (the report built now), or <paramref name="live"/> itself for a report submitted before V0027.
    /// </summary>
    public static async Task<ReportDocument> ReviewedAsync(AuditedEdit edit, int periodId, int committeeId, ReportDocument live)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return await ReadAsync(edit.Connection, periodId, committeeId, edit.CancellationToken, edit.Transaction) is { } submitted
            ? WithTextsOf(submitted, live)
            : live;
    }

    /// <summary>
    /// The submitted figures with each goal's texts and each indicator's comment from <paramref name="live"/>. A report under
    /// review is read-only, so these are the texts it was submitted with unless a later part of the flow writes them.
    /// </summary>
    public static ReportDocument WithTextsOf(ReportDocument submitted, ReportDocument live)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(live);
        var goals = live.Goals.ToDictionary(g => g.GoalId);
        return submitted with
        {
            Areas = [.. submitted.Areas.Select(area => area with
            {
                Goals = [.. area.Goals.Select(goal => goals.TryGetValue(goal.GoalId, out var now)
                    ? goal with
                    {
                        Texts = now.Texts,
                        Indicators = [.. goal.Indicators.Select(i => i with
                        {
                            Comment = now.Indicators.FirstOrDefault(n => n.IndicatorId == i.IndicatorId)?.Comment ?? i.Comment,
                        })],
                    }
                    : goal)],
            })],
        };
    }
}
