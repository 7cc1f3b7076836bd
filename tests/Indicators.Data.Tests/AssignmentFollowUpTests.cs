using System.Text.Json;
using Dapper;
using Indicators.Core.Assignments;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Assignments;
using Indicators.Data.Audit;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// A receiving nämnd follows up its uppdrag in its own open report (issue 20): status required, comment and prognos;
/// only that nämnd's users (and analysts and administrators, who work on every nämnd's report), only while the report is
/// open; audited; optimistic. The follow-up is frozen with the report and the region's report collects every receiver's.
/// On the demo's Delårsrapport 2026, with uppdrag created through the editor (<see cref="TestAssignmentRows"/>).
/// </summary>
public class AssignmentFollowUpTests : IAsyncLifetime
{
    static readonly Actor Hanna = new("hanna", "127.0.0.1");
    static readonly Actor Rune = new("rune", "127.0.0.4");
    static readonly Actor Harald = new(DemoReports.Analyst, "127.0.0.2");
    static readonly Actor Lena = new("lena", "127.0.0.5");
    static readonly Actor Greta = new(DemoReports.Reviewer, "127.0.0.3");

    DemoReports demo = default!;
    AssignmentFollowUpEditor editor = default!;
    int run;
    int riktat;

    NpgsqlDataSource DataSource => demo.DataSource;

    public async Task InitializeAsync()
    {
        demo = await DemoReports.CreateAsync();
        editor = new AssignmentFollowUpEditor(DataSource);
        await TestUsers.CreateAsync(demo.ConnectionString, "rune", "Namnd", "RUN");
        await TestUsers.CreateAsync(demo.ConnectionString, "lena", "Ledning");
        await using var connection = await DataSource.OpenConnectionAsync();
        run = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'RUN'");
        riktat = await TestAssignmentRows.InsertAsync(DataSource, demo.Interim, "T-RF1", "Minska hyrberoendet", ["HSN", "RUN"],
            endDate: new DateOnly(2027, 12, 31));
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    static AssignmentFollowUpInput InProgress(string comment = "Avtal om bemanning är upphandlat.") =>
        new(AssignmentStatus.InProgress, comment, new DateOnly(2027, 6, 30));

    async Task<ReportAssignment> ShownAsync(int committeeId) =>
        Assert.Single((await demo.Queries.GetCommitteeReportAsync(demo.Interim, committeeId))!.Document.Assignments, a => a.AssignmentId == riktat);

    [Fact]
    public async Task A_namnd_follows_up_its_uppdrag_in_its_open_report_and_the_save_is_audited()
    {
        Assert.Null(Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Status);

        var saved = await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress(), Hanna);

        var shown = await ShownAsync(demo.Hsn);
        var own = Assert.Single(shown.FollowUps);
        Assert.Equal((AssignmentStatus.InProgress, "Avtal om bemanning är upphandlat.", new DateOnly(2027, 6, 30), 1),
            (own.Status, own.Comment, own.ExpectedCompletion, own.Version));
        Assert.Equal(("Minska hyrberoendet", ReportAssignments.Fullmaktige, AssignmentStatus.InProgress), (shown.Text, shown.GivenBy, shown.State.Status));
        Assert.Equal(own, Assert.Single(saved.FollowUps));
        await using var connection = await DataSource.OpenConnectionAsync();
        var audit = await connection.QuerySingleAsync<(string UserName, string EntityId, string? Before, string After)>(
            "select user_name, entity_id, before::text, after::text from audit_log where entity = 'assignment_follow_up'");
        Assert.Equal(("hanna", $"{demo.Interim}/{demo.Hsn}/{riktat}", null), (audit.UserName, audit.EntityId, audit.Before));
        Assert.Equal("in_progress", JsonDocument.Parse(audit.After).RootElement.GetProperty("Status").GetString());
        Assert.Equal("2027-06-30", JsonDocument.Parse(audit.After).RootElement.GetProperty("ExpectedCompletion").GetString());
    }

