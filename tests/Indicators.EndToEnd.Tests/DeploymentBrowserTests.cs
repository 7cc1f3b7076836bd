using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>The app in the environment the README's `dotnet run` gives it (Production): its pages still turn interactive.</summary>
[Collection(BrowserTests.Name)]
public class DeploymentBrowserTests(Browser browser)
{
    [Fact]
    public async Task As_dotnet_run_starts_it_the_Blazor_script_is_served_and_an_indicator_page_draws_its_charts()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" })
        {
            EnvironmentName = LaunchProfile.EnvironmentName,
        };
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var indicator = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'N79173'");

        await page.GotoAsync($"{baseUrl}/indikator/{indicator}");

        // Charts are drawn by the circuit: only once blazor.web.js has loaded and connected.
        await page.Locator("#utfall-diagram .main-svg").First.WaitForAsync();
    }
}
