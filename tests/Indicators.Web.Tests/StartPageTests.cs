using System.Net;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests;

public class StartPageTests
{
    static Dictionary<string, string?> WithDemo => new() { ["DemoPlan:Enabled"] = "true" };

    [Fact]
    public async Task The_start_page_shows_the_plan_from_the_database_with_targets_in_Swedish_format()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateEmptyDatabaseAsync(), WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");

        // The start page shows the målvärde of the chosen period's year; 2027's is the plan's end target.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?period=2027", UriKind.Relative)));

        Assert.Contains("Regionplan 2025–2027", html, StringComparison.Ordinal);
        Assert.Contains("Region Västernorrland", html, StringComparison.Ordinal);
        Assert.Contains("Vi erbjuder vård som utgår från individens behov och är tillgänglig", html, StringComparison.Ordinal);
        Assert.Contains("Ekonomin är en förutsättning", html, StringComparison.Ordinal);
        Assert.Contains("Listade patienter per allmänspecialist", html, StringComparison.Ordinal);
        Assert.Contains("1\u00A0100\u00A0patienter", html, StringComparison.Ordinal);
        Assert.Contains("Demodata.", html, StringComparison.Ordinal);
        Assert.Contains("exempel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_changed_in_the_database_shows_on_the_start_page()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "hsn", "demo-2025");
        await client.GetStringAsync(new Uri("/", UriKind.Relative));

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("""
                update target set value = 1234
                where year = 2026 and indicator_id = (select id from indicator where code = 'LISTADE_PER_ALLMANSPECIALIST')
                """);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/?period=2026", UriKind.Relative)));
        Assert.Contains("1\u00A0234\u00A0patienter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_database_without_the_demo_plan_says_there_is_no_plan_yet()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateEmptyDatabaseAsync(), new Dictionary<string, string?> { ["Admin:InitialPassword"] = TestUsers.Password });
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "admin");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.Contains("Inga planer ännu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_a_Swedish_not_found_page()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "anna", "Ledning");
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "anna");

        var response = await client.GetAsync(new Uri("/finns-inte", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
