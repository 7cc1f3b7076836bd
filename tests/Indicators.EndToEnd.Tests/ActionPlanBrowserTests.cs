using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// HSN's åtgärdsplan on the demo: an analyst opens it, sees seed 003's sums, changes an åtgärd's effect and sees SUMMA and
/// Avvikelse follow; at 390 px without sideways scrolling and with no axe violations.
/// </summary>
[Collection(BrowserTests.Name)]
public class ActionPlanBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_opens_HSNs_action_plan_sees_the_seeds_sums_and_changes_an_effect()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "analytiker", "demo-2025");

        await page.GotoAsync(baseUrl + "/atgardsplaner");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ekonomisk handlingsplan 2025–2027" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ekonomisk handlingsplan 2025–2027", Level = 1 })).ToBeVisibleAsync();
        await PageChecks.WaitUntilInteractiveAsync(page);
        var summa = page.Locator("#atgarder-tabell tr", new() { HasText = "SUMMA" });
        var deviation = page.Locator("#atgarder-tabell tr", new() { HasText = "Avvikelse" });
        await Assertions.Expect(summa.Locator("td")).ToHaveTextAsync(["240", "235", "215", "690"]);
        await Assertions.Expect(page.Locator("#atgarder-tabell tr", new() { HasText = "Uppdrag" }).Locator("td")).ToHaveTextAsync(["225", "250", "95", "570"]);
        await Assertions.Expect(deviation.Locator("td")).ToHaveTextAsync(
            ["▲ 15 mer än kravet", "▼ −15 mindre än kravet", "▲ 120 mer än kravet", "▲ 120 mer än kravet"]);
        await Assertions.Expect(page.Locator("#ram-tabell tr", new() { HasText = "Underskott" }).Locator("td")).ToHaveTextAsync(["−570", "−345", "−95", "0"]);
        await Assertions.Expect(page.Locator("#atgardsplan-diagram .main-svg").First).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "The page scrolls sideways at 390 px.");

        // Hyroberonde vård plans 55 instead of 70 in 2025 (typed the Swedish way): SUMMA 225, no deviation left that year.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra Hyroberonde vård" }).ClickAsync();
        var field = page.Locator("#edit-effect-2025");
        await field.FillAsync("55,0");
        await field.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara åtgärden" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status].form-message")).ToHaveTextAsync("Åtgärden Hyroberonde vård är sparad.");
        await Assertions.Expect(summa.Locator("td")).ToHaveTextAsync(["225", "235", "215", "675"]);
        await Assertions.Expect(deviation.Locator("td")).ToHaveTextAsync(
            ["= 0 som kravet", "▼ −15 mindre än kravet", "▲ 120 mer än kravet", "▲ 105 mer än kravet"]);
        await PageChecks.AssertNoViolationsAsync(page);

        // A number that is none is refused beside its field, in Swedish; saving then keeps the form open with what was
        // typed and saves nothing (it once saved the åtgärd's old figure and closed the form, hiding the message).
        await page.GetByRole(AriaRole.Button, new() { Name = "Ändra Läkemedel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Ändra åtgärden Läkemedel" })).ToBeVisibleAsync();
        await field.FillAsync("tjugo");
        await field.PressAsync("Tab");
        var notANumber = page.Locator("div.validation-message", new() { HasText = "Budget 2025: 'tjugo' är inget tal." });
        await Assertions.Expect(notANumber).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara åtgärden" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors li", new() { HasText = "Inget sparades" })).ToHaveTextAsync(
            "Inget sparades: rätta det som är markerat och spara igen.");
        await Assertions.Expect(notANumber).ToBeVisibleAsync();
        await Assertions.Expect(field).ToHaveValueAsync("tjugo");
        await Assertions.Expect(page.Locator("[role=status].form-message")).ToHaveTextAsync("");
        await Assertions.Expect(summa.Locator("td")).ToHaveTextAsync(["225", "235", "215", "675"]);
        await PageChecks.AssertNoViolationsAsync(page);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(("analytiker", "update"), await connection.QuerySingleAsync<(string, string)>(
            "select user_name, action from audit_log where entity = 'action_measure_effect'"));
    }
}
