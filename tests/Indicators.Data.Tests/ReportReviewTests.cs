using System.Text.Json;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Reports;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// Four eyes on the demo plan's reports: only a Granskare of the nämnd (or of every nämnd) returns or finalises a
/// submitted report, never the person who submitted it; a return keeps its comments with the goal they concern;
/// finalising records a checked decision; the region's report is finalised on its own once every nämnd's is.
/// </summary>
public class ReportReviewTests : IAsyncLifetime
{
    static readonly Actor Hanna = new("hanna", "127.0.0.1");
    static readonly Actor Harald = new(DemoReports.Analyst, "127.0.0.2");
    static readonly Actor Adam = new(DemoReports.Administrator, "127.0.0.5");
    static readonly Actor Greta = new(DemoReports.Reviewer, "127.0.0.3");
    static readonly Actor Rolf = new(DemoReports.RegionReviewer, "127.0.0.4");

    DemoReports demo = default!;
    ReportReview review = default!;

    public async Task InitializeAsync()
    {
        demo = await DemoReports.CreateAsync();
        review = new ReportReview(demo.DataSource);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    ReportSubmission Submission => demo.Editors.Submission;

    async Task<CommitteeReportState> StateAsync(int committeeId) => (await demo.Queries.GetCommitteeReportAsync(demo.Interim, committeeId))!.State;

    /// <summary>Assesses every goal of the nämnd's delårsrapport as suggested (by <paramref name="actor"/>) and submits it.</summary>
    async Task SubmitAsync(int committeeId, Actor actor)
    {
        foreach (var goal in (await demo.Queries.GetCommitteeReportAsync(demo.Interim, committeeId))!.Document.Goals.Where(g => g.Texts.Assessed is null))
        {
            Assert.True((await demo.Editors.Assessments.SaveAsync(demo.Interim, committeeId, goal.GoalId, goal.Texts,
                goal.Texts with { Assessed = goal.Suggested }, goal.Suggested, actor)).Saved);
        }

        await Submission.SubmitAsync(demo.Interim, committeeId, (await StateAsync(committeeId)).Version, actor);
    }

    async Task FinaliseAtAsync(int committeeId, Actor actor, ReportDecisionInput decision) =>
        await Submission.FinaliseAsync(demo.Interim, committeeId, (await StateAsync(committeeId)).Version, decision, actor);

    async Task<int> OtherCommitteeAsync()
    {
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "select committee_id from committee_report where report_period_id = @Interim and committee_id <> @Hsn order by committee_id limit 1",
            new { demo.Interim, demo.Hsn });
    }

    [Fact]
    public async Task The_person_who_submitted_a_report_cannot_finalise_it_even_as_its_granskare_and_another_granskare_can()
    {
        // Sara is both a Nämnd user of HSN and its Granskare (a small nämnd's secretary).
        await new UserEditor(demo.DataSource).CreateAsync("sara", "Sara Sekreterare", "x",
            [("Namnd", demo.Hsn), ("Granskare", demo.Hsn)], isDemo: false, createdBy: "test");
        var sara = new Actor("SARA", "127.0.0.6");
        await SubmitAsync(demo.Hsn, sara);
        var submitted = await StateAsync(demo.Hsn);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => FinaliseAtAsync(demo.Hsn, sara, DemoReports.Decision()));
        Assert.Equal("Du lämnade in rapporten och kan inte fastställa den: en annan granskare måste göra det.", Assert.Single(refused.Errors).Message);
        Assert.Equal((ReportState.UnderReview, submitted.Version), ((await StateAsync(demo.Hsn)).State, (await StateAsync(demo.Hsn)).Version));

        await FinaliseAtAsync(demo.Hsn, Greta, DemoReports.Decision());
        var decided = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!;
        Assert.Equal((ReportState.Finalised, "Sara Sekreterare", DemoReports.Reviewer), (decided.State.State, decided.State.SubmittedBy, decided.State.FinalisedBy));
        Assert.Equal(new ReportDecision("Hälso- och sjukvårdsnämnden", new DateOnly(2026, 1, 20), "87", "HSN 2026/4"), decided.Document.Header.Decision);
        Assert.Equal("Hälso- och sjukvårdsnämnden 2026-01-20 § 87, protokoll HSN 2026/4", decided.Document.Header.Decision!.Text);

