using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// The review of submitted reports (four eyes): a Granskare of the nämnd (or of every nämnd) returns a report under
/// review to open with comments on its goals or on the whole, which stay on the report and which the nämnd marks
/// resolved; finalising is <see cref="ReportSubmission.FinaliseAsync"/>, with the same rights and never by the person
/// who submitted. The region's report is finalised here, by a Granskare of every nämnd, once every nämnd's is. Rights
/// and states are checked inside each write's transaction (<see cref="ReportReviewGuard"/>).
/// </summary>
public sealed class ReportReview(NpgsqlDataSource dataSource)
{
    public const int MaxCommentLength = 4000;

    /// <summary>Under review → open, with the reviewer's comments (at least one); the report's version as the page saw it.</summary>
    public Task ReturnAsync(int periodId, int committeeId, int version, IReadOnlyList<ReviewCommentDraft> comments, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var written = comments.Select(c => c with { Text = c.Text?.Trim() ?? "" }).Where(c => c.Text.Length > 0).ToList();
        var validation = new Validation();
        if (written.Count == 0)
        {
            validation.Add("Comments", "Skriv minst en kommentar som säger vad nämnden ska se över innan rapporten återlämnas.");
        }

        foreach (var comment in written.Where(c => c.Text.Length > MaxCommentLength))
        {
            validation.Add(CommentField(comment.GoalId), $"En kommentar får vara högst {SwedishFormat.Count(MaxCommentLength, "tecken", "tecken")} (nu {comment.Text.Length}).");
        }

        validation.ThrowIfAny();
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportReviewGuard.RequireMayReviewAsync(edit, committeeId);
            await ReportEditGuard.RequireStateAsync(edit, periodId, committeeId, version, ReportState.UnderReview);
            var goals = await GoalIdsAsync(edit, periodId, committeeId);
            foreach (var comment in written.Where(c => c.GoalId is { } id && !goals.Contains(id)))
            {
                throw new InvalidEditException(CommentField(comment.GoalId), "Målet hör inte (längre) till nämndens rapport. Ladda om sidan.");
            }

            await CommitteeReportWriter.ReturnAsync(edit, periodId, committeeId);
            foreach (var comment in written)
            {
                await ReviewCommentWriter.AddAsync(edit, periodId, committeeId, comment);
            }
        }, cancellationToken);
    }

    /// <summary>The nämnd marks a reviewer's comment resolved (or not) while its report is open again.</summary>
    public Task SetCommentResolvedAsync(int periodId, int committeeId, int commentId, bool resolved, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayEditAsync(edit, committeeId);
            await ReportEditGuard.RequireOpenAsync(edit, periodId, committeeId);
            await ReviewCommentWriter.SetResolvedAsync(edit, periodId, committeeId, commentId, resolved);
        }, cancellationToken);

    /// <summary>
    /// The region's report finalised with its decision: only by a Granskare of every nämnd, only once, and only when
    /// every nämnd's report in the period is finalised (which then never changes, so the region's report is fixed too).
    /// </summary>
    public Task FinaliseRegionAsync(int periodId, ReportDecisionInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportReviewGuard.RequireMayReviewRegionAsync(edit);
            var period = await ReportQueries.ReadPeriodAsync(edit.Connection, periodId, edit.CancellationToken, edit.Transaction)
                ?? throw new InvalidEditException("", "Rapportperioden finns inte längre.");
            var states = (await ReportQueries.ReadStatesAsync(edit.Connection, [periodId], null, edit.CancellationToken, edit.Transaction))[periodId].ToList();
            var pending = states.Where(s => s.State != ReportState.Finalised).Select(s => s.CommitteeName).ToList();
            if (states.Count == 0 || pending.Count > 0)
            {
                throw new InvalidEditException("", states.Count == 0
                    ? "Regionens rapport kan inte fastställas: ingen nämnd har en rapport i perioden."
                    : $"Regionens rapport kan fastställas först när alla nämnders rapporter är fastställda. Inte fastställda än: {SwedishFormat.List(pending)}.");
            }

            await ReportDecisionWriter.RecordRegionAsync(edit, periodId, input.Validate(period.Year, Today()));
        }, cancellationToken);
    }

    /// <summary>The reviewers' comments on a nämnd's report, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewComment>> GetCommentsAsync(int periodId, int committeeId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id, goal_id, comment as Text, user_display_name(created_by) as CreatedBy, created_at,
                   user_display_name(resolved_by) as ResolvedBy, resolved_at
            from review_comment
            where report_period_id = @PeriodId and committee_id = @CommitteeId
            order by created_at, id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CommentRow>(new CommandDefinition(sql, new { PeriodId = periodId, CommitteeId = committeeId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReviewComment(r.Id, r.GoalId, r.Text, r.CreatedBy, DbTime.Utc(r.CreatedAt)!.Value, r.ResolvedBy, DbTime.Utc(r.ResolvedAt)))];
    }

    /// <summary>The region's report's decision; null while it is not finalised.</summary>
    public async Task<RegionReportDecision?> GetRegionDecisionAsync(int periodId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadRegionDecisionAsync(connection, periodId, cancellationToken);
    }

    internal static async Task<RegionReportDecision?> ReadRegionDecisionAsync(NpgsqlConnection connection, int periodId, CancellationToken cancellationToken)
    {
        const string sql = """
            select finalised_at, user_display_name(finalised_by) as FinalisedBy, decision_body as Body, decision_meeting as MeetingDate,
                   decision_paragraph as Paragraph, decision_protocol as ProtocolReference
            from region_report_decision where report_period_id = @PeriodId
            """;
        var row = await connection.QuerySingleOrDefaultAsync<DecisionRow>(new CommandDefinition(sql, new { PeriodId = periodId }, cancellationToken: cancellationToken));
        return row is null ? null : new RegionReportDecision(DbTime.Utc(row.FinalisedAt)!.Value, row.FinalisedBy,
            new ReportDecision(row.Body, row.MeetingDate, row.Paragraph, row.ProtocolReference));
    }

    /// <summary>
    /// The region's report header with its own state: finalised (with its decision) only once a Granskare has finalised it,
    /// under review while every nämnd's is finalised but the region's is not, otherwise as the nämnder's reports stand.
    /// </summary>
    internal static ReportHeader RegionHeader(ReportHeader header, IReadOnlyList<CommitteeReportState> states, RegionReportDecision? decision)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (decision is not null)
        {
            return header with { State = ReportState.Finalised, FinalisedAt = decision.FinalisedAt, FinalisedBy = decision.FinalisedBy, Decision = decision.Decision };
        }

        var committees = new ReportPeriodSummary(0, 0, "", 0, "", 0, ReportKind.Annual, default, states).State;
        return header with { State = committees == ReportState.Open ? ReportState.Open : ReportState.UnderReview, FinalisedAt = null };
    }

    /// <summary>Today in Stockholm, against which a meeting date may not lie in the future.</summary>
    internal static DateOnly Today() => SwedishFormat.Date(DateTimeOffset.UtcNow);

    static string CommentField(int? goalId) => goalId is { } id ? $"Comments[{AuditedEdit.AuditId(id)}]" : "Comments[report]";

    static async Task<HashSet<int>> GoalIdsAsync(AuditedEdit edit, int periodId, int committeeId) =>
        [.. await edit.ListAsync<int>("""
            select g.id
            from goal g
            join goal_area ga on ga.id = g.goal_area_id
            join report_period rp on rp.plan_version_id = ga.plan_version_id
            where rp.id = @PeriodId and g.owner_committee_id = @CommitteeId
            """, new { PeriodId = periodId, CommitteeId = committeeId })];

    sealed record CommentRow(int Id, int? GoalId, string Text, string CreatedBy, DateTime CreatedAt, string? ResolvedBy, DateTime? ResolvedAt);

    sealed record DecisionRow(DateTime FinalisedAt, string FinalisedBy, string Body, DateOnly MeetingDate, string Paragraph, string? ProtocolReference);
}
