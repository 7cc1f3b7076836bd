using System.Globalization;
using System.Net;
using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Reports;
using Indicators.TestSupport;
using Indicators.Reports.Export.Pdf;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Web.Tests.Reports.Export;

/// <summary>
/// The exports over HTTP against the demo plan in PostgreSQL: a nämnd's assessed (and finalised) delårsrapport and the
/// whole region's report, opened as a person would (ExcelDataReader, PdfPig) and checked against the database.
/// </summary>
public class ReportExportEndpointTests : IAsyncLifetime
{
    static readonly Actor Hanna = new("hanna", "127.0.0.1");
    const string Motivation = "Väntetiderna ökade under sommaren – bemanningen räckte inte till på två av fem mottagningar.";
    const string Comment = "Augusti är preliminär; slutlig siffra kommer i oktober.";

    string connectionString = "";
    NpgsqlDataSource dataSource = default!;
    ReportQueries queries = default!;
    ReportEditors editors = default!;
    int hsn;
    int interim;
    int annual;

    public async Task InitializeAsync()
    {
        var demo = await DemoReports.CreateAsync();
        (connectionString, dataSource, queries, editors, hsn, interim, annual) =
            (demo.ConnectionString, demo.DataSource, demo.Queries, demo.Editors, demo.Hsn, demo.Interim, demo.Annual);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    /// <summary>Assesses every goal of HSN's report (the first differently from its suggestion, with a motivation) and comments on an indicator.</summary>
    async Task<ReportGoal> AssessAsync(int periodId)
    {
        var goals = (await queries.GetCommitteeReportAsync(periodId, hsn))!.Document.Goals.ToList();
        var first = goals[0];
        foreach (var goal in goals)
        {
            var assessed = goal == first ? Enum.GetValues<GoalAssessment>().First(a => a != goal.Suggested) : goal.Suggested;
            var texts = goal.Texts with
            {
                Assessed = assessed,
                Motivation = goal == first ? Motivation : "",
                Analysis = $"Analys av mål {goal.Code}.",
                Actions = $"Åtgärder för mål {goal.Code}.",
            };
            Assert.True((await editors.Assessments.SaveAsync(periodId, hsn, goal.GoalId, goal.Texts, texts, goal.Suggested, Hanna)).Saved);
        }

        var indicator = first.Indicators[0];
        Assert.True((await editors.Comments.SaveAsync(periodId, hsn, indicator.IndicatorId, "", Comment, Hanna)).Saved);
        return first;
    }

    async Task FinaliseAsync(int periodId)
    {
        var state = (await queries.GetCommitteeReportAsync(periodId, hsn))!.State;
        await editors.Submission.SubmitAsync(periodId, hsn, state.Version, Hanna);
        state = (await queries.GetCommitteeReportAsync(periodId, hsn))!.State;
        await editors.Submission.FinaliseAsync(periodId, hsn, state.Version, DemoReports.Decision(), new Actor(DemoReports.Reviewer, "127.0.0.2"));
    }

    async Task<(TestWebApp App, HttpClient Client)> SignedInAsync(string role)
    {
        var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "person", role, role == "Namnd" ? "HSN" : null);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(client, "person");
        return (app, client);
    }

    static async Task<byte[]> DownloadAsync(HttpClient client, string path, string contentType, string fileName)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// A numeric cell holds the value rounded to the indicator's decimals as the app shows it (to a double's precision;
    /// decimal → double conversion may differ in the last bit).
    /// </summary>
    static void AssertNumber(decimal? expected, int decimals, object? cell)
    {
        if (expected is not { } value)
        {
            Assert.Null(cell);
            return;
        }

        Assert.Equal((double)Math.Round(value, decimals, MidpointRounding.AwayFromZero), Assert.IsType<double>(cell), 9);
    }

