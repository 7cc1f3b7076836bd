using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// The Områden page: every area with its Kolada id and SCB code, found by search and län, and comparison groups an
/// analyst creates, changes and deletes (audited), at 390 px without sideways scrolling and with no axe violations.
/// </summary>
[Collection(BrowserTests.Name)]
public class AreasBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_finds_a_kommun_and_manages_a_comparison_group_which_Ledning_only_reads()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await TestUsers.CreateAsync(connectionString, "leo", "Ledning");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/omraden");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("Visar 1–50 av 312 områden.");
        await page.GetByLabel("Sök namn eller kod").FillAsync("Sundsvall");
        var sundsvall = page.Locator("table.areas tbody tr");
        await Assertions.Expect(sundsvall).ToHaveCountAsync(1);
        await Assertions.Expect(sundsvall).ToContainTextAsync("Kommun");
        await Assertions.Expect(sundsvall).ToContainTextAsync("2281");
        await Assertions.Expect(sundsvall).ToContainTextAsync("Region Västernorrland");
        await page.GetByLabel("Sök namn eller kod").FillAsync("");
        await page.GetByLabel("Län", new() { Exact = true }).SelectOptionAsync("25");
        await page.GetByLabel("Typ", new() { Exact = true }).SelectOptionAsync("municipality");
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("Visar 1–14 av 14 områden.");
        await Assertions.Expect(page.Locator(".groups")).ToContainTextAsync("Norra sjukvårdsregionen");
        await PageChecks.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "The page scrolls sideways at 390 px.");

        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Norrlandsstäder");
        await page.Locator("#new-member-0022").CheckAsync();
        await page.Locator("#new-kommun").SelectOptionAsync("2480");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".chosen")).ToContainTextAsync("Umeå (2480)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till gruppen" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=groups-heading] [role=status]")).ToHaveTextAsync("Gruppen Norrlandsstäder är tillagd.");
        var group = page.Locator("li.group", new() { HasText = "Norrlandsstäder" });
        await Assertions.Expect(group).ToContainTextAsync("2 områden: Region Västernorrland och Umeå");
        await PageChecks.AssertNoViolationsAsync(page);

        // A second group by the same name is refused beside the name field.
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("NORRLANDSSTÄDER");
        await page.Locator("#new-member-0024").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till gruppen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message").First).ToContainTextAsync("Det finns redan en grupp som heter");

        await group.GetByRole(AriaRole.Button, new() { Name = "Ändra Norrlandsstäder" }).ClickAsync();
        await page.Locator("#edit-member-0024").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara gruppen" }).ClickAsync();
        await Assertions.Expect(group).ToContainTextAsync("3 områden");
        await PageChecks.AssertNoViolationsAsync(page);

        var reader = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(reader, baseUrl, "leo", TestUsers.Password);
        await reader.GotoAsync(baseUrl + "/omraden");
        await Assertions.Expect(reader.Locator("li.group", new() { HasText = "Norrlandsstäder" })).ToContainTextAsync("3 områden");
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Lägg till gruppen" })).ToHaveCountAsync(0);
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Ta bort Norrlandsstäder" })).ToHaveCountAsync(0);

        await group.GetByRole(AriaRole.Button, new() { Name = "Ta bort Norrlandsstäder" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.group", new() { HasText = "Norrlandsstäder" })).ToHaveCountAsync(0);

        await using var connection = new NpgsqlConnection(connectionString);
        var actions = (await connection.QueryAsync<(string User, string Action)>(
            "select user_name, action from audit_log where entity = 'area_group' order by id")).ToList();
        Assert.Equal([("alva", "create"), ("alva", "update"), ("alva", "delete")], actions);
    }
}
