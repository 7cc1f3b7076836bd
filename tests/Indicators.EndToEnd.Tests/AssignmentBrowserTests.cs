using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Uppdrag in the browser on the demo: an analyst creates a riktat uppdrag from Regionfullmäktige to two nämnder through
/// the form, and finds it in /uppdrag filtered by each nämnd; every uppdrag page at 390 px without sideways scrolling
/// and with no axe violations.
/// </summary>
[Collection(BrowserTests.Name)]
public class AssignmentBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_creates_a_riktat_uppdrag_to_two_nämnder_and_each_nämnds_filtered_list_shows_it()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "analytiker", "demo-2025");

        async Task CheckPageAsync()
        {
            await PageChecks.AssertNoViolationsAsync(page);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), $"{page.Url} scrolls sideways at 390 px.");
        }

        await page.GotoAsync(baseUrl + "/uppdrag");
        // Both organisations' uppdrag: Västernorrland's 22 and Västerbotten's 13 riktade uppdrag for 2025, now late.
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("35 uppdrag, 14 försenade.");
        await CheckPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt uppdrag" }).ClickAsync();
        await PageChecks.WaitUntilInteractiveAsync(page);
        await CheckPageAsync();
        await page.GetByLabel("Kod").FillAsync("RF-2026-1");
        await page.GetByLabel("Uppdragets text").FillAsync("Ta fram konsekvensunderlag och förslag på åtgärder för att minska personalkostnaden");
        await page.GetByLabel("Givet av").SelectOptionAsync(new SelectOptionValue { Label = "Regionfullmäktige" });
        await page.GetByLabel("Mål som uppdraget hör till").SelectOptionAsync(new SelectOptionValue { Label = "E.1 God ekonomisk hushållning" });
        await page.GetByLabel("Slutdatum").FillAsync("2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara uppdraget" }).ClickAsync();
        // No receiver yet: refused beside the receivers, in Swedish.
        await Assertions.Expect(page.Locator(".receivers .validation-message")).ToHaveTextAsync("Välj minst en mottagare (nämnd eller förvaltning).");
        await CheckPageAsync();

        await page.GetByLabel("Hälso- och sjukvårdsnämnden", new() { Exact = true }).SelectOptionAsync("committee");
        await page.GetByLabel("Regionstyrelsen", new() { Exact = true }).SelectOptionAsync("committee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara uppdraget" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Uppdrag RF-2026-1");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Hälso- och sjukvårdsnämnden och Regionstyrelsen");
        await Assertions.Expect(page.Locator("p.state")).ToContainTextAsync("Ej påbörjat");
        await CheckPageAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        var committees = (await connection.QueryAsync<(string Code, int Id)>("select code, id from committee where area_id = '0022'")).ToDictionary(c => c.Code, c => c.Id);
        foreach (var code in new[] { "HSN", "RS" })
        {
            await page.GotoAsync($"{baseUrl}/uppdrag?mottagare={committees[code]}");
            await Assertions.Expect(page.Locator(".assignment-list li", new() { HasText = "RF-2026-1" })).ToHaveCountAsync(1);
        }

        await page.GotoAsync($"{baseUrl}/uppdrag?mottagare={committees["RUN"]}");
        await Assertions.Expect(page.Locator(".assignment-list li", new() { HasText = "RF-2026-1" })).ToHaveCountAsync(0);
        // Both organisations have a Regionstyrelsen: the choice says whose.
        await page.GetByLabel("Mottagare").SelectOptionAsync(new SelectOptionValue { Label = "Regionstyrelsen (Region Västernorrland)" });
        await page.GetByLabel("Slutdatum").SelectOptionAsync("forsenade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("1 uppdrag, 1 försenat.");
        await Assertions.Expect(page.Locator(".assignment-list")).ToContainTextAsync("Försenat");
        await CheckPageAsync();

        Assert.Equal(["assignment create", "assignment_receiver create", "assignment_receiver create"], await connection.QueryAsync<string>(
            "select entity || ' ' || action from audit_log where entity like 'assignment%' and user_name = 'analytiker' order by id"));
    }
}
