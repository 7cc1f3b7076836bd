using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class GoalRuleBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_sets_the_plans_goal_rule_on_the_plan_page_with_Swedish_errors_beside_the_fields_and_every_state_is_accessible()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "analytiker", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var planId = await connection.ExecuteScalarAsync<int>("select id from plan where area_id = '0022'");

        await page.GotoAsync($"{baseUrl}/planer/{planId}");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Spara regeln för målförslag" });
        await Assertions.Expect(save).ToBeEnabledAsync();
        var form = page.Locator("form", new() { Has = save });
        await Assertions.Expect(page.Locator("#malforslag")).ToHaveTextAsync("Regel för målförslag i ”Fastställd plan”");
        await Assertions.Expect(form.GetByLabel("Uppfyllt när minst så stor andel av vikten räknas som uppnådd (%)")).ToHaveValueAsync("100");

        // Shares the wrong way round and a weight of 0 are refused beside their fields; nothing is saved.
        await form.GetByLabel("Uppfyllt när minst så stor andel av vikten räknas som uppnådd (%)").FillAsync("40");
        await form.GetByLabel("Sjukfrånvaro bland medarbetare").FillAsync("0");
        await save.ClickAsync();
        var messages = form.Locator("div.validation-message");
        await Assertions.Expect(messages.First).ToHaveTextAsync("Andelen för uppfyllt (40\u00A0%) måste vara större än andelen för ej uppfyllt (50\u00A0%).");
        await Assertions.Expect(messages.Nth(1)).ToContainTextAsync("Vikten för Sjukfrånvaro bland medarbetare måste vara större än 0");
        await PageChecks.AssertNoViolationsAsync(page);
        Assert.Equal(100m, await connection.ExecuteScalarAsync<decimal>("select goal_met_share from plan_version"));

        await form.GetByLabel("Uppfyllt när minst så stor andel av vikten räknas som uppnådd (%)").FillAsync("60");
        await form.GetByLabel("Sjukfrånvaro bland medarbetare").FillAsync("2");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Regeln för målförslag i ”Fastställd plan” är sparad.");
        await Assertions.Expect(form.GetByLabel("Sjukfrånvaro bland medarbetare")).ToHaveValueAsync("2");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "plan-goal-rule");
        Assert.Equal((60m, 2m), await connection.QuerySingleAsync<(decimal, decimal)>(
            "select v.goal_met_share, w.weight from plan_version v join indicator_weight w on w.plan_version_id = v.id"));

        // The weight stands beside the indicator's goals on its edit page, with the way to change it.
        var sick = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'SJUKFRANVARO'");
        await page.GotoAsync($"{baseUrl}/indikatorer/{sick}/redigera");
        // Beside Sjukvårdspartiet's proposal, which links the indicator too with the default weight.
        await Assertions.Expect(page.Locator(".goal-version .hint", new() { HasText = "Vikt i versionens målförslag: 2" })).ToHaveCountAsync(1);
        await PageChecks.AssertNoViolationsAsync(page);

        // The rules page states the plan's own rule.
        await page.GotoAsync($"{baseUrl}/sa-bedoms-maluppfyllelse?plan={planId}");
        await Assertions.Expect(page.Locator("#planens-regel")).ToHaveTextAsync("Regeln i Regionplan 2025–2027 (Fastställd plan)");
        await Assertions.Expect(page.GetByText("Planen har egna andelar.")).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
    }
}
