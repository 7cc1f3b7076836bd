using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Indicators.Web.Tests.Reports;

/// <summary>The report pages against the demo plan (Årsrapport 2025 and Delårsrapport 2026, every nämnd's report open):
/// who gets a form and who reads only.</summary>
public class ReportPageTests
{
    const string DemoPassword = "demo-2025";

    static async Task<(TestWebApp App, string ConnectionString)> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        _ = app.Server;   // starts the app, which loads the demo plan
        await TestUsers.CreateAsync(connectionString, "rs-person", "Namnd", "RS");
        return (app, connectionString);
    }

    static async Task<HttpClient> SignedInAsync(TestWebApp app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
        var response = await TestUsers.SignInAsync(client, user, user == "rs-person" ? TestUsers.Password : DemoPassword);
        Assert.True(response.IsSuccessStatusCode, $"{user} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    static async Task<IDocument> GetPage(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);
    }

    static IReadOnlyList<string> Buttons(IDocument document) =>
        [.. document.QuerySelectorAll("main button").Select(b => b.TextContent.Trim())];

    [Fact]
    public async Task Analysts_and_administrators_are_offered_to_delete_an_unfinalised_period_and_no_one_else_is()
    {
        var (app, _) = await DemoAsync();
        await using var __ = app;

        foreach (var (user, offered) in new[] { ("analytiker", true), ("admin.demo", true), ("hsn", false), ("ledning", false) })
        {
            using var client = await SignedInAsync(app, user);
            var document = await GetPage(client, "/rapporter");
            var deletes = Buttons(document).Where(b => b.StartsWith("Ta bort", StringComparison.Ordinal)).ToList();
            Assert.Equal(
                offered
                    ? ["Ta bort Delårsrapport 2026 (jan–aug) för Regionplan 2025–2027", "Ta bort Årsrapport 2025 för Regionplan 2024–2027",
                        "Ta bort Årsrapport 2025 för Regionplan 2025–2027", "Ta bort Delårsrapport 2025 (jan–aug) för Regionplan 2024–2027"]
                    : [],
                deletes);
        }
    }

    [Fact]
    public async Task The_nämnds_own_users_analysts_and_administrators_get_the_forms_and_ledning_and_other_nämnder_read_only()
    {
        var (app, connectionString) = await DemoAsync();
        await using var _ = app;
        var periodId = await Scalar<int>(connectionString, "select id from report_period where kind = 'interim' and year = 2026");
        var hsn = await Scalar<int>(connectionString, "select id from committee where area_id = '0022' and code = 'HSN'");
        var goals = await Scalar<long>(connectionString, $"""
            select count(*) from goal g join goal_area ga on ga.id = g.goal_area_id join report_period rp on rp.plan_version_id = ga.plan_version_id
            where rp.id = {periodId} and g.owner_committee_id = {hsn}
            """);
        var path = $"/rapporter/{periodId}/namnd/{hsn}";

        foreach (var user in new[] { "hsn", "analytiker", "admin.demo" })
        {
            using var client = await SignedInAsync(app, user);
            var document = await GetPage(client, path);
            Assert.Contains("Delårsrapport 2026 (jan–aug)", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(goals, document.QuerySelectorAll("form.goal-form").Length);
            Assert.Equal(goals, document.QuerySelectorAll("article.report-goal").Length);
            Assert.Contains("Skicka till granskning", Buttons(document));
            Assert.Empty(document.QuerySelectorAll("dl.goal-texts"));
            // Four assessments to choose from per goal, the suggested one named.
            Assert.Equal(4 * goals, document.QuerySelectorAll("form.goal-form input[type=radio]").Length);
            Assert.Equal(goals, document.QuerySelectorAll("form.goal-form label").Count(l => l.TextContent.Contains("(föreslagen)", StringComparison.Ordinal)));
        }

        foreach (var user in new[] { "ledning", "rs-person" })
        {
            using var client = await SignedInAsync(app, user);
            var document = await GetPage(client, path);
            Assert.Equal(goals, document.QuerySelectorAll("article.report-goal").Length);
            Assert.Empty(document.QuerySelectorAll("form.goal-form, form.comment-form"));
            Assert.Empty(document.QuerySelectorAll("main button"));
            Assert.Null(document.QuerySelector(".report-actions"));
            Assert.Equal(goals, document.QuerySelectorAll("dl.goal-texts").Length);
            Assert.Contains("Du kan läsa rapporten", document.QuerySelector(".read-only-note")!.TextContent, StringComparison.Ordinal);
            // The indicator table and the exports are there for everyone.
            Assert.NotEmpty(document.QuerySelectorAll("table.report-table tbody tr"));
            Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"rapporter/{periodId}/namnd/{hsn}/export.pdf");
        }
    }

    [Fact]
    public async Task The_reports_page_gives_analysts_the_form_for_a_new_period_and_a_nämnd_user_a_shortcut_to_its_own_report()
    {
        var (app, connectionString) = await DemoAsync();
        await using var _ = app;
        var hsn = await Scalar<int>(connectionString, "select id from committee where area_id = '0022' and code = 'HSN'");
        var annual = await Scalar<int>(connectionString, """
            select rp.id from report_period rp join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
            where p.area_id = '0022' and rp.kind = 'annual' and rp.year = 2025
            """);

        using (var analyst = await SignedInAsync(app, "analytiker"))
        {
            var document = await GetPage(analyst, "/rapporter");
            var rows = document.QuerySelectorAll("table.report-periods tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
            // Region Västerbotten's delårsrapport and årsredovisning 2025 too; each link names its plan for a screen reader.
            Assert.Equal(
                ["Delårsrapport 2026 (jan–aug) för Regionplan 2025–2027", "Årsrapport 2025 för Regionplan 2024–2027", "Årsrapport 2025 för Regionplan 2025–2027",
                    "Delårsrapport 2025 (jan–aug) för Regionplan 2024–2027"],
                rows);
            Assert.NotNull(document.QuerySelector("#new-period"));
            Assert.NotNull(document.QuerySelector("select#plan-version"));
            Assert.Contains(document.QuerySelectorAll("table.report-periods td"), td => td.TextContent.Trim() == "0 av 3 nämnder har fastställt");
        }

        using (var nämnd = await SignedInAsync(app, "hsn"))
        {
            var document = await GetPage(nämnd, "/rapporter");
            Assert.Null(document.QuerySelector("#new-period"));
            var shortcuts = document.QuerySelectorAll("a.own-report").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains($"rapporter/{annual}/namnd/{hsn}", shortcuts);
            Assert.Equal(2, shortcuts.Count);
        }

        using (var ledning = await SignedInAsync(app, "ledning"))
        {
            var document = await GetPage(ledning, "/rapporter");
            Assert.Null(document.QuerySelector("#new-period"));
            Assert.Empty(document.QuerySelectorAll("a.own-report"));
        }
    }

    [Fact]
    public async Task A_period_page_lists_each_nämnds_report_with_its_state_and_assessed_goals_and_links_the_exports()
    {
        var (app, connectionString) = await DemoAsync();
        await using var _ = app;
        var periodId = await Scalar<int>(connectionString, "select id from report_period where kind = 'interim' and year = 2026");
        var hsn = await Scalar<int>(connectionString, "select id from committee where area_id = '0022' and code = 'HSN'");
        using var client = await SignedInAsync(app, "ledning");

        var document = await GetPage(client, $"/rapporter/{periodId}");

        Assert.Equal("Delårsrapport 2026 (jan–aug)", document.QuerySelector("h1")!.TextContent.Trim());
        var row = document.QuerySelectorAll("table.committee-reports tbody tr").Single(r => r.TextContent.Contains("Hälso- och sjukvårdsnämnden", StringComparison.Ordinal));
        Assert.Equal($"rapporter/{periodId}/namnd/{hsn}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("Öppen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 av 3 mål bedömda", row.TextContent, StringComparison.Ordinal);
        var hrefs = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"rapporter/{periodId}/export.xlsx", hrefs);
        Assert.Contains($"rapporter/{periodId}/export.pdf", hrefs);
        Assert.Contains($"rapporter/{periodId}/namnd/{hsn}/export.xlsx", hrefs);
    }

    [Fact]
    public async Task A_namnd_user_reads_but_cannot_edit_another_organisations_report_whose_namnd_has_the_same_code()
    {
        var (app, connectionString) = await DemoAsync();
        await using var _ = app;
        var other = await SecondOrganisation.CreateAsync(connectionString);
        using var client = await SignedInAsync(app, "hsn");

        var document = await GetPage(client, $"/rapporter/{other.PeriodId}/namnd/{other.CommitteeId}");
        Assert.Contains("Hälso- och sjukvårdsnämnden i Västerbotten", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("form.goal-form, form.comment-form"));
        Assert.Null(document.QuerySelector(".report-actions"));
        Assert.Contains("Du kan läsa rapporten", document.QuerySelector(".read-only-note")!.TextContent, StringComparison.Ordinal);

        // The reports list offers the user its own nämnd's reports only, not the namesake's.
        var shortcuts = (await GetPage(client, "/rapporter")).QuerySelectorAll("a.own-report").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain($"rapporter/{other.PeriodId}/namnd/{other.CommitteeId}", shortcuts);
        Assert.Equal(2, shortcuts.Count);
    }
}
