using System.Text.Json;
using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Observations;
using Indicators.Core.Organisations;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Observations;
using Indicators.Data.Plans;
using Indicators.Data.Reports;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// A nämnd's delårsrapport and årsrapport on the demo plan: assessments saved with field-by-field merging, the motivation
/// rule, the open → under review → finalised path, a frozen snapshot that later ingestion never changes, the revision
/// notice, the delår forecast in the årsrapport and the region's report.
/// </summary>
public class ReportEditorTests : IAsyncLifetime
{
    // Hanna is a Nämnd user of HSN, Harald an analyst (DemoReports makes their accounts).
    /// <summary>The demo's Region Västernorrland, whose reports these are (Region Västerbotten has periods of its own).</summary>
    static readonly OrganisationScope Västernorrland = OrganisationScope.Only(["0022"]);
    static readonly Actor Hanna = new("hanna", "127.0.0.1");
    static readonly Actor Harald = new("harald", "127.0.0.2");

    // Greta reviews (and finalises) HSN's reports.
    static readonly Actor Greta = new(DemoReports.Reviewer, "127.0.0.3");

    NpgsqlDataSource dataSource = default!;
    string connectionString = "";
    ReportQueries queries = default!;
    ReportEditors editors = default!;
    int hsn;
    int interim;
    int annual;

    public async Task InitializeAsync()
    {
        var demo = await DemoReports.CreateAsync();
        (dataSource, connectionString, queries, editors, hsn, interim, annual) = (demo.DataSource, demo.ConnectionString, demo.Queries, demo.Editors, demo.Hsn, demo.Interim, demo.Annual);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    async Task<ReportDocument> ReportAsync(int periodId) => (await queries.GetCommitteeReportAsync(periodId, hsn))!.Document;

    [Fact]
    public async Task The_demo_plan_has_an_arsrapport_2025_and_a_delarsrapport_2026_with_an_open_report_for_every_namnd_owning_goals()
    {
        var periods = await queries.ListPeriodsAsync(organisations: Västernorrland);

        Assert.Equal(["Delårsrapport 2026 (jan–aug)", "Årsrapport 2025"], periods.Select(p => p.Title));
        await using var connection = await dataSource.OpenConnectionAsync();
        var owners = (await connection.QueryAsync<string>("""
            select distinct c.name from goal g join committee c on c.id = g.owner_committee_id where c.area_id = '0022' order by c.name
            """)).ToList();
        foreach (var period in periods)
        {
            Assert.Equal(owners, period.Committees.Select(c => c.CommitteeName).Order(StringComparer.Ordinal));
            Assert.All(period.Committees, c => Assert.Equal(ReportState.Open, c.State));
            Assert.Equal(ReportState.Open, period.State);
        }

        var onlyHsn = await queries.ListPeriodsAsync(hsn);
        Assert.Equal(2, onlyHsn.Count);
    }

    [Fact]
    public async Task A_namnds_report_holds_its_own_goals_judged_as_the_dashboard_judges_them_with_a_year_end_forecast_in_the_delarsrapport()
    {
        var report = await ReportAsync(interim);
        var overview = (await new PlanQueries(dataSource).GetOverviewAsync(report.Header.PlanId, Core.FollowUp.FollowUpPeriod.Interim(2026)))!;
        var hsnGoals = overview.GoalAreas.SelectMany(a => a.Goals).Where(g => g.OwnerCommitteeId == hsn).ToList();

        Assert.Equal("Hälso- och sjukvårdsnämnden", report.Header.CommitteeName);
        Assert.Equal(hsnGoals.Select(g => g.Code), report.Goals.Select(g => g.Code));
        foreach (var goal in report.Goals)
        {
            var planGoal = hsnGoals.Single(g => g.Id == goal.GoalId);
            Assert.Equal(planGoal.Indicators.Select(i => i.Id), goal.Indicators.Select(i => i.IndicatorId));
            foreach (var indicator in goal.Indicators)
            {
                var standing = planGoal.Indicators.Single(i => i.Id == indicator.IndicatorId).StandingIn(overview.Period, overview.StartYear, overview.EndYear);
                Assert.Equal(standing.Status.Status, indicator.Status);
                Assert.Equal(standing.Outcome?.UsableValue, indicator.Outcome);
                Assert.NotNull(indicator.Forecast);
                Assert.Null(indicator.InterimForecast);
            }
        }

        // The demo's monthly and jan–aug outcomes give forecasts, each naming its method.
        Assert.Contains(report.Goals.SelectMany(g => g.Indicators), i => i.Forecast is { Value: not null, Method: not null });
    }

    [Fact]
    public async Task An_own_assessment_that_differs_from_the_suggestion_needs_a_motivation_and_a_save_is_audited_with_before_and_after()
    {
        var goal = (await ReportAsync(interim)).Goals.First();
        var differing = Enum.GetValues<GoalAssessment>().First(a => a != goal.Suggested);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts, goal.Texts with { Assessed = differing }, goal.Suggested, Hanna));
        Assert.Equal("Motivation", Assert.Single(refused.Errors).Field);
        Assert.Contains($"skiljer sig från förslaget ({goal.Suggested.SwedishName()})", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(GoalTexts.Empty, (await ReportAsync(interim)).Goals.First().Texts with { Version = 0 });

        var result = await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts,
            goal.Texts with { Assessed = differing, Motivation = "  Väntetiderna har ökat under sommaren.  ", Analysis = "Analys", Actions = "Åtgärd" }, goal.Suggested, Hanna);

