using System.Text.Json;
using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.ActionPlans;
using Indicators.Data.Audit;
using Indicators.Data.Reports;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// The nämnd follows up its åtgärdsplan in its report (issue 20, items 3–4): realised and forecast per åtgärd in the
/// open Delårsrapport 2026 of the demo's Hälso- och sjukvårdsnämnden, on seed 003's plan (2026: SUMMA 235 against the
/// required 250). Only the plan's nämnd (and analysts, as for every text of a report) writes, only while the report is
/// open; what was submitted is what the report keeps.
/// </summary>
public class ActionPlanFollowUpTests : IAsyncLifetime
{
    static readonly Actor Hanna = new("hanna", "127.0.0.1");
    static readonly Actor Gunnar = new("gunnar", "127.0.0.1");
    static readonly Actor Greta = new(DemoReports.Reviewer, "127.0.0.3");

    DemoReports demo = default!;
    ActionMeasureFollowUpEditor editor = default!;
    int planId;
    IReadOnlyDictionary<string, int> measures = default!;

    NpgsqlDataSource DataSource => demo.DataSource;

    public async Task InitializeAsync()
    {
        demo = await DemoReports.CreateAsync();
        editor = new ActionMeasureFollowUpEditor(demo.DataSource);
        (planId, measures) = await SqlActionPlans.CreateSeed003Async(demo.DataSource, demo.Interim, demo.Hsn);
    }

    public async Task DisposeAsync() => await demo.DisposeAsync();

