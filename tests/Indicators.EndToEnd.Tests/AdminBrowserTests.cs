using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class AdminBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_administrator_creates_a_user_changes_roles_resets_the_password_and_deactivates_and_every_change_is_audited()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, "insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing; insert into committee (area_id, code, name) values ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden')");
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "adam", TestUsers.Password);

        // A new account: the store's rule (a Nämnd role needs its nämnd) shows in Swedish; then a one-time password, shown once.
        await page.GotoAsync(baseUrl + "/admin/anvandare");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Användarnamn", new() { Exact = true }).FillAsync("nora");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Nora Nämnd");
        await page.GetByLabel("Nämnd – läser allt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("Rollen Nämnd behöver en nämnd. Välj vilken.");
        await PageChecks.AssertNoViolationsAsync(page);

        await page.GetByLabel("Nämnd för rollen Nämnd").SelectOptionAsync(new SelectOptionValue { Label = "Hälso- och sjukvårdsnämnden" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-message")).ToHaveTextAsync("Användaren nora är skapad.");
        var firstPassword = await page.Locator(".one-time-password .password").InnerTextAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "nora" })).ToContainTextAsync("Nämnd (Hälso- och sjukvårdsnämnden)");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "nora" })).ToContainTextAsync("Aktiv, ska byta engångslösenordet");

        // Nora signs in with it and can do nothing before she has chosen her own password.
        var nora = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(nora, baseUrl, "nora", firstPassword);
        await Assertions.Expect(nora).ToHaveURLAsync(baseUrl + "/konto/losenord");
        await Assertions.Expect(nora.Locator(".notice")).ToContainTextAsync("Du har loggat in med ett engångslösenord.");
        await PageChecks.AssertNoViolationsAsync(nora);
        await nora.GetByLabel("Nuvarande lösenord").FillAsync(firstPassword);
        await nora.GetByLabel("Nytt lösenord (minst 12 tecken)").FillAsync("noras egen lösenfras");
        await nora.GetByLabel("Upprepa det nya lösenordet").FillAsync("noras egen lösenfras");
        await nora.GetByRole(AriaRole.Button, new() { Name = "Byt lösenord" }).ClickAsync();
        await Assertions.Expect(nora.GetByRole(AriaRole.Status)).ToContainTextAsync("Lösenordet är bytt.");
        await nora.GotoAsync(baseUrl + "/namnder");
        await Assertions.Expect(nora).ToHaveURLAsync(baseUrl + "/namnder");

        // Her page: a second role (Granskare of every nämnd), at phone width without sideways scrolling.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nora Nämnd" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nora Nämnd");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Granskare – läser allt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara rollerna" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-message")).ToHaveTextAsync(
            "Rollerna är sparade: Granskare (alla nämnder) och Nämnd (Hälso- och sjukvårdsnämnden).");
        await page.SetViewportSizeAsync(390, 900);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the user page scrolls sideways at 390 px");
        await PageChecks.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(1280, 900);

        // A reset: her open session ends at once, and the new one-time password works (and must be changed again).
        await page.GetByRole(AriaRole.Button, new() { Name = "Återställ lösenordet" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, återställ lösenordet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-message")).ToHaveTextAsync("Lösenordet är återställt och användarens inloggningar är avslutade.");
        var secondPassword = await page.Locator(".one-time-password .password").InnerTextAsync();
        Assert.NotEqual(firstPassword, secondPassword);
        await nora.GotoAsync(baseUrl + "/namnder");
        Assert.StartsWith(baseUrl + "/logga-in", nora.Url, StringComparison.Ordinal);

        // Deactivated: she cannot sign in; reactivated: she can, with the one-time password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Inaktivera kontot" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, inaktivera kontot" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-message")).ToHaveTextAsync("Kontot är inaktiverat och användarens inloggningar är avslutade.");
        await Assertions.Expect(page.Locator(".user-facts")).ToContainTextAsync("Inaktiverad");
        await PageChecks.SignInAsync(nora, baseUrl, "nora", secondPassword);
        await Assertions.Expect(nora.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fel användarnamn eller lösenord.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktivera kontot" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-message")).ToHaveTextAsync("Kontot är aktiverat.");
        await PageChecks.SignInAsync(nora, baseUrl, "nora", secondPassword);
        await Assertions.Expect(nora).ToHaveURLAsync(baseUrl + "/konto/losenord");

        await using var connection = new NpgsqlConnection(connectionString);
        var entries = (await connection.QueryAsync<(string Action, string Entity)>(
            "select action, entity from audit_log where user_name = 'adam' order by id")).ToList();
        Assert.Equal(
            [("sign-in", "user"), ("create", "user"), ("update", "user"), ("password-reset", "user"), ("end", "user_session"), ("update", "user"), ("update", "user")],
            entries);
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
