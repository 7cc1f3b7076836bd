using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Issue 20's case: an analyst gives a riktat uppdrag from regionfullmäktige to two nämnder (Hälso- och sjukvårdsnämnden
/// and regionstyrelsen), each nämnd follows it up in its delårsrapport,
/// and the period's page shows the region's riktade uppdrag with both receivers' status. Axe on every page.
/// </summary>
[Collection(BrowserTests.Name)]
public class AssignmentFollowUpBrowserTests(Browser browser)
{
    const string DemoPassword = "demo-2025";

    [Fact]
    public async Task Two_namnder_follow_up_a_riktat_uppdrag_in_their_delarsrapport_and_the_region_report_shows_both()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        int interim, hsn, rs;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            interim = await connection.ExecuteScalarAsync<int>("select id from report_period where kind = 'interim' and year = 2026");
            hsn = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
            rs = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'RS'");
        }

        // The analyst gives the uppdrag from regionfullmäktige to both nämnder through the form.
        var analyst = await SignedInAsync(baseUrl, "analytiker", DemoPassword);
        await analyst.GotoAsync($"{baseUrl}/uppdrag/nytt");
        await PageChecks.WaitUntilInteractiveAsync(analyst);
        await analyst.GetByLabel("Kod").FillAsync("T-RF1");
        await analyst.GetByLabel("Uppdragets text").FillAsync("Minska hyrberoendet");
        await analyst.GetByLabel("Givet av").SelectOptionAsync(new SelectOptionValue { Label = "Regionfullmäktige" });
        await analyst.GetByLabel("Slutdatum").FillAsync("2027-12-31");
        await analyst.GetByLabel("Hälso- och sjukvårdsnämnden", new() { Exact = true }).SelectOptionAsync("committee");
        await analyst.GetByLabel("Regionstyrelsen", new() { Exact = true }).SelectOptionAsync("committee");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Spara uppdraget" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("h1")).ToHaveTextAsync("Uppdrag T-RF1");
        await PageChecks.AssertNoViolationsAsync(analyst);
        await analyst.Context.CloseAsync();
        await TestUsers.CreateAsync(connectionString, "rs.namnd", "Namnd", "RS");

        // Hälso- och sjukvårdsnämnden: a save without a status is refused naming the field; then it follows the uppdrag up.
        var page = await SignedInAsync(baseUrl, "hsn", DemoPassword);
        await page.GotoAsync($"{baseUrl}/rapporter/{interim}/namnd/{hsn}");
        var row = page.Locator("table.assignments tbody tr", new() { HasText = "T-RF1" });
        await Assertions.Expect(row).ToContainTextAsync("Ej uppföljt");
        await Assertions.Expect(page.Locator("table.assignments thead")).ToContainTextAsync("Prognos: beräknas klart");
        var form = page.Locator("form.assignment-form", new() { HasText = "T-RF1" });
        await Assertions.Expect(form.Locator("button[type=submit]")).ToBeEnabledAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await form.GetByLabel("Kommentar").FillAsync("Avtal om bemanning är upphandlat.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljningen av uppdrag T-RF1" }).ClickAsync();
        await Assertions.Expect(form.Locator(".validation-message, .validation-errors").First).ToContainTextAsync("Ange status för uppdraget.");
        await PageChecks.AssertNoViolationsAsync(page);
        await form.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("in_progress");
        await form.GetByLabel("Prognos: beräknas klart").FillAsync("2027-06-30");
        await form.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljningen av uppdrag T-RF1" }).ClickAsync();
        await Assertions.Expect(form.Locator(".save-status")).ToContainTextAsync("Sparat kl");
        await Assertions.Expect(row).ToContainTextAsync("Pågår");
        await Assertions.Expect(row).ToContainTextAsync("2027-06-30");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "report-assignments");
        // HSN's users do not follow up regionstyrelsen's part: its report has no form for them.
        await page.GotoAsync($"{baseUrl}/rapporter/{interim}/namnd/{rs}");
        await Assertions.Expect(page.Locator("table.assignments tbody tr", new() { HasText = "T-RF1" })).ToContainTextAsync("Ej uppföljt");
        await Assertions.Expect(page.Locator("form.assignment-form")).ToHaveCountAsync(0);
        await PageChecks.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();

        // Regionstyrelsen follows up its own part.
        var rsPage = await SignedInAsync(baseUrl, "rs.namnd", TestUsers.Password);
        await rsPage.GotoAsync($"{baseUrl}/rapporter/{interim}/namnd/{rs}");
        var rsForm = rsPage.Locator("form.assignment-form", new() { HasText = "T-RF1" });
        await Assertions.Expect(rsForm.Locator("button[type=submit]")).ToBeEnabledAsync();
        await rsForm.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("done");
        await rsForm.GetByLabel("Kommentar").FillAsync("Bemanningsenheten är inrättad.");
        await rsForm.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljningen av uppdrag T-RF1" }).ClickAsync();
        await Assertions.Expect(rsForm.Locator(".save-status")).ToContainTextAsync("Sparat kl");
        await Assertions.Expect(rsPage.Locator("table.assignments tbody tr", new() { HasText = "T-RF1" })).ToContainTextAsync("Genomfört");
        await PageChecks.AssertNoViolationsAsync(rsPage);

        // The region's report: both receivers' status and the uppdrag's overall state (pågår until both have closed it).
        await rsPage.GotoAsync($"{baseUrl}/rapporter/{interim}");
        var region = rsPage.Locator("article.region-assignment", new() { HasText = "T-RF1" });
        await Assertions.Expect(region.Locator("table.assignment-receivers tbody tr", new() { HasText = "Hälso- och sjukvårdsnämnden" })).ToContainTextAsync("Pågår");
        await Assertions.Expect(region.Locator("table.assignment-receivers tbody tr", new() { HasText = "Regionstyrelsen" })).ToContainTextAsync("Genomfört");
        await Assertions.Expect(region.Locator("dl.assignment-facts")).ToContainTextAsync("2 av 2 mottagare har följt upp");
        await PageChecks.AssertNoViolationsAsync(rsPage);
        await PageChecks.ScreenshotAsync(rsPage, "region-assignments");
        await rsPage.Context.CloseAsync();
    }

    async Task<IPage> SignedInAsync(string baseUrl, string user, string password)
    {
        var context = await browser.Instance.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, baseUrl, user, password);
        return page;
    }
}