    [Fact]
    public async Task Another_namnds_user_and_ledning_are_refused_while_an_analyst_may_follow_up_on_the_namnds_behalf()
    {
        // Rune belongs to RUN, which also receives the uppdrag: he follows up RUN's part, never HSN's.
        var other = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress(), Rune));
        Assert.Equal("Du har inte behörighet att ändra den här nämndens rapport.", other.Message);
        var ledning = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Interim, run, riktat, 0, InProgress(), Lena));
        Assert.Equal("Du har inte behörighet att ändra den här nämndens rapport.", ledning.Message);
        Assert.Null(Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Status);

        await editor.SaveAsync(demo.Interim, run, riktat, 0, new AssignmentFollowUpInput(AssignmentStatus.NotStarted, "", null), Rune);
        await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress(), Harald);
        Assert.Equal(AssignmentStatus.NotStarted, Assert.Single((await ShownAsync(run)).FollowUps).Status);
        Assert.Equal(AssignmentStatus.InProgress, Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Status);
    }

    [Fact]
    public async Task An_uppdrag_the_namnd_does_not_receive_cannot_be_followed_up_in_its_report()
    {
        var runOnly = await TestAssignmentRows.InsertAsync(DataSource, demo.Interim, "T-RUN", "Ta fram en regional utvecklingsstrategi", ["RUN"]);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Interim, demo.Hsn, runOnly, 0, InProgress(), Hanna));

        Assert.Equal("Uppdraget hör inte (längre) till nämndens rapport. Ladda om sidan.", refused.Message);
        Assert.DoesNotContain((await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Assignments, a => a.AssignmentId == runOnly);
    }

    [Fact]
    public async Task A_status_is_required_and_a_comment_over_8000_characters_is_refused_naming_the_field()
    {
        var noStatus = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, new AssignmentFollowUpInput(null, "Text", null), Hanna));
        Assert.Equal(("Status", "Ange status för uppdraget."), (noStatus.Errors[0].Field, noStatus.Errors[0].Message));

        var tooLong = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress(new string('x', 8001)), Hanna));
        Assert.Equal(("Comment", "Kommentaren får vara högst 8\u00A0000 tecken (nu 8\u00A0001)."), (tooLong.Errors[0].Field, tooLong.Errors[0].Message));

        // 8000 is allowed: the database's own check holds the same limit.
        await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress(new string('x', 8000)), Hanna);
        Assert.Equal(8000, Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Comment.Length);
    }

    [Fact]
    public async Task A_save_from_a_form_loaded_before_someone_elses_save_is_refused_and_keeps_their_follow_up()
    {
        await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress("Gunnars text"), new Actor("gunnar", "127.0.0.6"));

        var conflict = await Assert.ThrowsAsync<EditConflictException>(() =>
            editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, new AssignmentFollowUpInput(AssignmentStatus.Done, "Hannas text", null), Hanna));

        Assert.StartsWith("Inget sparades: gunnar har ändrat uppföljningen av uppdrag T-RF1", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("(status nu: pågår)", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Gunnars text", Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Comment);
        // Knowing their text, the next save (with the version now shown) goes through.
        await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 1, new AssignmentFollowUpInput(AssignmentStatus.Done, "Hannas text", null), Hanna);
        Assert.Equal((AssignmentStatus.Done, 2), (Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Status, Assert.Single((await ShownAsync(demo.Hsn)).FollowUps).Version));
    }

    [Fact]
    public async Task The_follow_up_is_frozen_at_submission_a_submitted_report_refuses_it_and_finalising_keeps_it()
    {
        await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, InProgress(), Hanna);
        await SubmitHsnAsync();

        var closed = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 1, InProgress("Ny text"), Hanna));
        Assert.Equal("Rapporten är skickad till granskning och kan inte ändras. Återöppna den först.", closed.Message);
        // Even a row changed behind the editor's back does not change what was submitted.
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update assignment_follow_up set comment = 'Ändrad i databasen', status = 'done'");
        }

        var submitted = Assert.Single((await ShownAsync(demo.Hsn)).FollowUps);
        Assert.Equal((AssignmentStatus.InProgress, "Avtal om bemanning är upphandlat."), (submitted.Status, submitted.Comment));

        await demo.Editors.Submission.FinaliseAsync(demo.Interim, demo.Hsn,
            (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.State.Version, DemoReports.Decision(), Greta);

        var frozen = await ShownAsync(demo.Hsn);
        Assert.Equal((AssignmentStatus.InProgress, "Avtal om bemanning är upphandlat.", new DateOnly(2027, 6, 30)),
            (frozen.FollowUps[0].Status, frozen.FollowUps[0].Comment, frozen.FollowUps[0].ExpectedCompletion));
        var finalisedRefusal = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 2, InProgress(), Hanna));
        Assert.Equal("Rapporten är fastställd och kan inte ändras.", finalisedRefusal.Message);
        // The region's report takes HSN's part from its frozen report, RUN's as it reads now.
        var region = Assert.Single((await demo.Queries.GetRegionReportAsync(demo.Interim))!.Assignments, a => a.AssignmentId == riktat);
        Assert.Equal([("Hälso- och sjukvårdsnämnden", AssignmentStatus.InProgress), ("Regionala utvecklingsnämnden", null)],
            region.FollowUps.Select(f => (f.CommitteeName, f.Status)));
        Assert.Equal(region.FollowUps, (await new AssignmentReportQueries(DataSource).GetRegionAsync(demo.Interim)).Single(a => a.AssignmentId == riktat).FollowUps);
    }

    [Fact]
    public async Task A_snapshot_frozen_before_the_uppdrag_section_existed_still_reads_with_no_uppdrag()
    {
        await SubmitHsnAsync();
        await demo.Editors.Submission.FinaliseAsync(demo.Interim, demo.Hsn,
            (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.State.Version, DemoReports.Decision(), Greta);
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            // A finalised report cannot change (a trigger): this stands in for one finalised before the section existed.
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("set local session_replication_role = replica", transaction: transaction);
            var removed = await connection.ExecuteAsync(
                "update committee_report set snapshot = snapshot - 'Assignments' where snapshot ? 'Assignments' and committee_id = @Hsn", new { demo.Hsn }, transaction);
            await transaction.CommitAsync();
            Assert.Equal(1, removed);
        }

        var view = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!;

        Assert.Equal(ReportState.Finalised, view.State.State);
        Assert.Empty(view.Document.Assignments);
        Assert.NotEmpty(view.Document.Goals);
    }

    [Fact]
    public async Task The_region_report_collects_fullmaktiges_riktade_uppdrag_with_each_receivers_follow_up_and_the_overall_state()
    {
        // A nämnd's own uppdrag to its förvaltning is in its report, not in the region's.
        await TestAssignmentRows.InsertAsync(DataSource, demo.Interim, "T-HSN1", "Utveckla den nära vården", ["HSN"], givenByCode: "HSN");
        await editor.SaveAsync(demo.Interim, demo.Hsn, riktat, 0, new AssignmentFollowUpInput(AssignmentStatus.Done, "Klart.", null), Hanna);
        await editor.SaveAsync(demo.Interim, run, riktat, 0, new AssignmentFollowUpInput(AssignmentStatus.InProgress, "Pågår.", new DateOnly(2026, 12, 31)), Rune);

        var region = (await demo.Queries.GetRegionReportAsync(demo.Interim))!;

        // The demo's own riktade uppdrag are there too; the test's are told apart by their "T-" codes.
        var shown = Assert.Single(region.Assignments, a => a.Code.StartsWith("T-", StringComparison.Ordinal));
        Assert.Equal("T-RF1", shown.Code);
        Assert.Equal([("Hälso- och sjukvårdsnämnden", AssignmentStatus.Done), ("Regionala utvecklingsnämnden", AssignmentStatus.InProgress)],
            shown.FollowUps.Select(f => (f.CommitteeName, f.Status)));
        Assert.Equal((AssignmentStatus.InProgress, false, 2), (shown.State.Status, shown.State.Overdue, shown.State.Reported));
        Assert.Equal(["T-HSN1", "T-RF1"], (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Assignments.Select(a => a.Code).Where(c => c.StartsWith("T-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_namnd_that_owns_no_goal_but_receives_an_uppdrag_gets_a_report_to_follow_it_up_in()
    {
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("insert into committee (area_id, code, name) values ('0022', 'PN', 'Patientnämnden')");
        }

        Assert.DoesNotContain((await demo.Queries.GetPeriodAsync(demo.Interim))!.Committees, c => c.CommitteeName == "Patientnämnden");
        var id = await TestAssignmentRows.InsertAsync(DataSource, demo.Interim, "T-PN", "Följ upp klagomål", ["PN"]);

        var report = Assert.Single((await demo.Queries.GetPeriodAsync(demo.Interim))!.Committees, c => c.CommitteeName == "Patientnämnden");
        var document = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, report.CommitteeId))!.Document;
        Assert.Empty(document.Goals);
        Assert.Equal(id, Assert.Single(document.Assignments).AssignmentId);
        await editor.SaveAsync(demo.Interim, report.CommitteeId, id, 0, InProgress(), Harald);
    }

    [Fact]
    public async Task An_uppdrag_past_its_end_date_that_is_not_closed_is_overdue_in_the_report()
    {
        var late = await TestAssignmentRows.InsertAsync(DataSource, demo.Interim, "T-LATE", "Införa digitala vårdbesök", ["HSN"], endDate: new DateOnly(2026, 3, 31));

        var shown = Assert.Single((await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Assignments, a => a.AssignmentId == late);
        Assert.True(shown.State.Overdue);

        await editor.SaveAsync(demo.Interim, demo.Hsn, late, 0, new AssignmentFollowUpInput(AssignmentStatus.Done, "", null), Hanna);
        Assert.False(Assert.Single((await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document.Assignments, a => a.AssignmentId == late).State.Overdue);
    }

    async Task SubmitHsnAsync()
    {
        var view = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!;
        foreach (var goal in view.Document.Goals)
        {
            Assert.True((await demo.Editors.Assessments.SaveAsync(demo.Interim, demo.Hsn, goal.GoalId, goal.Texts,
                goal.Texts with { Assessed = goal.Suggested }, goal.Suggested, Hanna)).Saved);
        }

        await demo.Editors.Submission.SubmitAsync(demo.Interim, demo.Hsn, (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.State.Version, Hanna);
    }
}