    async Task<CommitteeReportView> ViewAsync() => (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!;

    async Task<ReportActionPlan> PlanAsync() => (await ViewAsync()).Document.ActionPlans.Single(p => p.ActionPlanId == planId);

    int Hyr => measures["Hyroberonde vård"];

    int Bemanning => measures["Effektivare bemanningsplanering"];

    Task<ReportActionMeasure> SaveAsync(int measure, string? realised, string? forecast, string comment = "", Actor? actor = null, int version = 0) =>
        editor.SaveAsync(demo.Interim, measure, version, new ActionMeasureFollowUpInput(realised, forecast, comment), actor ?? Hanna);

    async Task SubmitAsync()
    {
        foreach (var goal in (await ViewAsync()).Document.Goals)
        {
            Assert.True((await demo.Editors.Assessments.SaveAsync(demo.Interim, demo.Hsn, goal.GoalId, goal.Texts,
                goal.Texts with { Assessed = goal.Suggested }, goal.Suggested, Hanna)).Saved);
        }

        await demo.Editors.Submission.SubmitAsync(demo.Interim, demo.Hsn, (await ViewAsync()).State.Version, Hanna);
    }

    [Fact]
    public async Task The_delarsrapport_shows_the_years_plan_the_namnds_realised_and_forecast_the_deviation_and_the_status_and_the_save_is_audited()
    {
        var before = await PlanAsync();
        Assert.Equal((2026, 235m, 250m, -15m), (before.Year, before.Planned, before.Required, before.Deviation));
        Assert.Equal(AttainmentStatus.NotAssessable, before.Status);
        Assert.Null(before.Measures.Single(m => m.Name == "Effektivare administration").Planned);
        Assert.Equal(["2024", "2025", "2026", "2027", "efter 2027"], before.PathToBalance.Select(s => s.Label));
        Assert.Equal([-600m, -570m, -345m, -95m, 0m], before.PathToBalance.Select(s => s.Result));

        var saved = await SaveAsync(Hyr, "31,5", " 1 200 ", "  Färre hyrläkare sedan maj.  ");
        await SaveAsync(Bemanning, "−4", "-10", actor: Gunnar);

        Assert.Equal((31.5m, 1200m, "Färre hyrläkare sedan maj.", 1, "hanna"), (saved.Realised, saved.Forecast, saved.Comment, saved.Version, saved.UpdatedBy));
        var plan = await PlanAsync();
        Assert.Equal((27.5m, 1190m, 940m), (plan.Realised!.Value, plan.Forecast!.Value, plan.ForecastDeviation!.Value));
        Assert.Equal(AttainmentStatus.Achieved, plan.Status);
        Assert.Equal("Uppnått: prognosen 1\u00A0190\u00A0mnkr når kravet 250\u00A0mnkr för 2026.", plan.StatusExplanation);

        await SaveAsync(Hyr, "31,5", "100", "Färre hyrläkare sedan maj.", version: 1);
        plan = await PlanAsync();
        Assert.Equal((AttainmentStatus.NotAchieved, 90m), (plan.Status, plan.Forecast!.Value));
        Assert.Equal("Ej uppnått: prognosen 90\u00A0mnkr är 160\u00A0mnkr under kravet 250\u00A0mnkr för 2026.", plan.StatusExplanation);

        await using var connection = await DataSource.OpenConnectionAsync();
        var audit = (await connection.QueryAsync<(string UserName, string Id, string? Before, string After)>(
            "select user_name, entity_id, before::text, after::text from audit_log where entity = 'action_measure_follow_up' order by id")).ToList();
        Assert.Equal(["hanna", "gunnar", "hanna"], audit.Select(a => a.UserName));
        Assert.Equal($"{demo.Interim}/{Hyr}", audit[0].Id);
        Assert.Null(audit[0].Before);
        Assert.Equal(1200m, JsonDocument.Parse(audit[2].Before!).RootElement.GetProperty("Forecast").GetDecimal());
        Assert.Equal(100m, JsonDocument.Parse(audit[2].After).RootElement.GetProperty("Forecast").GetDecimal());
        Assert.Equal("Hyroberonde vård", JsonDocument.Parse(audit[2].After).RootElement.GetProperty("Measure").GetString());
    }

    [Fact]
    public async Task Another_namnds_user_and_a_reader_are_refused_in_the_store_and_nothing_is_written()
    {
        int run;
        await using (var lookup = await DataSource.OpenConnectionAsync())
        {
            run = await lookup.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'RUN'");
        }

        await TestUsers.CreateAsync(demo.ConnectionString, "rut", "Namnd", run);
        await TestUsers.CreateAsync(demo.ConnectionString, "lena.ledning", "Ledning");

        foreach (var actor in new[] { new Actor("rut", null), new Actor("lena.ledning", null), new Actor("ingen.alls", null) })
        {
            var refused = await Assert.ThrowsAsync<InvalidEditException>(() => SaveAsync(Hyr, "10", "20", actor: actor));
            Assert.Equal("Du har inte behörighet att ändra den här nämndens rapport.", refused.Message);
        }

        await using var connection = await DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from action_measure_follow_up where not is_example"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where entity = 'action_measure_follow_up'"));
    }

    [Fact]
    public async Task A_report_under_review_is_closed_to_the_follow_up_and_a_measure_of_another_plan_version_is_refused()
    {
        await SaveAsync(Hyr, "10", "20");
        await SubmitAsync();

        var closed = await Assert.ThrowsAsync<InvalidEditException>(() => SaveAsync(Hyr, "11", "21", version: 1));
        Assert.Contains("skickad till granskning", closed.Message, StringComparison.Ordinal);

        // The årsrapport 2025 belongs to the same plan version; a measure id that does not exist is named as gone.
        var gone = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Interim, 999_999, 0, new("1", "2", ""), Hanna));
        Assert.Contains("hör inte (längre) till", gone.Message, StringComparison.Ordinal);
        Assert.Equal((10m, 20m), ((await PlanAsync()).Measures.Single(m => m.MeasureId == Hyr).Realised!.Value, (await PlanAsync()).Measures.Single(m => m.MeasureId == Hyr).Forecast!.Value));
    }

    [Fact]
    public async Task A_save_from_a_form_loaded_before_someone_elses_is_a_conflict_that_names_them_and_saves_nothing()
    {
        await SaveAsync(Hyr, "10", "20", "Hannas siffror");

        var conflict = await Assert.ThrowsAsync<EditConflictException>(() => SaveAsync(Hyr, "12", "30", "Gunnars siffror", Gunnar, version: 0));

        Assert.StartsWith("Inget sparades: hanna ändrade uppföljningen av Hyroberonde vård", conflict.Message, StringComparison.Ordinal);
        var stored = (await PlanAsync()).Measures.Single(m => m.MeasureId == Hyr);
        Assert.Equal((10m, 20m, "Hannas siffror", 1), (stored.Realised!.Value, stored.Forecast!.Value, stored.Comment, stored.Version));
        // Saving what is already stored is no conflict and no write.
        Assert.Equal(1, (await SaveAsync(Hyr, "10", "20", "Hannas siffror", Gunnar, version: 0)).Version);
        // Knowing her figures, he saves from version 1.
        Assert.Equal(2, (await SaveAsync(Hyr, "12", "30", "Gunnars siffror", Gunnar, version: 1)).Version);
    }

    [Theory]
    [InlineData("12,5 mnkr", null, "Realised", "Utfall hittills: ”12,5 mnkr” är inte ett belopp. Skriv till exempel 12,5 eller −3.")]
    [InlineData("1,2,3", null, "Realised", "Utfall hittills: ”1,2,3” är inte ett belopp. Skriv till exempel 12,5 eller −3.")]
    [InlineData(null, "tolv", "Forecast", "Prognos för året: ”tolv” är inte ett belopp. Skriv till exempel 12,5 eller −3.")]
    [InlineData(null, "1e9", "Forecast", "Prognos för året: ”1e9” är inte ett belopp. Skriv till exempel 12,5 eller −3.")]
    [InlineData(null, "99999999999999999999999", "Forecast", "Prognos för året: ”99999999999999999999999” är inte ett belopp. Skriv till exempel 12,5 eller −3.")]
    public async Task A_bad_amount_is_refused_in_swedish_naming_its_field_and_nothing_is_stored(string? realised, string? forecast, string field, string message)
    {
        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => SaveAsync(Hyr, realised, forecast));

        Assert.Equal((field, message), (Assert.Single(refused.Errors).Field, refused.Errors[0].Message));
        await using var connection = await DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from action_measure_follow_up where not is_example"));
    }

    [Fact]
    public async Task The_arsrapport_2025_follows_up_the_plans_2025_with_the_years_utfall_kept_apart_from_the_delarsrapport()
    {
        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editor.SaveAsync(demo.Annual, Hyr, 0, new("sjuttio", "", ""), Hanna));
        Assert.Equal("Utfall 2025: ”sjuttio” är inte ett belopp. Skriv till exempel 12,5 eller −3.", refused.Errors[0].Message);

        await editor.SaveAsync(demo.Annual, Hyr, 0, new("68", "68", "Helåret"), Hanna);

        var annual = (await demo.Queries.GetCommitteeReportAsync(demo.Annual, demo.Hsn))!.Document.ActionPlans.Single(p => p.ActionPlanId == planId);
        Assert.Equal((2025, 240m, 225m, 15m, 68m), (annual.Year, annual.Planned, annual.Required!.Value, annual.Deviation!.Value, annual.Realised!.Value));
        Assert.Null((await PlanAsync()).Realised);
    }

    [Fact]
    public async Task A_comment_over_8000_characters_or_with_a_nul_is_refused_under_the_comment_field()
    {
        var tooLong = await Assert.ThrowsAsync<InvalidEditException>(() => SaveAsync(Hyr, "1", "2", new string('x', 8001)));
        var nul = await Assert.ThrowsAsync<InvalidEditException>(() => SaveAsync(Hyr, "1", "2", "a\0b"));

        Assert.Equal(("Comment", "Kommentaren får vara högst 8000 tecken (nu 8001)."), (tooLong.Errors[0].Field, tooLong.Errors[0].Message));
        Assert.Equal("Comment", nul.Errors[0].Field);
        Assert.Equal(8000, (await SaveAsync(Hyr, "1", "2", new string('x', 8000))).Comment.Length);
    }

    [Fact]
    public async Task The_section_is_frozen_at_submission_and_finalisation_while_the_plan_changes_and_the_region_report_shows_it()
    {
        await SaveAsync(Hyr, "30", "45", "Enligt plan");
        await SubmitAsync();
        var submitted = await PlanAsync();

        // After the submission an analyst raises the requirement for 2026 and the åtgärd's plan.
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update action_plan_year set required_effect = 300 where action_plan_id = @Id and year = 2026", new { Id = planId });
            await connection.ExecuteAsync("update action_measure_effect set planned = 80 where measure_id = @Id and year = 2026", new { Id = Hyr });
        }

        var underReview = await PlanAsync();
        Assert.Equal(JsonSerializer.Serialize(submitted), JsonSerializer.Serialize(underReview));
        // The changes are listed beside the report, as revised indicator values are.
        var revised = (await ViewAsync()).Revision!.Changes.Where(c => c.GoalCode == "Åtgärdsplan").ToList();
        Assert.Equal(
            [("Uppdrag 2026", SqlActionPlans.Name, "250\u00A0mnkr → 300\u00A0mnkr (+50)"), ("Plan 2026", $"{SqlActionPlans.Name}: Hyroberonde vård", "50\u00A0mnkr → 80\u00A0mnkr (+30)")],
            revised.Select(c => (c.What, c.IndicatorName, c.Describe())));
        Assert.Equal(0, (await ViewAsync()).Revision!.StatusChanges);
        Assert.Equal((250m, 235m, 50m), (underReview.Required!.Value, underReview.Planned, underReview.Measures.Single(m => m.MeasureId == Hyr).Planned!.Value));
        var region = (await demo.Queries.GetRegionReportAsync(demo.Interim))!;
        Assert.Equal(250m, region.ActionPlans.Single(p => p.ActionPlanId == planId).Required);
        Assert.Equal("Hälso- och sjukvårdsnämnden", region.ActionPlans.Single(p => p.ActionPlanId == planId).CommitteeName);

        await demo.Editors.Submission.FinaliseAsync(demo.Interim, demo.Hsn, (await ViewAsync()).State.Version, DemoReports.Decision(), Greta);

        var finalised = await PlanAsync();
        Assert.Equal(JsonSerializer.Serialize(submitted), JsonSerializer.Serialize(finalised));
        Assert.Equal((45m, "Enligt plan"), (finalised.Measures.Single(m => m.MeasureId == Hyr).Forecast!.Value, finalised.Measures.Single(m => m.MeasureId == Hyr).Comment));
    }

    [Fact]
    public async Task A_snapshot_frozen_before_the_section_existed_still_reads_with_no_action_plan()
    {
        await SubmitAsync();
        await demo.Editors.Submission.FinaliseAsync(demo.Interim, demo.Hsn, (await ViewAsync()).State.Version, DemoReports.Decision(), Greta);
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            // As a snapshot stored before the section existed: past the trigger that keeps a finalised report unchanged.
            await connection.ExecuteAsync("set session_replication_role = replica");
            Assert.Equal(1, await connection.ExecuteAsync(
                "update committee_report set snapshot = snapshot - 'ActionPlans' where report_period_id = @Period and committee_id = @Hsn and snapshot ? 'ActionPlans'",
                new { Period = demo.Interim, demo.Hsn }));
        }

        var view = await ViewAsync();

        Assert.Equal(ReportState.Finalised, view.State.State);
        Assert.Empty(view.Document.ActionPlans);
        Assert.NotEmpty(view.Document.Goals);
    }

    [Fact]
    public async Task A_namnd_with_an_action_plan_but_no_goals_gets_its_report_to_follow_it_up_in()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var committee = await connection.ExecuteScalarAsync<int>(
            "insert into committee (area_id, code, name) values ('0022', 'KFN', 'Kulturnämnden') returning id");
        await TestUsers.CreateAsync(demo.ConnectionString, "kim", "Namnd", committee);
        var (_, kfn) = await CreateOtherPlanAsync(connection, committee);

        var saved = await editor.SaveAsync(demo.Interim, kfn, 0, new("1", "5", ""), new Actor("kim", null));

        Assert.Equal(5m, saved.Forecast);
        var view = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, committee))!;
        Assert.Equal(("Kulturnämnden", 5m), (view.State.CommitteeName, view.Document.ActionPlans.Single().Forecast!.Value));
    }

    async Task<(int Plan, int Measure)> CreateOtherPlanAsync(NpgsqlConnection connection, int committee)
    {
        var plan = await connection.ExecuteScalarAsync<int>("""
            insert into action_plan (plan_version_id, committee_id, name)
            select plan_version_id, @Committee, 'Kulturens plan' from report_period where id = @Period returning id
            """, new { Committee = committee, Period = demo.Interim });
        var measure = await connection.ExecuteScalarAsync<int>("insert into action_measure (action_plan_id, name) values (@Plan, 'Färre lokaler') returning id", new { Plan = plan });
        return (plan, measure);
    }
}
