using System.Text.Json;
using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Indicators;
using Indicators.Data.Observations;
using Indicators.Data.Reports;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// A report is judged and stored when it is submitted: under review it reads the figures it was submitted with, and what
/// changed since (a målvärde, an outcome, a status) shows as a revision notice; finalising freezes what was reviewed;
/// reopening makes it live again. On the demo's Delårsrapport 2026 of Hälso- och sjukvårdsnämnden.
/// </summary>
public class SubmittedReportTests : IAsyncLifetime
{
    // Hanna is a Nämnd user of HSN; Harald an analyst, who changes målvärden; Greta the Granskare of HSN, who finalises.
    static readonly Actor Harald = new(DemoReports.Analyst, "127.0.0.2");
    static readonly Actor Hanna = new("hanna", "127.0.0.1");
    static readonly Actor Greta = new(DemoReports.Reviewer, "127.0.0.3");

    // Telefonsamtal till primärvården besvarade samma dag: the demo plan's målvärde for 2026 is 92 %.
    const string Telephone = "N79179";

    DemoReports demo = default!;
    NpgsqlDataSource DataSource => demo.DataSource;
    int Hsn => demo.Hsn;
    int Interim => demo.Interim;

    public async Task InitializeAsync() => demo = await DemoReports.CreateAsync();

    public async Task DisposeAsync() => await demo.DisposeAsync();

    async Task<CommitteeReportView> ViewAsync() => (await demo.Queries.GetCommitteeReportAsync(Interim, Hsn))!;

    static ReportIndicator Indicator(ReportDocument report, string code) => report.Goals.SelectMany(g => g.Indicators).First(i => i.Code == code);

    async Task SubmitAsync()
    {
        foreach (var goal in (await ViewAsync()).Document.Goals)
        {
            Assert.True((await demo.Editors.Assessments.SaveAsync(Interim, Hsn, goal.GoalId, goal.Texts,
                goal.Texts with { Assessed = goal.Suggested, Analysis = $"Analys av {goal.Code}" }, goal.Suggested, Hanna)).Saved);
        }

        await demo.Editors.Submission.SubmitAsync(Interim, Hsn, (await ViewAsync()).State.Version, Hanna);
    }

    async Task FinaliseAsync() => await demo.Editors.Submission.FinaliseAsync(Interim, Hsn, (await ViewAsync()).State.Version, DemoReports.Decision(), Greta);

