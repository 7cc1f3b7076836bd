using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class AdminBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_can_sign_in_and_every_change_is_audited()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, "insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing; insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden')");
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "adam", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/admin/anvandare");
        await page.GetByLabel("Användarnamn", new() { Exact = true }).FillAsync("nora");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Nora Nämnd");
        await page.GetByLabel("Lösenord (minst 12 tecken)").FillAsync("kort");
        await page.GetByLabel("Roll", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nämnd" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();

        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("Lösenordet ska vara minst 12 tecken.");
        await PageChecks.AssertNoViolationsAsync(page);

        await page.GetByLabel("Lösenord (minst 12 tecken)").FillAsync("ett-långt-lösenord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("En nämndroll behöver en nämnd.");

        await page.GetByLabel("Lösenord (minst 12 tecken)").FillAsync("ett-långt-lösenord");
        await page.GetByLabel("Nämnd (för rollen Nämnd)").SelectOptionAsync(new SelectOptionValue { Label = "Hälso- och sjukvårdsnämnden" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Användaren nora är skapad.");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "nora" })).ToContainTextAsync("Namnd (HSN)");

        await page.Locator("tr", new() { HasText = "nora" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "nora" })).ToContainTextAsync("Inaktiverad");

        await page.GotoAsync(baseUrl + "/admin/granskningslogg");
        await PageChecks.AssertNoViolationsAsync(page);
        await using var connection = new NpgsqlConnection(connectionString);
        var entries = (await connection.QueryAsync<(string User, string Action, string Entity)>(
            "select user_name, action, entity from audit_log where entity = 'user' and user_name = 'adam' order by id")).ToList();
        Assert.Equal([("adam", "sign-in", "user"), ("adam", "create", "user"), ("adam", "update", "user")], entries);

        var other = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(other, baseUrl, "nora", "ett-långt-lösenord");
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fel användarnamn eller lösenord.");
    }

    [Fact]
    public async Task The_Hangfire_dashboard_opens_for_an_administrator_and_is_refused_to_an_analyst()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();

        var admin = await browser.Instance.NewPageAsync();
        await PageChecks.SignInAsync(admin, baseUrl, "adam", TestUsers.Password);
        await admin.GotoAsync(baseUrl + "/hangfire");
        await Assertions.Expect(admin).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Hangfire"));

        var analyst = await browser.Instance.NewPageAsync();
        await PageChecks.SignInAsync(analyst, baseUrl, "alva", TestUsers.Password);
        await analyst.GotoAsync(baseUrl + "/hangfire");
        await Assertions.Expect(analyst.Locator("h1")).ToHaveTextAsync("Ingen behörighet");
    }
}