        Assert.True(result.Saved);
        var saved = (await ReportAsync(interim)).Goals.First().Texts;
        Assert.Equal((differing, "Väntetiderna har ökat under sommaren.", "Analys", "Åtgärd", 1, "hanna"),
            (saved.Assessed!.Value, saved.Motivation, saved.Analysis, saved.Actions, saved.Version, saved.UpdatedBy));
        await using var connection = await dataSource.OpenConnectionAsync();
        var audit = await connection.QuerySingleAsync<(string UserName, string? Before, string After)>(
            "select user_name, before::text, after::text from audit_log where entity = 'goal_assessment'");
        Assert.Equal("hanna", audit.UserName);
        Assert.Null(audit.Before);
        Assert.Equal("Väntetiderna har ökat under sommaren.", JsonDocument.Parse(audit.After).RootElement.GetProperty("Motivation").GetString());
    }

    [Fact]
    public async Task Two_people_editing_different_fields_of_a_goal_both_keep_their_text_and_the_same_field_is_a_conflict_that_saves_nothing()
    {
        var goal = (await ReportAsync(interim)).Goals.First();
        var loaded = goal.Texts;

        // Hanna writes the analysis, Harald (who loaded the same goal) the actions: both are kept.
        Assert.True((await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, loaded, loaded with { Analysis = "Hannas analys" }, goal.Suggested, Hanna)).Saved);
        Assert.True((await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, loaded, loaded with { Actions = "Haralds åtgärder" }, goal.Suggested, Harald)).Saved);
        var both = (await ReportAsync(interim)).Goals.First().Texts;
        Assert.Equal(("Hannas analys", "Haralds åtgärder", 2), (both.Analysis, both.Actions, both.Version));

        // Harald, still on his old page, rewrites the analysis: Hanna's newer text stands in the way, nothing is saved.
        var conflict = await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, loaded, loaded with { Analysis = "Haralds analys" }, goal.Suggested, Harald);
        Assert.False(conflict.Saved);
        var clash = Assert.Single(conflict.Conflicts);
        Assert.Equal(("Analysis", "Analys", "Hannas analys", "harald"), (clash.Field, clash.FieldName, clash.Theirs, clash.By));
        Assert.Equal("Hannas analys", (await ReportAsync(interim)).Goals.First().Texts.Analysis);

        // Having seen her text, he saves again from what is stored now: that goes through.
        var again = await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, conflict.Current, conflict.Current with { Analysis = "Hannas analys. Haralds tillägg." }, goal.Suggested, Harald);
        Assert.True(again.Saved);
        Assert.Equal("Hannas analys. Haralds tillägg.", (await ReportAsync(interim)).Goals.First().Texts.Analysis);
    }

    [Fact]
    public async Task A_comment_on_an_indicator_is_saved_and_a_stale_edit_of_it_is_a_conflict()
    {
        var indicator = (await ReportAsync(interim)).Goals.First().Indicators[0];

        Assert.True((await editors.Comments.SaveAsync(interim, hsn, indicator.IndicatorId, "", "Sommarens bemanning", Hanna)).Saved);
        var stale = await editors.Comments.SaveAsync(interim, hsn, indicator.IndicatorId, "", "Något annat", Harald);

        Assert.Equal("Sommarens bemanning", Assert.Single(stale.Conflicts).Theirs);
        Assert.Equal("Sommarens bemanning", (await ReportAsync(interim)).Goals.First().Indicators[0].Comment.Text);
    }

    async Task AssessAllAsync(int periodId, Func<ReportGoal, GoalAssessment>? choose = null)
    {
        foreach (var goal in (await ReportAsync(periodId)).Goals)
        {
            var assessed = choose?.Invoke(goal) ?? goal.Suggested;
            var result = await editors.Assessments.SaveAsync(periodId, hsn, goal.GoalId, goal.Texts,
                goal.Texts with { Assessed = assessed, Motivation = assessed == goal.Suggested ? "" : "Vår bedömning", Analysis = $"Analys av {goal.Code}" }, goal.Suggested, Hanna);
            Assert.True(result.Saved);
        }
    }

    async Task<CommitteeReportState> StateAsync(int periodId) => (await queries.GetCommitteeReportAsync(periodId, hsn))!.State;

    [Fact]
    public async Task A_report_is_submitted_only_when_every_goal_is_assessed_and_is_read_only_under_review_until_reopened()
    {
        var goals = (await ReportAsync(interim)).Goals.ToList();
        var incomplete = await Assert.ThrowsAsync<InvalidEditException>(async () => await editors.Submission.SubmitAsync(interim, hsn, (await StateAsync(interim)).Version, Hanna));
        Assert.Equal(goals.Select(g => $"Mål {g.Code} saknar nämndens bedömning."), incomplete.Errors.Select(e => e.Message));

        await AssessAllAsync(interim);
        await editors.Submission.SubmitAsync(interim, hsn, (await StateAsync(interim)).Version, Hanna);
        var submitted = await StateAsync(interim);
        Assert.Equal((ReportState.UnderReview, "hanna"), (submitted.State, submitted.SubmittedBy));

        var goal = (await ReportAsync(interim)).Goals.First();
        var locked = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts, goal.Texts with { Analysis = "Sent" }, goal.Suggested, Harald));
        Assert.Contains("skickad till granskning", locked.Message, StringComparison.Ordinal);

        // A state change from a page opened before the submit is refused: the version moved on.
        await Assert.ThrowsAsync<EditConflictException>(() => editors.Submission.ReopenAsync(interim, hsn, submitted.Version - 1, Harald));
        await editors.Submission.ReopenAsync(interim, hsn, submitted.Version, Harald);
        Assert.Equal(ReportState.Open, (await StateAsync(interim)).State);
        Assert.True((await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts, goal.Texts with { Analysis = "Sent" }, goal.Suggested, Harald)).Saved);
    }

    [Fact]
    public async Task People_are_named_by_their_display_name_and_a_user_name_without_an_account_by_itself()
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            // The user name's case need not match the actor's.
            await connection.ExecuteAsync("""
                update app_user set display_name = 'Hanna Sjödin' where user_name = 'hanna';
                update app_user set user_name = 'GRETA', display_name = 'Greta Ek' where user_name = 'greta';
                """);
        }

        var goal = (await ReportAsync(interim)).Goals.First();
        var saved = await editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts, goal.Texts with { Analysis = "Analys" }, goal.Suggested, Hanna);
        Assert.Equal("Hanna Sjödin", saved.Current.UpdatedBy);
        Assert.Equal("Hanna Sjödin", (await ReportAsync(interim)).Goals.First().Texts.UpdatedBy);

        // Gunnar's account is removed after his comment: his user name stands for him.
        await editors.Comments.SaveAsync(interim, hsn, goal.Indicators[0].IndicatorId, "", "Preliminärt", new Actor("gunnar", null));
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("delete from app_user where user_name = 'gunnar'");
        }

        Assert.Equal("gunnar", (await ReportAsync(interim)).Goals.First().Indicators[0].Comment.UpdatedBy);

        await FinaliseAsync(interim);
        var decided = (await queries.GetCommitteeReportAsync(interim, hsn))!;
        Assert.Equal(("Hanna Sjödin", "Greta Ek"), (decided.State.SubmittedBy, decided.State.FinalisedBy));
        Assert.Equal("Greta Ek", decided.Document.Header.FinalisedBy);

        // The stored actor stays the user name, which identifies the account.
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            Assert.Equal(("hanna", "greta"), await connection.QuerySingleAsync<(string, string)>(
                "select submitted_by, finalised_by from committee_report where report_period_id = @Interim and committee_id = @Hsn", new { Interim = interim, Hsn = hsn }));
        }
    }

    [Fact]
    public async Task A_period_is_deleted_with_its_assessments_and_audited_but_not_while_a_namnd_has_finalised_its_report()
    {
        await AssessAllAsync(interim);
        var goals = (await ReportAsync(interim)).Goals.ToList();
        await editors.Comments.SaveAsync(interim, hsn, goals[0].Indicators[0].IndicatorId, "", "Preliminärt", Hanna);
        await FinaliseAsync(annual);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Periods.DeleteAsync(annual, Harald));
        Assert.Equal("Årsrapport 2025 kan inte tas bort: Hälso- och sjukvårdsnämnden har fastställt sin rapport, och en fastställd rapport sparas alltid.", refused.Message);
        Assert.NotNull(await queries.GetPeriodAsync(annual));

        await editors.Periods.DeleteAsync(interim, Harald);

        Assert.Null(await queries.GetPeriodAsync(interim));
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal((0, 0, 0), await connection.QuerySingleAsync<(int, int, int)>("""
            select (select count(*)::int from committee_report where report_period_id = @Interim),
                   (select count(*)::int from goal_assessment where report_period_id = @Interim),
                   (select count(*)::int from indicator_comment where report_period_id = @Interim)
            """, new { Interim = interim }));
        var audit = await connection.QuerySingleAsync<(string UserName, string Before)>(
            "select user_name, before::text from audit_log where action = 'delete' and entity = 'report_period' and entity_id = @Id", new { Id = interim.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("harald", audit.UserName);
        using var before = JsonDocument.Parse(audit.Before);
        var hsnReport = before.RootElement.GetProperty("Reports").EnumerateArray().Single(r => r.GetProperty("CommitteeName").GetString() == "Hälso- och sjukvårdsnämnden");
        Assert.Equal((goals.Count, 1), (hsnReport.GetProperty("Assessments").GetInt32(), hsnReport.GetProperty("Comments").GetInt32()));

        var gone = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Periods.DeleteAsync(interim, Harald));
        Assert.Equal("Rapportperioden finns inte längre. Ladda om sidan.", gone.Message);
    }

    async Task<long> IngestAsync(string indicatorCode, string period, Gender gender, decimal value)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var indicatorId = await connection.ExecuteScalarAsync<int>("select id from indicator where code = @Code", new { Code = indicatorCode }, transaction);
        var runId = await connection.ExecuteScalarAsync<long>("insert into ingestion_run (trigger, status) values ('manual', 'running') returning id", transaction: transaction);
        await ObservationWriter.MergeAsync(connection, transaction, runId, [new IncomingObservation(indicatorId, period, "0022", gender, value, ObservationStatus.Ok)], isDemo: false, CancellationToken.None);
        await connection.ExecuteAsync("update ingestion_run set status = 'succeeded', finished_at = now() where id = @RunId", new { RunId = runId }, transaction);
        await transaction.CommitAsync();
        return runId;
    }

    async Task FinaliseAsync(int periodId)
    {
        await AssessAllAsync(periodId);
        await editors.Submission.SubmitAsync(periodId, hsn, (await StateAsync(periodId)).Version, Hanna);
        await editors.Submission.FinaliseAsync(periodId, hsn, (await StateAsync(periodId)).Version, DemoReports.Decision(), Greta);
    }

    [Fact]
    public async Task A_finalised_report_keeps_what_the_namnd_saw_when_revised_data_arrives_and_says_what_changed_and_by_how_much()
    {
        await FinaliseAsync(interim);
        var decided = await queries.GetCommitteeReportAsync(interim, hsn);
        Assert.Equal((ReportState.Finalised, DemoReports.Reviewer), (decided!.State.State, decided.State.FinalisedBy));
        Assert.Equal(ReportState.Finalised, decided.Document.Header.State);
        Assert.False(decided.Revision!.HasChanges);

        // A source delivers a revised value for an indicator the report shows.
        var shown = decided.Document.Goals.SelectMany(g => g.Indicators).First(i => i.Outcome is not null);
        var code = shown.Code;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var periodCode = await connection.ExecuteScalarAsync<string>("""
                select o.period from observation o join indicator i on i.id = o.indicator_id
                where i.code = @Code and o.gender = 'T' and o.area_id = '0022' and o.value = @Value
                order by o.period desc limit 1
                """, new { Code = code, shown.Outcome });
            await IngestAsync(code, periodCode!, Gender.T, shown.Outcome!.Value + 5);
        }

        var after = await queries.GetCommitteeReportAsync(interim, hsn);
        Assert.Equal(JsonSerializer.Serialize(decided.Document), JsonSerializer.Serialize(after!.Document));
        // The outcome moved, and with it any forecast made from it; nothing else.
        var change = Assert.Single(after.Revision!.Changes, c => c.What == "Utfall");
        Assert.Equal((shown.Outcome, shown.Outcome + 5, 5m), (change.Before, change.Now, change.Change));
        Assert.All(after.Revision.Changes, c => Assert.Equal(shown.IndicatorId, c.IndicatorId));
        Assert.StartsWith($"Uppgifterna har reviderats sedan rapportens siffror lästes: {after.Revision.ValueChanges} av ", after.Revision.Summary, StringComparison.Ordinal);

        // The report page hands the view to its interactive render as JSON (Blazor's persisted state, web defaults):
        // it must come back whole, revision included.
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize(after, web);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<CommitteeReportView>(json, web), web));

        // Nothing gets past the database either: a finalised report cannot be updated.
        await using var direct = await dataSource.OpenConnectionAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => direct.ExecuteAsync(
            "update committee_report set snapshot = '{}' where report_period_id = @Id and committee_id = @Hsn", new { Id = interim, Hsn = hsn }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        var goal = after.Document.Goals.First();
        await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts, goal.Texts with { Analysis = "Efteråt" }, goal.Suggested, Hanna));
    }

    [Fact]
    public async Task The_arsrapport_shows_the_forecast_of_the_finalised_delarsrapport_of_its_year_beside_the_outcome()
    {
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var version = await connection.ExecuteScalarAsync<int>("select plan_version_id from report_period where id = @Id", new { Id = annual });
            var interim2025 = await editors.Periods.CreateAsync(version, 2025, ReportKind.Interim, Harald);
            await FinaliseAsync(interim2025);
            var frozen = (await queries.GetCommitteeReportAsync(interim2025, hsn))!.Document;
            var frozenForecasts = frozen.Goals.SelectMany(g => g.Indicators).ToDictionary(i => i.IndicatorId, i => i.Forecast!.Value);
            var frozenAssessments = frozen.Goals.ToDictionary(g => g.GoalId, g => g.Texts.Assessed);

            var report = await ReportAsync(annual);
            var compared = report.Goals.SelectMany(g => g.Indicators).ToList();
            Assert.All(compared, i => Assert.Equal(frozenForecasts[i.IndicatorId], i.InterimForecast!.Value));
            Assert.All(compared, i => Assert.True(i.InterimForecast!.FromFinalisedReport));
            Assert.All(report.Goals, g => Assert.Equal((frozenAssessments[g.GoalId], true, true),
                (g.InterimAssessment!.Assessment, g.InterimAssessment.IsOwnAssessment, g.InterimAssessment.FromFinalisedReport)));
        }
    }

    [Fact]
    public async Task Without_a_finalised_delarsrapport_the_arsrapport_compares_with_the_forecast_computed_from_data_up_to_august()
    {
        var report = await ReportAsync(annual);

        var compared = report.Goals.SelectMany(g => g.Indicators).Where(i => i.InterimForecast is not null).ToList();
        Assert.NotEmpty(compared);
        Assert.All(compared, i => Assert.False(i.InterimForecast!.FromFinalisedReport));
    }

    [Fact]
    public async Task The_regions_report_takes_a_finalised_namnds_goals_from_its_snapshot_and_the_other_goals_as_they_read_now()
    {
        await FinaliseAsync(interim);
        var frozen = await ReportAsync(interim);
        var shown = frozen.Goals.SelectMany(g => g.Indicators).First(i => i.Outcome is not null);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                update observation set value = value + 1
                where indicator_id = @Id and gender = 'T' and area_id = '0022'
                """, new { Id = shown.IndicatorId });
        }

        var region = (await queries.GetRegionReportAsync(interim))!;

        Assert.Null(region.Header.CommitteeId);
        await using var db = await dataSource.OpenConnectionAsync();
        Assert.Equal(await db.ExecuteScalarAsync<int>("select count(*)::int from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = (select plan_version_id from report_period where id = @Id)", new { Id = interim }),
            region.Goals.Count());
        var hsnGoal = region.Goals.First(g => g.GoalId == frozen.Goals.First().GoalId);
        Assert.Equal(JsonSerializer.Serialize(frozen.Goals.First()), JsonSerializer.Serialize(hsnGoal));
        Assert.Equal(ReportState.Open, region.Header.State);
    }

    [Fact]
    public async Task A_plan_version_with_a_finalised_report_cannot_be_deleted()
    {
        await FinaliseAsync(interim);
        await using var connection = await dataSource.OpenConnectionAsync();
        var version = await connection.ExecuteScalarAsync<int>("select plan_version_id from report_period where id = @Id", new { Id = interim });
        await connection.ExecuteAsync("""
            insert into plan_version (plan_id, name, kind) select plan_id, 'Utkast', 'draft' from plan_version where id = @Version
            """, new { Version = version });

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => new PlanEditor(dataSource).DeleteVersionAsync(version, Hanna));

        Assert.Equal("Versionen ”Fastställd plan” kan inte tas bort: nämnder har fastställt delårsrapport 2026 (jan–aug) för den.", refused.Message);
    }

    [Fact]
    public async Task A_period_outside_the_plan_or_one_that_exists_is_refused_in_swedish()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var version = await connection.ExecuteScalarAsync<int>("select plan_version_id from report_period where id = @Id", new { Id = annual });

        var outside = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Periods.CreateAsync(version, 2031, ReportKind.Annual, Harald));
        Assert.Equal("Året 2031 ligger utanför planperioden 2025–2027.", Assert.Single(outside.Errors).Message);
        var twice = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Periods.CreateAsync(version, 2025, ReportKind.Annual, Harald));
        Assert.Equal("Årsrapport 2025 finns redan för Regionplan 2025–2027 (Fastställd plan).", Assert.Single(twice.Errors).Message);

        var created = await editors.Periods.CreateAsync(version, 2026, ReportKind.Annual, Harald);
        var period = (await queries.GetPeriodAsync(created))!;
        Assert.Equal("Årsrapport 2026", period.Title);
        Assert.Contains(period.Committees, c => c.CommitteeId == hsn);
    }

    [Fact]
    public async Task A_namnd_user_cannot_change_the_report_of_another_organisations_namnd_that_has_the_same_code()
    {
        // The Västernorrland HSN user exists before Västerbotten gets its own HSN.
        await TestUsers.CreateAsync(connectionString, "hsn.vnl", "Namnd", "HSN");
        await TestUsers.CreateAsync(connectionString, "alva.analytiker", "Analytiker");
        var other = await SecondOrganisation.CreateAsync(connectionString);
        var vnl = new Actor("hsn.vnl", "127.0.0.1");
        var analyst = new Actor("alva.analytiker", "127.0.0.1");
        var goal = (await queries.GetCommitteeReportAsync(other.PeriodId, other.CommitteeId))!.Document.Goals.Single();
        var assessed = goal.Texts with { Assessed = goal.Suggested, Analysis = "Inte vår nämnd" };

        var save = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Assessments.SaveAsync(other.PeriodId, other.CommitteeId, goal.GoalId, goal.Texts, assessed, goal.Suggested, vnl));
        Assert.Contains("inte behörighet", save.Message, StringComparison.Ordinal);

        // An analyst may work on any nämnd's report: assessed and submitted, it waits to be finalised.
        Assert.True((await editors.Assessments.SaveAsync(other.PeriodId, other.CommitteeId, goal.GoalId, goal.Texts, assessed, goal.Suggested, analyst)).Saved);
        await editors.Submission.SubmitAsync(other.PeriodId, other.CommitteeId, (await queries.GetCommitteeReportAsync(other.PeriodId, other.CommitteeId))!.State.Version, analyst);
        var underReview = (await queries.GetCommitteeReportAsync(other.PeriodId, other.CommitteeId))!.State;

        var finalise = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Submission.FinaliseAsync(other.PeriodId, other.CommitteeId, underReview.Version, DemoReports.Decision(), vnl));
        var reopen = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Submission.ReopenAsync(other.PeriodId, other.CommitteeId, underReview.Version, vnl));
        Assert.Contains("Bara en granskare", finalise.Message, StringComparison.Ordinal);
        Assert.Contains("inte behörighet", reopen.Message, StringComparison.Ordinal);
        Assert.Equal((ReportState.UnderReview, underReview.Version), ((await queries.GetCommitteeReportAsync(other.PeriodId, other.CommitteeId))!.State.State, underReview.Version));

        // Its own nämnd's report it may change.
        var own = (await ReportAsync(interim)).Goals.First();
        Assert.True((await editors.Assessments.SaveAsync(interim, hsn, own.GoalId, own.Texts, own.Texts with { Analysis = "Vår nämnd" }, own.Suggested, vnl)).Saved);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from goal_assessment where updated_by = 'hsn.vnl' and committee_id = @Id", new { Id = other.CommitteeId }));
    }

    [Fact]
    public async Task A_namnd_user_cannot_comment_in_the_report_of_another_organisations_namnd_with_the_same_code()
    {
        var other = await SecondOrganisation.CreateAsync(connectionString);
        // A Västerbotten HSN user, by committee id: the demo's HSN in Västernorrland is not theirs.
        await TestUsers.CreateAsync(connectionString, "hsn.vbn", "Analytiker");
        await TestPostgres.ExecuteAsync(connectionString, $"update user_role set role = 'Namnd', committee_id = {other.CommitteeId} where user_id = (select id from app_user where user_name = 'hsn.vbn')");
        var indicator = (await ReportAsync(interim)).Goals.SelectMany(g => g.Indicators).First();

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Comments.SaveAsync(interim, hsn, indicator.IndicatorId, "", "Inte vår nämnd", new Actor("hsn.vbn", null)));

        Assert.Contains("inte behörighet", refused.Message, StringComparison.Ordinal);
        Assert.Equal("", (await ReportAsync(interim)).Goals.SelectMany(g => g.Indicators).First().Comment.Text);
    }

    [Fact]
    public async Task Only_analysts_and_administrators_create_and_delete_report_periods_whatever_a_page_offers()
    {
        await TestUsers.CreateAsync(connectionString, "hsn.vnl", "Namnd", "HSN");
        await TestUsers.CreateAsync(connectionString, "lena.ledning", "Ledning");
        var version = (await queries.GetPeriodAsync(interim))!.PlanVersionId;

        foreach (var actor in new[] { new Actor("hsn.vnl", null), new Actor("lena.ledning", null), new Actor("ingen.alls", null) })
        {
            var create = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Periods.CreateAsync(version, 2027, ReportKind.Interim, actor));
            var delete = await Assert.ThrowsAsync<InvalidEditException>(() => editors.Periods.DeleteAsync(interim, actor));
            Assert.Contains("inte behörighet", create.Message, StringComparison.Ordinal);
            Assert.Contains("inte behörighet", delete.Message, StringComparison.Ordinal);
        }

        Assert.Equal(2, (await queries.ListPeriodsAsync(organisations: Västernorrland)).Count);
    }

    [Fact]
    public async Task A_deactivated_account_can_no_longer_write_to_its_namnds_report()
    {
        await TestUsers.CreateAsync(connectionString, "hsn.vnl", "Namnd", "HSN");
        await TestPostgres.ExecuteAsync(connectionString, "update app_user set is_active = false where user_name = 'hsn.vnl'");
        var goal = (await ReportAsync(interim)).Goals.First();

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
            editors.Assessments.SaveAsync(interim, hsn, goal.GoalId, goal.Texts, goal.Texts with { Analysis = "Efter inaktivering" }, goal.Suggested, new Actor("hsn.vnl", null)));

        Assert.Contains("inte behörighet", refused.Message, StringComparison.Ordinal);
        Assert.Equal("", (await ReportAsync(interim)).Goals.First().Texts.Analysis);
    }
}
