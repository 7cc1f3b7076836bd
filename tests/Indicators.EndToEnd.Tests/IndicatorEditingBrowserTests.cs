using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class IndicatorEditingBrowserTests(Browser browser)
{
    sealed record Demo(TestWebApp App, string BaseUrl, string ConnectionString, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Page.CloseAsync();
            await App.DisposeAsync();
        }
    }

    async Task<Demo> SignedInAnalystAsync()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "analytiker", "demo-2025");
        return new Demo(app, baseUrl, connectionString, page);
    }

    /// <summary>Types into a field and leaves it, as a person does, so the field's change reaches the server.</summary>
    static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.Locator(selector).FillAsync(text);
        await page.Locator(selector).PressAsync("Tab");
    }

    static async Task FillBasicsAsync(IPage page, string code)
    {
        await TypeAsync(page, "#code", code);
        await TypeAsync(page, "#name", "Andel invånare med fast läkarkontakt");
        await TypeAsync(page, "#unit", "%");
        await page.Locator("#frequency").SelectOptionAsync("year");
    }

    [Fact]
    public async Task An_analyst_creates_an_indicator_with_targets_links_it_to_a_goal_and_sees_it_on_its_page_and_the_overview()
    {
        await using var demo = await SignedInAnalystAsync();
        var page = demo.Page;
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        var (goalId, goalCode) = await connection.QueryFirstAsync<(int, string)>("""
            select g.id, g.code from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where v.is_current and p.area_id = '0022' order by ga.sort_order, g.sort_order limit 1
            """);

        await page.GetByRole(AriaRole.Link, new() { Name = "Indikatorer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Indikatorer");
        // Region Västerbotten has an N79173 of its own (seed 001).
        await Assertions.Expect(page.Locator("table.indicator-list tr", new() { HasText = "N79173" }).Filter(new() { HasText = "Västernorrland" }))
            .ToContainTextAsync("Hälso- och sjukvårdsnämnden");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "indicator-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ny indikator" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ny indikator");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "indicator-new");

        await FillBasicsAsync(page, "FAST1");
        await page.Locator("#direction-higher").CheckAsync();
        await page.Locator("#owner").SelectOptionAsync("HSN");
        await page.Locator($"#goal-{goalId}").CheckAsync();
        await TypeAsync(page, "#t-0-0-value", "60");
        await TypeAsync(page, "#t-0-1-value", "62,5");
        await TypeAsync(page, "#t-0-2-value", "65");
        await TypeAsync(page, "#t-0-2-provenance", "Regionplanen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa indikatorn" }).ClickAsync();

        // The demo's version is fastställd: new målvärden and a new link in it are a justering, which needs a reason.
        await Assertions.Expect(page.Locator("#adjustment-reason + .validation-message")).ToContainTextAsync("Ange skäl för justeringen.");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from indicator where code = 'FAST1'"));
        await TypeAsync(page, "#adjustment-reason", "Ny indikator för fast läkarkontakt enligt regionstyrelsens beslut");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa indikatorn" }).ClickAsync();

        await Assertions.Expect(page.Locator(".saved[role=status]")).ToContainTextAsync("Indikatorn är sparad.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Redigera FAST1");
        await Assertions.Expect(page.Locator("#t-0-1-value")).ToHaveValueAsync("62,5");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "indicator-edit");
        var id = await connection.ExecuteScalarAsync<int>("select id from indicator where code = 'FAST1'");
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("select count(*) from target where indicator_id = @Id", new { Id = id }));
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where user_name = 'analytiker' and entity in ('indicator', 'target')"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Visa indikatorn med utfall och målvärden" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Andel invånare med fast läkarkontakt");
        await Assertions.Expect(page.Locator("dd", new() { HasText = "62,5 %" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Redigera indikatorn" })).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "indicator-created-page");

        await page.GotoAsync(demo.BaseUrl + "/");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Andel invånare med fast läkarkontakt");
        await PageChecks.ScreenshotAsync(page, "indicator-created-overview");

        await page.GotoAsync(demo.BaseUrl + "/indikatorer");
        await Assertions.Expect(page.Locator("table.indicator-list tr", new() { HasText = "FAST1" })).ToContainTextAsync(goalCode);
    }

    [Fact]
    public async Task Validation_messages_appear_in_Swedish_beside_their_fields_and_nothing_is_saved_while_invalid()
    {
        await using var demo = await SignedInAnalystAsync();
        var page = demo.Page;
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        var indicators = await connection.ExecuteScalarAsync<int>("select count(*) from indicator");

        await page.GotoAsync(demo.BaseUrl + "/indikatorer/ny");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await FillBasicsAsync(page, "BAND1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa indikatorn" }).ClickAsync();

        // No direction chosen.
        await Assertions.Expect(page.Locator("fieldset", new() { HasText = "Riktning" }).Locator(".validation-message"))
            .ToContainTextAsync("Välj riktning: högre är bättre, lägre är bättre eller inom intervall.");

        // A band whose min exceeds its max, and a word where a number belongs.
        await page.Locator("#direction-band").CheckAsync();
        await TypeAsync(page, "#t-0-0-min", "9");
        await TypeAsync(page, "#t-0-0-max", "3");
        await TypeAsync(page, "#t-0-1-min", "tolv");
        await Assertions.Expect(page.Locator("#t-0-1-min + .validation-message"))
            .ToHaveTextAsync("Lägsta värde 2026 totalt: 'tolv' är inget tal. Skriv till exempel 12,5.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa indikatorn" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("'tolv' är inget tal");
        Assert.Equal(indicators, await connection.ExecuteScalarAsync<int>("select count(*) from indicator"));

        await TypeAsync(page, "#t-0-1-min", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa indikatorn" }).ClickAsync();
        await Assertions.Expect(page.Locator("#t-0-0-min + .validation-message"))
            .ToHaveTextAsync("Intervallets lägsta värde (9) är större än dess högsta (3) för 2025.");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "indicator-new-invalid");
        Assert.Equal(indicators, await connection.ExecuteScalarAsync<int>("select count(*) from indicator"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from audit_log where user_name = 'analytiker' and entity in ('indicator', 'target')"));
    }
}
