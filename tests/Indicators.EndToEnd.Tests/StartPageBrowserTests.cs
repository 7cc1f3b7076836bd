using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class StartPageBrowserTests(Browser browser)
{
    static async Task<(TestWebApp App, string BaseUrl, string ConnectionString)> StartApp()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        return (app, app.StartKestrel(), connectionString);
    }

    /// <summary>Signs in through the form, as a person does, and lands on the start page.</summary>
    static async Task SignIn(IPage page, string baseUrl, string userName = "ledning", string password = "demo-2025")
    {
        await page.GotoAsync(baseUrl);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Logga in");
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
    }

    [Fact]
    public async Task A_person_opening_the_app_sees_the_plan_as_goal_areas_goals_and_indicators_with_targets()
    {
        var (app, baseUrl, _) = await StartApp();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });

        await SignIn(page, baseUrl);

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Regionplan 2025–2027");
        await Assertions.Expect(page.Locator("section.goal-area h2")).ToHaveCountAsync(4);

        // The målvärde shown is the chosen period's year's; 2027's is the plan's end target.
        await page.SelectOptionAsync("#period", "2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Helår 2027");
        var row = page.Locator("tr", new() { Has = page.GetByText("Listade patienter per allmänspecialist") });
        await Assertions.Expect(row.Locator("td.num").Last).ToHaveTextAsync("1\u00A0100\u00A0patienter");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.OutputFolder, "start-page.png"), FullPage = true });
    }

    [Fact]
    public async Task Choosing_another_plan_shows_that_plan()
    {
        var (app, baseUrl, _) = await StartApp();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await SignIn(page, baseUrl, "hsn");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Regionplan 2025–2027");
        // The demo holds Region Västerbotten's Regionplan 2024–2027 beside Västernorrland's (seed 001).
        await page.SelectOptionAsync("#plan", new SelectOptionValue { Label = "Regionplan 2024–2027, Region Västerbotten (2024–2027)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Regionplan 2024–2027");
        await Assertions.Expect(page.Locator("h2[id^='goal-area-']").First).ToContainTextAsync("Regionmål");

        // The start page remembers the choice: without ?plan= it opens Västerbotten's plan again.
        await page.GotoAsync(baseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Regionplan 2024–2027");
    }

    [Fact]
    public async Task The_sign_in_and_start_pages_have_no_WCAG_2_1_A_or_AA_violations()
    {
        var (app, baseUrl, _) = await StartApp();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await page.GotoAsync(baseUrl);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Logga in");
        await PageChecks.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.OutputFolder, "sign-in.png") });

        await SignIn(page, baseUrl);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Regionplan");
        await PageChecks.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.OutputFolder, "start.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Så bedöms måluppfyllelse" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Så bedöms måluppfyllelse");
        await PageChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_status_opens_its_explanation_from_the_keyboard()
    {
        var (app, baseUrl, _) = await StartApp();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await SignIn(page, baseUrl);
        await page.GotoAsync(baseUrl + "/?period=2026-JA");
        // The mål's row (HSN's delmål lists the indicator again further down).
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Listade patienter per allmänspecialist" }).First;
        var explanation = row.GetByText("Ej uppnått: utfall 1 341 patienter mot målvärde 1 200 patienter");
        await Assertions.Expect(explanation).ToBeHiddenAsync();

        await row.Locator("summary").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(explanation).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("summary").First).ToHaveTextAsync("✕ Ej uppnått");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Swedish_message_on_the_sign_in_page()
    {
        var (app, baseUrl, _) = await StartApp();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });

        await SignIn(page, baseUrl, "ledning", "fel");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fel användarnamn eller lösenord.");
    }

    [Fact]
    public async Task The_error_bar_stays_hidden_while_the_stylesheets_are_still_on_their_way()
    {
        // On a slow machine the page is read before its stylesheets arrive; the error bar (role alert) must not show then.
        var (app, baseUrl, _) = await StartApp();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await page.RouteAsync("**/*.css", route => route.AbortAsync());

        await page.GotoAsync($"{baseUrl.TrimEnd('/')}/logga-in?fel=fel");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fel användarnamn eller lösenord.");
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_script_in_an_indicator_name_is_shown_as_text_and_never_runs()
    {
        var (app, baseUrl, connectionString) = await StartApp();
        await using var _app = app;
        const string name = "<script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\">";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("update indicator set name = @name where code = 'N79173'", new { name });
        }

        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await SignIn(page, baseUrl);

        // The name is a link in the summary's list of changed statuses and in its goal's table: text in both, never markup.
        var links = page.GetByRole(AriaRole.Link, new() { Name = name });
        await Assertions.Expect(links.First).ToBeVisibleAsync();
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.injected"));
    }
}