    [Fact]
    public async Task A_nämnd_user_downloads_its_delårsrapport_as_Excel_with_every_goal_and_indicator_as_the_database_has_them()
    {
        var first = await AssessAsync(interim);
        var (app, client) = await SignedInAsync("Namnd");
        await using var _ = app;
        using var __ = client;

        var bytes = await DownloadAsync(client, $"/rapporter/{interim}/namnd/{hsn}/export.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Delårsrapport 2026 – Hälso- och sjukvårdsnämnden.xlsx");

        var sheets = Workbook(bytes);
        var document = (await queries.GetCommitteeReportAsync(interim, hsn))!.Document;
        await using var connection = await dataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(int GoalId, string Assessed, string Motivation, string Analysis, string Actions)>(
            "select goal_id, assessed, motivation, analysis, actions from goal_assessment where report_period_id = @interim and committee_id = @hsn",
            new { interim, hsn })).ToDictionary(r => r.GoalId);
        var goals = sheets["Mål"];
        Assert.Equal(document.Goals.Count(), goals.Count - 1);
        Assert.Equal(stored.Count, goals.Count - 1);
        foreach (var (goal, row) in document.Goals.Zip(goals.Skip(1)))
        {
            var saved = stored[goal.GoalId];
            Assert.Equal(goal.Code, Column(goals, row, "Mål"));
            Assert.Equal(goal.Name, Column(goals, row, "Målets namn"));
            var own = GoalAssessmentCodes.Parse(saved.Assessed);
            Assert.Equal($"{own.Symbol()} {own.SwedishName()}", Column(goals, row, "Nämndens bedömning"));
            Assert.Equal($"{goal.Suggested.Symbol()} {goal.Suggested.SwedishName()}", Column(goals, row, "Föreslagen bedömning"));
            Assert.Equal(saved.Motivation.Length == 0 ? null : saved.Motivation, Column(goals, row, "Motivering"));
            Assert.Equal(saved.Analysis, Column(goals, row, "Analys"));
            Assert.Equal(saved.Actions, Column(goals, row, "Åtgärder"));
        }

        Assert.Equal(Motivation, Column(goals, goals[1], "Motivering"));
        var indicators = sheets["Indikatorer"];
        var expected = document.Goals.SelectMany(g => g.Indicators.Select(i => (Goal: g, Indicator: i))).ToList();
        Assert.Equal(expected.Count, indicators.Count - 1);
        foreach (var ((goal, indicator), row) in expected.Zip(indicators.Skip(1)))
        {
            Assert.Equal(goal.Code, Column(indicators, row, "Mål"));
            Assert.Equal(indicator.Name, Column(indicators, row, "Indikator"));
            AssertNumber(indicator.Outcome, indicator.Decimals, Column(indicators, row, "Utfall"));
            if (indicator.Outcome is not null)
            {
                var unit = indicator.Unit.Length == 0 ? "" : $"\" {indicator.Unit}\"";
                Assert.Equal((indicator.Decimals == 0 ? "#,##0" : "#,##0." + new string('0', indicator.Decimals)) + unit, Cell(indicators, row, "Utfall").NumberFormat);
            }

            Assert.Equal(indicator.Status.Label(), Column(indicators, row, "Status"));
            AssertNumber(indicator.Forecast?.Value, indicator.Decimals, Column(indicators, row, "Prognos helår"));
            if (indicator.Target is { IsBand: false } target)
            {
                AssertNumber(target.Value, indicator.Decimals, Column(indicators, row, "Målvärde"));
            }
        }

