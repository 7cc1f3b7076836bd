using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class PlanEditingBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_creates_a_plan_with_a_goal_area_and_a_goal_edits_copies_and_deletes_and_every_page_is_accessible()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden'), ('0022', 'RS', 'Regionstyrelsen');
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, owner_committee_id)
            values ('0022', 'N79173', 'Medicinsk bedömning inom 3 dagar', '%', 'higher', 'year', '0022', (select id from committee where area_id = '0022' and code = 'HSN'));
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        // The plans page, from the analyst's menu.
        await page.GetByRole(AriaRole.Link, new() { Name = "Planer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Planer");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Importera plan" })).ToHaveAttributeAsync("href", "planer/import");
        var create = page.GetByRole(AriaRole.Button, new() { Name = "Skapa planen" });
        await Assertions.Expect(create).ToBeEnabledAsync();   // the circuit is up: typed values stay
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "plans");

        // A plan whose last year lies before its first is refused in Swedish, beside the field.
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Regionplan 2027–2030");
        await page.GetByLabel("Första år").FillAsync("2030");
        await page.GetByLabel("Sista år").FillAsync("2027");
        await create.ClickAsync();
        await Assertions.Expect(page.Locator("div.validation-message")).ToHaveTextAsync("Planens sista år (2027) kan inte ligga före dess första år (2030).");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "plans-invalid");

        // Each field left as a person leaves it, so its change reaches the server before the click; creating the plan and
        // opening its page may take longer than the default 5 s on a loaded machine (seen once in CI).
        await page.GetByLabel("Första år").FillAsync("2027");
        await page.GetByLabel("Första år").PressAsync("Tab");
        await page.GetByLabel("Sista år").FillAsync("2030");
        await page.GetByLabel("Sista år").PressAsync("Tab");
        await create.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Regionplan 2027–2030", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Planen är skapad.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara planen" })).ToBeEnabledAsync();

        // A målområde: an empty name is refused in Swedish, then it is added.
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt målområde" }).ClickAsync();
        var areaForm = page.Locator("form", new() { Has = page.Locator("legend", new() { HasText = "Nytt målområde" }) });
        await areaForm.GetByLabel("Kod").FillAsync("1");
        await areaForm.GetByRole(AriaRole.Button, new() { Name = "Lägg till målområdet" }).ClickAsync();
        await Assertions.Expect(areaForm.Locator("div.validation-message")).ToHaveTextAsync("Ange målområdets namn.");
        await areaForm.GetByLabel("Namn", new() { Exact = true }).FillAsync("Ett attraktivt Västernorrland");
        await areaForm.GetByRole(AriaRole.Button, new() { Name = "Lägg till målområdet" }).ClickAsync();
        await Assertions.Expect(page.Locator("section.goal-area h3")).ToHaveTextAsync("Målområde 1 Ett attraktivt Västernorrland");

        // A mål with an owner and a contributing nämnd.
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt mål i målområde 1" }).ClickAsync();
        var goalForm = page.Locator("form", new() { Has = page.Locator("legend", new() { HasText = "Nytt mål" }) });
        await goalForm.GetByLabel("Kod").FillAsync("1.1");
        await goalForm.GetByLabel("Namn", new() { Exact = true }).FillAsync("Vi agerar som en sammanhållande kraft");
        await goalForm.GetByLabel("Ansvarig nämnd").SelectOptionAsync("HSN");
        await goalForm.GetByLabel("Regionstyrelsen (RS)").CheckAsync();
        await goalForm.GetByRole(AriaRole.Button, new() { Name = "Lägg till målet" }).ClickAsync();
        var goal = page.Locator("ul.goals > li").First;
        await Assertions.Expect(goal.Locator("h4")).ToHaveTextAsync("Mål 1.1 Vi agerar som en sammanhållande kraft");
        await Assertions.Expect(goal.Locator(".goal-facts")).ToContainTextAsync("Ansvarig: Hälso- och sjukvårdsnämnden");
        await Assertions.Expect(goal.Locator(".goal-facts")).ToContainTextAsync("Bidrar: RS");

        // An indicator of the goal is listed with its read and edit links.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("insert into goal_indicator (goal_id, indicator_id) select g.id, i.id from goal g, indicator i");
        }

        await page.ReloadAsync();
        await Assertions.Expect(goal.GetByRole(AriaRole.Link, new() { Name = "Medicinsk bedömning inom 3 dagar", Exact = true })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^indikator/\\d+$"));
        await Assertions.Expect(goal.GetByRole(AriaRole.Link, new() { Name = "redigera Medicinsk bedömning inom 3 dagar" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^indikatorer/\\d+/redigera$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara planen" })).ToBeEnabledAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "plan-edit");

        // Edit the mål's name.
        await goal.GetByRole(AriaRole.Button, new() { Name = "Ändra mål 1.1" }).ClickAsync();
        var editForm = page.Locator("form", new() { Has = page.Locator("legend", new() { HasText = "Ändra mål 1.1" }) });
        await editForm.GetByLabel("Namn", new() { Exact = true }).FillAsync("Vi är en sammanhållande kraft");
        await PageChecks.AssertNoViolationsAsync(page);
        await editForm.GetByRole(AriaRole.Button, new() { Name = "Spara målet" }).ClickAsync();
        await Assertions.Expect(goal.Locator("h4")).ToHaveTextAsync("Mål 1.1 Vi är en sammanhållande kraft");

        // A copy of the version, as an opposition proposal, takes the målområde and mål along.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny version" }).ClickAsync();
        var versionForm = page.Locator("form", new() { Has = page.Locator("legend", new() { HasText = "Ny version" }) });
        await versionForm.GetByLabel("Namn", new() { Exact = true }).FillAsync("Oppositionens förslag");
        await versionForm.GetByLabel("Sort").SelectOptionAsync("proposal");
        await PageChecks.AssertNoViolationsAsync(page);
        await versionForm.GetByRole(AriaRole.Button, new() { Name = "Skapa versionen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2", new() { HasText = "Målområden och mål i" })).ToHaveTextAsync("Målområden och mål i ”Oppositionens förslag”");
        await Assertions.Expect(page.Locator("ul.goals > li h4")).ToHaveTextAsync("Mål 1.1 Vi är en sammanhållande kraft");

        // Delete the mål in the copy: it goes, after a confirmation.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara planen" })).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort mål 1.1" }).ClickAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, ta bort målet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Mål 1.1 är borttaget.");
        await Assertions.Expect(page.Locator("ul.goals")).ToHaveCountAsync(0);

        // The read-only goal page offers analysts a way back to the goal's place in the editor.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            var goalId = await connection.ExecuteScalarAsync<int>(
                "select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id where v.is_current");
            await page.GotoAsync($"{baseUrl}/mal/{goalId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Redigera målet" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/planer/\\d+#mal-{goalId}$"));
            await Assertions.Expect(page.Locator($"#mal-{goalId} h4")).ToHaveTextAsync("Mål 1.1 Vi är en sammanhållande kraft");
        }

        // The nämnder: one is added and deleted; one still responsible for an indicator cannot be deleted, and says why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nämnder i Region Västernorrland" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nämnder");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lägg till nämnden" })).ToBeEnabledAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "committees-edit");
        await page.GetByLabel("Förkortning").FillAsync("KN");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Kulturnämnden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till nämnden" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.committees")).ToContainTextAsync("Kulturnämnden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Kulturnämnden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Nämnden KN är borttagen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Hälso- och sjukvårdsnämnden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToHaveTextAsync(
            "Nämnden HSN kan inte tas bort: den är ansvarig för mål 1.1 och den är ansvarig för indikatorn N79173. Byt nämnd där först.");
        await PageChecks.AssertNoViolationsAsync(page);

        // Each kind of change is in the audit log under the analyst's name.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            var logged = (await connection.QueryAsync<(string Entity, string Action)>(
                "select entity, action from audit_log where user_name = 'alva' and entity <> 'user' order by id")).ToList();
            Assert.Equal(
                [("plan", "create"), ("plan_version", "create"), ("goal_area", "create"), ("goal", "create"), ("goal", "update"),
                 ("plan_version", "copy"), ("goal", "delete"), ("committee", "create"), ("committee", "delete")],
                logged);
        }
    }
}
