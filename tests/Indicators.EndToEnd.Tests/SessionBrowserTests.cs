using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Users;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// An open interactive page (a Blazor circuit) of a user an administrator deactivates: its next save is refused and
/// ends the page's session at once, and an idle page loses its session at the next revalidation; either way the page
/// reloads and the server sends the sign-in page.
/// </summary>
[Collection(BrowserTests.Name)]
public class SessionBrowserTests(Browser browser)
{
    const string DemoPassword = "demo-2025";

    static async Task<(TestWebApp App, string BaseUrl, string ConnectionString, string ReportPath)> DemoAsync(string revalidationInterval)
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            ["DemoPlan:Enabled"] = "true",
            ["Authentication:Session:RevalidationInterval"] = revalidationInterval,
        });
        var baseUrl = app.StartKestrel();
        await using var connection = new NpgsqlConnection(connectionString);
        var committee = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        var period = await connection.ExecuteScalarAsync<int>("select id from report_period where kind = 'interim' and year = 2026");
        return (app, baseUrl, connectionString, $"/rapporter/{period}/namnd/{committee}");
    }

    static async Task DeactivateAsync(string connectionString, string userName)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var users = new UserQueries(dataSource);
        await new UserAdministration(dataSource).SetActiveAsync((await users.FindAsync(userName))!.Value.User.Id, active: false, new Actor("admin.demo", null));
    }

    async Task<IPage> OpenReportAsync(string baseUrl, string reportPath)
    {
        var context = await browser.Instance.NewContextAsync(new() { Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, baseUrl, "hsn", DemoPassword);
        await page.GotoAsync(baseUrl + reportPath);
        await PageChecks.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task A_save_on_an_open_page_after_the_user_was_deactivated_stores_nothing_and_ends_the_pages_session()
    {
        // Revalidation far off: only the save's own check of the account can stop it.
        var (app, baseUrl, connectionString, reportPath) = await DemoAsync("00:10:00");
        await using var _ = app;
        var page = await OpenReportAsync(baseUrl, reportPath);

        await DeactivateAsync(connectionString, "hsn");
        var goal = page.Locator("article.report-goal").First;
        await goal.GetByLabel("Analys").FillAsync("Skrivet efter inaktiveringen.");
        await goal.GetByLabel("Analys").PressAsync("Tab");
        await goal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = false }).First.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Logga in");
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from goal_assessment"));
    }

    [Fact]
    public async Task An_open_page_of_a_deactivated_user_loses_its_session_at_the_next_revalidation()
    {
        var (app, baseUrl, connectionString, reportPath) = await DemoAsync("00:00:01");
        await using var _ = app;
        var page = await OpenReportAsync(baseUrl, reportPath);

        await DeactivateAsync(connectionString, "hsn");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Logga in", new() { Timeout = 15_000 });
        Assert.Contains("/logga-in", page.Url, StringComparison.Ordinal);
    }
}