        await using var connection = await demo.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<(string Body, DateTime Meeting, string Paragraph, string Protocol)>(
            "select decision_body, decision_meeting, decision_paragraph, decision_protocol from committee_report where report_period_id = @Interim and committee_id = @Hsn",
            new { demo.Interim, demo.Hsn });
        Assert.Equal(("Hälso- och sjukvårdsnämnden", new DateTime(2026, 1, 20), "87", "HSN 2026/4"), stored);
        var audit = await connection.QuerySingleAsync<string>("select after::text from audit_log where entity = 'committee_report' and action = 'finalise'");
        Assert.Equal("87", JsonDocument.Parse(audit).RootElement.GetProperty("Decision").GetProperty("Paragraph").GetString());
    }

    [Fact]
    public async Task Only_a_granskare_of_the_namnd_or_of_all_returns_or_finalises_not_its_namnd_users_analysts_administrators_or_another_namnds_granskare()
    {
        var other = await OtherCommitteeAsync();
        await TestUsers.CreateAsync(demo.ConnectionString, "otto", "Granskare", other);
        await SubmitAsync(demo.Hsn, Hanna);
        var version = (await StateAsync(demo.Hsn)).Version;

        foreach (var actor in new[] { Hanna, new Actor("gunnar", null), Harald, Adam, new Actor("otto", null), new Actor("nobody", null) })
        {
            var finalise = await Assert.ThrowsAsync<InvalidEditException>(() => Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, DemoReports.Decision(), actor));
            Assert.Equal("Bara en granskare av nämndens rapporter kan återlämna eller fastställa rapporten.", finalise.Message);
            var giveBack = await Assert.ThrowsAsync<InvalidEditException>(() =>
                review.ReturnAsync(demo.Interim, demo.Hsn, version, [new ReviewCommentDraft(null, "Se över.")], actor));
            Assert.Equal(finalise.Message, giveBack.Message);
        }

        Assert.Equal((ReportState.UnderReview, version), ((await StateAsync(demo.Hsn)).State, (await StateAsync(demo.Hsn)).Version));

        // A deactivated Granskare no longer reviews; a Granskare of every nämnd does.
        await using (var connection = await demo.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update app_user set is_active = false where user_name = @Name", new { Name = DemoReports.Reviewer });
        }

        await Assert.ThrowsAsync<InvalidEditException>(() => Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, DemoReports.Decision(), Greta));
        await Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, DemoReports.Decision(), Rolf);
        Assert.Equal(ReportState.Finalised, (await StateAsync(demo.Hsn)).State);
    }

    [Fact]
    public async Task A_returned_report_keeps_the_comments_with_their_goals_and_shows_which_the_namnd_resolved_before_it_submitted_again()
    {
        await SubmitAsync(demo.Hsn, Hanna);
        var goals = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Goals.ToList();
        var version = (await StateAsync(demo.Hsn)).Version;

        var empty = await Assert.ThrowsAsync<InvalidEditException>(() =>
            review.ReturnAsync(demo.Interim, demo.Hsn, version, [new ReviewCommentDraft(goals[0].GoalId, "   ")], Greta));
        Assert.Equal("Comments", Assert.Single(empty.Errors).Field);
        Assert.Contains("minst en kommentar", empty.Message, StringComparison.Ordinal);
        var otherGoal = await OtherGoalAsync();
        var foreign = await Assert.ThrowsAsync<InvalidEditException>(() =>
            review.ReturnAsync(demo.Interim, demo.Hsn, version, [new ReviewCommentDraft(otherGoal, "Fel mål")], Greta));
        Assert.Equal($"Comments[{otherGoal}]", Assert.Single(foreign.Errors).Field);
        Assert.Equal(ReportState.UnderReview, (await StateAsync(demo.Hsn)).State);

        await review.ReturnAsync(demo.Interim, demo.Hsn, version,
            [new ReviewCommentDraft(goals[0].GoalId, "  Motivera bedömningen utifrån väntetiderna.  "), new ReviewCommentDraft(goals[1].GoalId, ""),
             new ReviewCommentDraft(null, "Analysen saknar jämförelse med riket.")], Greta);

        var returned = await StateAsync(demo.Hsn);
        Assert.Equal((ReportState.Open, null), (returned.State, returned.SubmittedBy));
        var comments = await review.GetCommentsAsync(demo.Interim, demo.Hsn);
        Assert.Equal([(goals[0].GoalId, "Motivera bedömningen utifrån väntetiderna."), (null, "Analysen saknar jämförelse med riket.")],
            comments.Select(c => (c.GoalId, c.Text)));
        Assert.All(comments, c => Assert.Equal((DemoReports.Reviewer, false), (c.CreatedBy, c.IsResolved)));

        // A reviewer cannot mark the nämnd's work done; the nämnd marks one comment resolved and submits again.
        await Assert.ThrowsAsync<InvalidEditException>(() => review.SetCommentResolvedAsync(demo.Interim, demo.Hsn, comments[0].Id, true, Greta));
        await review.SetCommentResolvedAsync(demo.Interim, demo.Hsn, comments[0].Id, true, Hanna);
        await Submission.SubmitAsync(demo.Interim, demo.Hsn, returned.Version, Hanna);
        var locked = await Assert.ThrowsAsync<InvalidEditException>(() => review.SetCommentResolvedAsync(demo.Interim, demo.Hsn, comments[1].Id, true, Hanna));
        Assert.Contains("skickad till granskning", locked.Message, StringComparison.Ordinal);

        var kept = await review.GetCommentsAsync(demo.Interim, demo.Hsn);
        Assert.Equal([(true, "hanna"), (false, null)], kept.Select(c => (c.IsResolved, c.ResolvedBy)));

        // Finalising keeps them, and the return and each comment are in the audit log.
        await FinaliseAtAsync(demo.Hsn, Greta, DemoReports.Decision());
        Assert.Equal(2, (await review.GetCommentsAsync(demo.Interim, demo.Hsn)).Count);
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        Assert.Equal([("committee_report", "return"), ("review_comment", "create"), ("review_comment", "create"), ("review_comment", "update")],
            (await connection.QueryAsync<(string, string)>(
                "select entity, action from audit_log where entity = 'review_comment' or action = 'return' order by id")).ToList());
    }

    async Task<int> OtherGoalAsync()
    {
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select id from goal where owner_committee_id <> @Hsn order by id limit 1", new { demo.Hsn });
    }

    [Fact]
    public async Task A_decision_needs_a_body_a_meeting_not_in_the_future_nor_before_the_reports_year_and_a_paragraph_number_each_refused_by_name()
    {
        await SubmitAsync(demo.Hsn, Hanna);
        var version = (await StateAsync(demo.Hsn)).Version;
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
            Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, new ReportDecisionInput("  ", future, "paragraf åtta", new string('x', 101)), Greta));
        Assert.Equal(["Decision.Body", "Decision.ProtocolReference", "Decision.MeetingDate", "Decision.Paragraph"], refused.Errors.Select(e => e.Field));
        Assert.Equal("Ange beslutande organ.", refused.Errors[0].Message);
        Assert.Equal("Protokollreferensen får vara högst 100 tecken (nu 101).", refused.Errors[1].Message);
        Assert.Contains("ligger i framtiden", refused.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("är inte ett paragrafnummer", refused.Errors[3].Message, StringComparison.Ordinal);

        var early = await Assert.ThrowsAsync<InvalidEditException>(() =>
            Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, new ReportDecisionInput("HSN", new DateOnly(2025, 12, 31), null, null), Greta));
        Assert.Equal(["Sammanträdesdatum 2025-12-31 ligger före rapportens år (2026).", "Ange paragraf (§) i protokollet, t.ex. 87."],
            early.Errors.Select(e => e.Message));
        var missingDate = await Assert.ThrowsAsync<InvalidEditException>(() =>
            Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, new ReportDecisionInput("HSN", null, "12", null), Greta));
        Assert.Equal(("Decision.MeetingDate", "Ange sammanträdesdatum."), (missingDate.Errors[0].Field, missingDate.Errors[0].Message));

        Assert.Equal(ReportState.UnderReview, (await StateAsync(demo.Hsn)).State);
        await Submission.FinaliseAsync(demo.Interim, demo.Hsn, version, new ReportDecisionInput(" HSN ", new DateOnly(2026, 2, 1), "§12 b", " "), Greta);
        Assert.Equal(new ReportDecision("HSN", new DateOnly(2026, 2, 1), "12 b", null),
            (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Header.Decision);
    }

    [Fact]
    public async Task The_regions_report_is_finalised_by_a_granskare_of_all_only_once_every_namnds_report_is_and_records_its_decision()
    {
        var committees = (await demo.Queries.GetPeriodAsync(demo.Interim))!.Committees.Select(c => c.CommitteeId).ToList();
        Assert.True(committees.Count > 1);
        var decision = DemoReports.Decision("Regionstyrelsen");

        // HSN finalised, the others not yet: refused, naming them.
        await SubmitAsync(demo.Hsn, Hanna);
        await FinaliseAtAsync(demo.Hsn, Greta, DemoReports.Decision());
        var early = await Assert.ThrowsAsync<InvalidEditException>(() => review.FinaliseRegionAsync(demo.Interim, decision, Rolf));
        Assert.StartsWith("Regionens rapport kan fastställas först när alla nämnders rapporter är fastställda. Inte fastställda än: ", early.Message, StringComparison.Ordinal);
        Assert.Equal(ReportState.Open, (await demo.Queries.GetRegionReportAsync(demo.Interim))!.Header.State);

        foreach (var committee in committees.Where(c => c != demo.Hsn))
        {
            await SubmitAsync(committee, Harald);
            await FinaliseAtAsync(committee, Rolf, DemoReports.Decision("Nämnden"));
        }

        // Every nämnd's report finalised: the region's waits for its own decision.
        var waiting = (await demo.Queries.GetRegionReportAsync(demo.Interim))!.Header;
        Assert.Equal((ReportState.UnderReview, null), (waiting.State, waiting.Decision));

        foreach (var actor in new[] { Greta, Adam, Harald, Hanna })
        {
            var refused = await Assert.ThrowsAsync<InvalidEditException>(() => review.FinaliseRegionAsync(demo.Interim, decision, actor));
            Assert.Equal("Bara en granskare av alla nämnders rapporter kan fastställa regionens rapport.", refused.Message);
        }

        var invalid = await Assert.ThrowsAsync<InvalidEditException>(() =>
            review.FinaliseRegionAsync(demo.Interim, decision with { Paragraph = "" }, Rolf));
        Assert.Equal("Decision.Paragraph", Assert.Single(invalid.Errors).Field);

        await review.FinaliseRegionAsync(demo.Interim, decision, Rolf);
        var region = (await demo.Queries.GetRegionReportAsync(demo.Interim))!.Header;
        Assert.Equal((ReportState.Finalised, DemoReports.RegionReviewer, "Regionstyrelsen 2026-01-20 § 87, protokoll HSN 2026/4"),
            (region.State, region.FinalisedBy, region.Decision?.Text));
        Assert.Equal(region.Decision, (await review.GetRegionDecisionAsync(demo.Interim))!.Decision);

        var again = await Assert.ThrowsAsync<InvalidEditException>(() => review.FinaliseRegionAsync(demo.Interim, decision, Rolf));
        Assert.Equal("Regionens rapport är redan fastställd.", again.Message);
        await using var connection = await demo.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where entity = 'region_report' and action = 'finalise'"));
        await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("update region_report_decision set decision_paragraph = '1' where report_period_id = @Interim", new { demo.Interim }));
    }
}
