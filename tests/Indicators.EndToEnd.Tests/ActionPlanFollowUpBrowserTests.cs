using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// The demo's Hälso- och sjukvårdsnämnden follows up its åtgärdsplan (the demo's, seed 003's figures) in its Delårsrapport
/// 2026: it enters realised and forecast per åtgärd and sees the sums, the deviation from the required 250 mnkr and the
/// status change; a bad amount is named in Swedish beside its field.
/// </summary>
[Collection(BrowserTests.Name)]
public class ActionPlanFollowUpBrowserTests(Browser browser)
{
    static async Task SaveAsync(IPage page, string measure, string realised, string forecast)
    {
        var form = page.Locator("form.measure-form", new() { Has = page.Locator("legend", new() { HasTextString = measure }) });
        await form.GetByLabel("Utfall hittills (mnkr)").FillAsync(realised);
        await form.GetByLabel("Prognos 2026 (mnkr)").FillAsync(forecast);
        await form.GetByRole(AriaRole.Button, new() { Name = $"Spara uppföljningen av {measure}" }).ClickAsync();
    }

    [Fact]
    public async Task HSN_enters_realised_and_forecast_in_the_delarsrapport_and_sees_the_deviation_and_the_status()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        int committee, period;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            committee = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
            period = await connection.ExecuteScalarAsync<int>("select id from report_period where kind = 'interim' and year = 2026");
        }

        var context = await browser.Instance.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, baseUrl, "hsn", "demo-2025");
        await page.GotoAsync($"{baseUrl}/rapporter/{period}/namnd/{committee}");
        await PageChecks.WaitUntilInteractiveAsync(page);
        // The demo's plan: HSN's Ekonomisk handlingsplan 2025–2027 with seed 003's figures, not yet followed up in 2026.
        var plan = page.Locator("article.action-plan", new() { Has = page.Locator("h3", new() { HasTextString = "Ekonomisk handlingsplan 2025–2027" }) });
        var table = plan.Locator("table.action-plan-table");
        await Assertions.Expect(table.Locator("tfoot tr", new() { HasTextString = "SUMMA" })).ToContainTextAsync("235");
        await Assertions.Expect(plan.Locator(".action-plan-status")).ToContainTextAsync("Kan ej bedömas");

        await SaveAsync(page, "Hyroberonde vård", "31,5", "60");

        await Assertions.Expect(table.Locator("tbody tr", new() { HasTextString = "Hyroberonde vård" })).ToContainTextAsync("31,5");
        await Assertions.Expect(table.Locator("tfoot tr", new() { HasTextString = "Avvikelse" })).ToContainTextAsync("−190");
        await Assertions.Expect(plan.Locator(".action-plan-status")).ToContainTextAsync("Ej uppnått: prognosen 60\u00A0mnkr är 190\u00A0mnkr under kravet 250\u00A0mnkr för 2026.");

        await SaveAsync(page, "Strukturförändringar inkl utredning sjukhusstruktur", "40", "200");

        await Assertions.Expect(table.Locator("tfoot tr", new() { HasTextString = "Avvikelse" })).ToContainTextAsync("+10");
        await Assertions.Expect(plan.Locator(".action-plan-status .status")).ToHaveTextAsync("● Uppnått");

        await SaveAsync(page, "Läkemedel", "tolv", "");
        var medicines = page.Locator("form.measure-form", new() { Has = page.Locator("legend", new() { HasTextString = "Läkemedel" }) });
        await Assertions.Expect(medicines.Locator(".validation-message").First).ToHaveTextAsync("Utfall hittills: ”tolv” är inte ett belopp. Skriv till exempel 12,5 eller −3.");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "report-action-plan");
        await context.CloseAsync();
    }
}