    /// <summary>Changes the indicator's total målvärde for <paramref name="year"/> in the period's plan version, as an analyst saves it.</summary>
    async Task SetTargetAsync(string code, int year, decimal value)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = @Code", new { Code = code });
        var version = (await demo.Queries.GetPeriodAsync(Interim))!.PlanVersionId;
        var stored = (await new IndicatorEditQueries(DataSource).FindAsync(id))!;
        var targets = stored.Targets.Select(v => v.PlanVersionId != version ? v : v with
        {
            Targets = [.. v.Targets.Select(t => t.Year == year && t.Gender is null or "T" ? t with { Value = value } : t)],
        }).ToList();
        await new IndicatorEditor(DataSource).UpdateAsync(id, stored.Version, new IndicatorEdit(stored.Draft, stored.GoalIds, targets, AdjustmentReason: "Nytt underlag från regionstyrelsen"), Harald);
    }

    /// <summary>A source delivers <paramref name="value"/> for the indicator's outcome of <paramref name="period"/>.</summary>
    async Task IngestAsync(int indicatorId, string period, decimal value)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var runId = await connection.ExecuteScalarAsync<long>("insert into ingestion_run (trigger, status) values ('manual', 'running') returning id", transaction: transaction);
        await ObservationWriter.MergeAsync(connection, transaction, runId,
            [new IncomingObservation(indicatorId, period, "0022", Gender.T, value, ObservationStatus.Ok)], isDemo: false, CancellationToken.None);
        await connection.ExecuteAsync("update ingestion_run set status = 'succeeded', finished_at = now() where id = @RunId", new { RunId = runId }, transaction);
        await transaction.CommitAsync();
    }

    async Task<string> PeriodCodeAsync(ReportIndicator shown)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<string>("""
            select period from observation
            where indicator_id = @Id and gender = 'T' and area_id = '0022' and value = @Value
            order by period desc limit 1
            """, new { Id = shown.IndicatorId, Value = shown.Outcome }))!;
    }

    [Fact]
    public async Task A_report_submitted_against_a_malvarde_of_92_keeps_it_when_the_plan_is_changed_to_93_and_finalising_freezes_92_with_a_revision_notice()
    {
        await SubmitAsync();
        var submitted = Indicator((await ViewAsync()).Document, Telephone);
        Assert.Equal("92,0\u00A0%", submitted.TargetText);

        // The case: after the submission a plan change sets the målvärde to 93 %.
        await SetTargetAsync(Telephone, 2026, 93m);

        var underReview = await ViewAsync();
        var shown = Indicator(underReview.Document, Telephone);
        Assert.Equal(ReportState.UnderReview, underReview.State.State);
        Assert.Equal(("92,0\u00A0%", submitted.Status, submitted.Forecast?.Status), (shown.TargetText, shown.Status, shown.Forecast?.Status));
        var target = Assert.Single(underReview.Revision!.Changes, c => c.What == "Målvärde");
        Assert.Equal((Telephone, "92,0\u00A0% → 93,0\u00A0% (+1,0)"), (submitted.Code, target.Describe()));
        Assert.Equal((92.0m, 93.0m), (target.Before, target.Now));
        // As in the issue, the forecast would now be ej uppnått: said beside the figures, not put in their place.
        var forecast = Assert.Single(underReview.Revision.Changes, c => c.What == "Prognosstatus");
        Assert.Equal(("Delvis uppnått → Ej uppnått", AttainmentStatus.PartlyAchieved, AttainmentStatus.NotAchieved),
            (forecast.Describe(), forecast.StatusBefore, forecast.StatusNow));
        Assert.StartsWith("Uppgifterna har reviderats sedan rapporten skickades till granskning: 1 av ", underReview.Revision.Summary, StringComparison.Ordinal);
        // The whole region's report takes the nämnd's goals as submitted too.
        var region = (await demo.Queries.GetRegionReportAsync(Interim))!;
        Assert.Equal("92,0\u00A0%", region.Goals.Where(g => g.CommitteeId == Hsn).SelectMany(g => g.Indicators).First(i => i.Code == Telephone).TargetText);

        // Finalising freezes the figures that were reviewed, and the change stays visible beside them.
        await FinaliseAsync();

        var finalised = await ViewAsync();
        var frozen = Indicator(finalised.Document, Telephone);
        Assert.Equal(ReportState.Finalised, finalised.State.State);
        Assert.Equal(("92,0\u00A0%", submitted.Status, submitted.Forecast?.Status), (frozen.TargetText, frozen.Status, frozen.Forecast?.Status));
        Assert.Equal("92,0\u00A0% → 93,0\u00A0% (+1,0)", Assert.Single(finalised.Revision!.Changes, c => c.What == "Målvärde").Describe());
    }

    [Fact]
    public async Task A_revised_outcome_after_submission_shows_as_a_revision_while_the_report_keeps_and_then_freezes_the_submitted_outcome()
    {
        await SubmitAsync();
        var submitted = (await ViewAsync()).Document;
        var shown = submitted.Goals.SelectMany(g => g.Indicators).First(i => i.Outcome is not null);

        await IngestAsync(shown.IndicatorId, await PeriodCodeAsync(shown), shown.Outcome!.Value - 10);

        var underReview = await ViewAsync();
        Assert.Equal(JsonSerializer.Serialize(submitted), JsonSerializer.Serialize(underReview.Document));
        var change = Assert.Single(underReview.Revision!.Changes, c => c.What == "Utfall");
        Assert.Equal((shown.IndicatorId, shown.Outcome, shown.Outcome - 10, -10m), (change.IndicatorId, change.Before, change.Now, change.Change));
        Assert.Equal($"{SwedishFormat.WithUnit(shown.Outcome.Value, shown.Decimals, shown.Unit)} → {SwedishFormat.WithUnit(shown.Outcome.Value - 10, shown.Decimals, shown.Unit)} "
            + $"(−{SwedishFormat.Number(10m, shown.Decimals)})", change.Describe());

        await FinaliseAsync();

        var frozen = Indicator((await ViewAsync()).Document, shown.Code);
        Assert.Equal((shown.Outcome, shown.Status, shown.Forecast?.Value), (frozen.Outcome, frozen.Status, frozen.Forecast?.Value));
        Assert.Equal(shown.Outcome - 10, Assert.Single((await ViewAsync()).Revision!.Changes, c => c.What == "Utfall").Now);
    }

    [Fact]
    public async Task Reopening_discards_the_submitted_figures_so_the_report_reads_todays_again()
    {
        await SubmitAsync();
        await SetTargetAsync(Telephone, 2026, 93m);

        await demo.Editors.Submission.ReopenAsync(Interim, Hsn, (await ViewAsync()).State.Version, Hanna);

        var open = await ViewAsync();
        Assert.Equal((ReportState.Open, "93,0\u00A0%"), (open.State.State, Indicator(open.Document, Telephone).TargetText));
        Assert.Null(open.Revision);
        await using var connection = await DataSource.OpenConnectionAsync();
        Assert.Null(await connection.ExecuteScalarAsync<string?>(
            "select submitted_snapshot::text from committee_report where report_period_id = @Interim and committee_id = @Hsn", new { Interim, Hsn }));
    }

    [Fact]
    public async Task The_database_refuses_to_change_a_submitted_report_s_figures_and_clears_them_on_any_way_back_to_open()
    {
        await SubmitAsync();
        await using var connection = await DataSource.OpenConnectionAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "update committee_report set submitted_snapshot = '{}' where report_period_id = @Interim and committee_id = @Hsn", new { Interim, Hsn }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);

        // A move back to open by any writer leaves no submitted figures behind.
        await connection.ExecuteAsync("update committee_report set state = 'open' where report_period_id = @Interim and committee_id = @Hsn", new { Interim, Hsn });
        Assert.Null(await connection.ExecuteScalarAsync<string?>(
            "select submitted_snapshot::text from committee_report where report_period_id = @Interim and committee_id = @Hsn", new { Interim, Hsn }));
    }
}
