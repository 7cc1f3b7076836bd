using Indicators.TestSupport;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class PlanCodeBrowserTests(Browser browser)
{
    const string Invalid = """
        format: indicators-plan/1
        plan: {area: "0022", name: Webbplan 2026–2027, start_year: 2026, end_year: 2027}
        areas:
          - {id: "0022", name: Region Västernorrland, short_name: Västernorrland, kind: region}
        indicators:
          - {code: V1, name: Väntetid, unit: dagar, direction: sideways, frequency: month, primary_area: "0022"}
        """;

    const string Valid = """
        format: indicators-plan/1
        plan: {area: "0022", name: Webbplan 2026–2027, start_year: 2026, end_year: 2027}
        areas:
          - {id: "0022", name: Region Västernorrland, short_name: Västernorrland, kind: region}
        indicators:
          - {code: V1, name: Väntetid, unit: dagar, direction: lower, frequency: month, primary_area: "0022"}
        versions:
          - name: Utkast
            kind: draft
            current: true
            targets:
              - {indicator: V1, year: 2026, value: 60}
              - {indicator: V1, year: 2027, value: 45.5}
        """;

    [Fact]
    public async Task An_analyst_checks_an_invalid_plan_document_sees_the_line_of_the_error_then_imports_a_valid_one()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/planer/import");
        var check = page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" });
        await Assertions.Expect(check).ToBeEnabledAsync();
        await PageChecks.AssertNoViolationsAsync(page);

        await page.GetByLabel("… eller klistra in dokumentet").FillAsync(Invalid);
        await check.ClickAsync();
        var errors = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(errors).ToContainTextAsync("Dokumentet kan inte importeras");
        await Assertions.Expect(errors).ToContainTextAsync("Rad 6, kolumn");
        await Assertions.Expect(errors).ToContainTextAsync("Okänd riktning 'sideways'");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "plan-import-errors");

        await page.GetByLabel("… eller klistra in dokumentet").FillAsync(Valid);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera", Exact = true }).ClickAsync();
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("Planen är importerad");
        await Assertions.Expect(status).ToContainTextAsync("Webbplan 2026–2027");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Öppna planen Webbplan 2026–2027" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.edit-table")).ToContainTextAsync("Målvärde");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "plan-import-done");
    }

    [Fact]
    public async Task A_document_nested_a_hundred_thousand_lists_deep_gets_its_line_and_column_and_the_page_goes_on_working()
    {
        // Before the limits the check overflowed the stack in the YAML reader and the whole web process died.
        var deep = string.Join("\n",
            "format: indicators-plan/1",
            "plan: {area: \"0022\", name: Webbplan 2026–2027, start_year: 2026, end_year: 2027}",
            "areas:",
            "  - {id: \"0022\", name: Region Västernorrland, short_name: Västernorrland, kind: region}",
            "sources:",
            "  - name: Fil",
            "    kind: file",
            "    cron: \"0 6 * * *\"",
            "    settings:",
            "      folder: " + new string('[', 100_000) + new string(']', 100_000));
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);
        await page.GotoAsync(baseUrl + "/planer/import");
        var check = page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" });
        await Assertions.Expect(check).ToBeEnabledAsync();

        await page.GetByLabel("… eller klistra in dokumentet").FillAsync(deep);
        await check.ClickAsync();

        var errors = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(errors).ToContainTextAsync("Rad 10, kolumn 43:");
        await Assertions.Expect(errors).ToContainTextAsync("Dokumentet är för djupt nästlat: högst 32 listor och mappningar");

        // The same circuit (and process) still answers.
        await page.GetByLabel("… eller klistra in dokumentet").FillAsync(Valid);
        await check.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dokumentet är giltigt");
    }
}