        var comment = await connection.ExecuteScalarAsync<string>(
            "select comment from indicator_comment where report_period_id = @interim and indicator_id = @id", new { interim, id = first.Indicators[0].IndicatorId });
        Assert.Equal(Comment, comment);
        Assert.Contains(indicators.Skip(1), r => Column(indicators, r, "Kommentar") as string == comment && Column(indicators, r, "Mål") as string == first.Code);
    }

    [Fact]
    public async Task The_PDF_of_a_finalised_delårsrapport_says_who_finalised_it_and_holds_its_assessments_and_indicators()
    {
        var first = await AssessAsync(interim);
        await FinaliseAsync(interim);
        var (app, client) = await SignedInAsync("Ledning");
        await using var _ = app;
        using var __ = client;

        var bytes = await DownloadAsync(client, $"/rapporter/{interim}/namnd/{hsn}/export.pdf", "application/pdf",
            "Delårsrapport 2026 – Hälso- och sjukvårdsnämnden.pdf");

        var text = PdfText(bytes);
        await using var connection = await dataSource.OpenConnectionAsync();
        var finalised = await connection.QuerySingleAsync<(DateTime FinalisedAt, string FinalisedBy)>(
            "select finalised_at, user_display_name(finalised_by) from committee_report where report_period_id = @interim and committee_id = @hsn", new { interim, hsn });
        var stockholm = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(finalised.FinalisedAt, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        Assert.Contains($"Fastställd {stockholm.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} av {finalised.FinalisedBy}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast", text, StringComparison.Ordinal);
        var motivation = await connection.ExecuteScalarAsync<string>(
            "select motivation from goal_assessment where report_period_id = @interim and goal_id = @goal", new { interim, goal = first.GoalId });
        Assert.Contains(Words($"Motivering {motivation}"), text, StringComparison.Ordinal);
        Assert.Contains(Words($"{first.Indicators[0].Name}: {Comment}"), text, StringComparison.Ordinal);

        var document = (await queries.GetCommitteeReportAsync(interim, hsn))!.Document;
        Assert.Equal(ReportState.Finalised, document.Header.State);
        foreach (var goal in document.Goals)
        {
            Assert.Contains(Words($"{goal.Code} {goal.Name}"), text, StringComparison.Ordinal);
            Assert.Contains(Words($"Nämndens bedömning {goal.Texts.Assessed!.Value.Symbol()} {goal.Texts.Assessed.Value.SwedishName()}"), text, StringComparison.Ordinal);
            foreach (var indicator in goal.Indicators)
            {
                var outcome = ReportPdf.Value(indicator.Outcome, indicator);
                Assert.StartsWith(indicator.Outcome is { } value ? SwedishFormat.Number(value, indicator.Decimals) : "–", outcome, StringComparison.Ordinal);
                Assert.Contains(Words(indicator.Name), text, StringComparison.Ordinal);
                Assert.Contains(Words($"{outcome} {(indicator.OutcomePeriod is null ? "Inget utfall" : indicator.OutcomePeriod)}"), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_whole_regions_årsrapport_exports_every_goal_of_the_plan_as_Excel_and_PDF()
    {
        var (app, client) = await SignedInAsync("Namnd");
        await using var _ = app;
        using var __ = client;

        var xlsx = await DownloadAsync(client, $"/rapporter/{annual}/export.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Årsrapport 2025 – Hela regionen.xlsx");
        var pdf = await DownloadAsync(client, $"/rapporter/{annual}/export.pdf", "application/pdf", "Årsrapport 2025 – Hela regionen.pdf");

        await using var connection = await dataSource.OpenConnectionAsync();
        var codes = (await connection.QueryAsync<string>("""
            select g.code from goal g join goal_area a on a.id = g.goal_area_id
            where a.plan_version_id = (select plan_version_id from report_period where id = @annual)
            """, new { annual })).ToList();
        var goals = Workbook(xlsx)["Mål"];
        Assert.Equal(codes.Order(StringComparer.Ordinal), goals.Skip(1).Select(r => (string)r[1].Value!).Order(StringComparer.Ordinal));
        Assert.Contains("Delårsrapportens bedömning", goals[0].Select(c => c.Value as string));
        var text = PdfText(pdf);
        Assert.Contains("Årsrapport 2025 Hela regionen", text, StringComparison.Ordinal);
        Assert.Contains("Prognos i delår", text, StringComparison.Ordinal);
        Assert.All(goals.Skip(1), r => Assert.Contains(Words($"{r[1].Value} {r[2].Value}"), text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_revised_data_arrives_a_finalised_reports_export_is_unchanged_and_says_what_was_revised()
    {
        await AssessAsync(interim);
        await FinaliseAsync(interim);
        var (app, client) = await SignedInAsync("Namnd");
        await using var _ = app;
        using var __ = client;
        var path = $"/rapporter/{interim}/namnd/{hsn}/export.xlsx";
        var name = "Delårsrapport 2026 – Hälso- och sjukvårdsnämnden.xlsx";
        var before = Workbook(await DownloadAsync(client, path, ReportWorkbookContentType, name));
        Assert.StartsWith("Inga uppgifter har reviderats", (string)before["Sammanfattning"].Single(r => r[0].Value as string == "Revidering")[1].Value!, StringComparison.Ordinal);

        // A source delivers a revised value for an indicator the report shows.
        var shown = (await queries.GetCommitteeReportAsync(interim, hsn))!.Document.Goals.SelectMany(g => g.Indicators).First(i => i.Outcome is not null);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var period = await connection.ExecuteScalarAsync<string>("""
                select o.period from observation o where o.indicator_id = @IndicatorId and o.gender = 'T' and o.area_id = '0022' and o.value = @Outcome
                order by o.period desc limit 1
                """, new { shown.IndicatorId, shown.Outcome }, transaction);
            var runId = await connection.ExecuteScalarAsync<long>("insert into ingestion_run (trigger, status) values ('manual', 'running') returning id", transaction: transaction);
            await Data.Observations.ObservationWriter.MergeAsync(connection, transaction, runId,
                [new Data.Observations.IncomingObservation(shown.IndicatorId, period!, "0022", Core.Observations.Gender.T, shown.Outcome!.Value + 5, Core.Observations.ObservationStatus.Ok)],
                isDemo: false, CancellationToken.None);
            await connection.ExecuteAsync("update ingestion_run set status = 'succeeded', finished_at = now() where id = @runId", new { runId }, transaction);
            await transaction.CommitAsync();
        }

        var after = Workbook(await DownloadAsync(client, path, ReportWorkbookContentType, name));
        var revision = (await queries.GetCommitteeReportAsync(interim, hsn))!.Revision!;
        Assert.True(revision.HasChanges);
        foreach (var sheet in new[] { "Mål", "Indikatorer" })
        {
            Assert.Equal(before[sheet].Select(r => r.Select(c => c.Value)), after[sheet].Select(r => r.Select(c => c.Value)));
        }

        var summary = after["Sammanfattning"];
        Assert.Equal(revision.Summary, summary.Single(r => r[0].Value as string == "Revidering")[1].Value);
        var changes = after["Revideringar"];
        var outcome = Assert.Single(changes.Skip(1), r => Column(changes, r, "Uppgift") as string == "Utfall");
        Assert.Equal(shown.Name, Column(changes, outcome, "Indikator"));
        AssertNumber(shown.Outcome, shown.Decimals, Column(changes, outcome, "Värde då"));
        AssertNumber(shown.Outcome + 5, shown.Decimals, Column(changes, outcome, "Värde nu"));
        AssertNumber(5m, shown.Decimals, Column(changes, outcome, "Ändring"));

        var pdf = PdfText(await DownloadAsync(client, $"/rapporter/{interim}/namnd/{hsn}/export.pdf", "application/pdf", "Delårsrapport 2026 – Hälso- och sjukvårdsnämnden.pdf"));
        Assert.Contains(Words($"Reviderade uppgifter {revision.Summary}"), pdf, StringComparison.Ordinal);
        Assert.Contains(Words(revision.Changes.Single(c => c.What == "Utfall").Describe()), pdf, StringComparison.Ordinal);
    }

    const string ReportWorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The authorisation matrix leaves out routes ending in a file extension (it takes them for static assets), so the
    /// exports' rule is checked here: every role may export, nämnd users another nämnd's report too; anonymous visitors
    /// are sent to sign in.
    /// </summary>
    [Fact]
    public async Task Every_role_may_export_any_nämnds_report_and_anonymous_visitors_are_sent_to_sign_in()
    {
        await using var app = new TestWebApp(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var other = await connection.ExecuteScalarAsync<int>(
            "select committee_id from committee_report where report_period_id = @interim and committee_id <> @hsn limit 1", new { interim, hsn });
        string[] paths = [
            $"/rapporter/{interim}/export.xlsx", $"/rapporter/{interim}/export.pdf",
            $"/rapporter/{interim}/namnd/{other}/export.xlsx", $"/rapporter/{interim}/namnd/{other}/export.pdf",
        ];
        using (var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            foreach (var path in paths)
            {
                using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/logga-in", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }
        }

        foreach (var role in Web.Security.Roles.All)
        {
            await TestUsers.CreateAsync(connectionString, role, role, role == Web.Security.Roles.Committee ? "HSN" : null);
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await TestUsers.SignInAsync(client, role);
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {role}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_period_or_nämnd_without_a_report_is_not_found()
    {
        var (app, client) = await SignedInAsync("Analytiker");
        await using var _ = app;
        using var __ = client;
        await using var connection = await dataSource.OpenConnectionAsync();
        var noReport = await connection.ExecuteScalarAsync<int>("select max(id) + 1 from committee");

        foreach (var path in new[]
        {
            "/rapporter/9999/export.xlsx", "/rapporter/9999/export.pdf",
            $"/rapporter/9999/namnd/{hsn}/export.pdf", $"/rapporter/{interim}/namnd/{noReport}/export.xlsx",
        })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }
}
