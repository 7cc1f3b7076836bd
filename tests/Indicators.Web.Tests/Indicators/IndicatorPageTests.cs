using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Indicators;

public class IndicatorPageTests
{
    static Dictionary<string, string?> WithDemo => new() { ["DemoPlan:Enabled"] = "true" };

    [Fact]
    public async Task The_indicator_page_of_the_demo_plan_answers_with_the_indicators_name_definition_and_status()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "hsn", "demo-2025");
        await client.GetStringAsync(new Uri("/", UriKind.Relative));
        await using var connection = new NpgsqlConnection(connectionString);
        var (id, name, planId) = await connection.QuerySingleAsync<(int, string, int)>(
            "select i.id, i.name, (select id from plan where area_id = '0022') from indicator i where i.area_id = '0022' and i.code = 'N79222'");

        var response = await client.GetAsync(new Uri($"/indikator/{id}?plan={planId}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<h1[^>]*>{Regex.Escape(name)}</h1>", html);
        Assert.Contains("N79222", html, StringComparison.Ordinal);
        Assert.Contains("Hälso- och sjukvårdsnämnden", html, StringComparison.Ordinal);
        Assert.Contains("Målvärde", html, StringComparison.Ordinal);
        Assert.Contains("Jämförelse med andra regioner", html, StringComparison.Ordinal);
        // As a word: the page's antiforgery token is random base64 and may hold the letters "NaN".
        Assert.DoesNotMatch(@"\bNaN\b", html);
    }

    [Fact]
    public async Task A_count_of_inhabitants_reads_in_invånare_on_its_page_and_on_the_overview()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");
        var overview = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        await using var connection = new NpgsqlConnection(connectionString);
        var id = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'FOLKMANGD'");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/indikator/{id}", UriKind.Relative)));

        Assert.Contains("antal (invånare), 0 decimaler", html, StringComparison.Ordinal);
        Assert.Matches("\\d\u00A0\\d{3}\u00A0invånare", html);
        Assert.DoesNotMatch("\\d\u00A0antal", html);
        Assert.Matches("\\d\u00A0\\d{3}\u00A0invånare", overview);
        Assert.Matches("\\d\u00A0\\d{3}\u00A0patienter", overview);
        Assert.DoesNotMatch("\\d\u00A0antal", overview);
    }

    [Fact]
    public async Task An_unknown_indicator_gives_a_Swedish_not_found_text()
    {
        await using var app = new TestWebApp(await TestPostgres.CreateEmptyDatabaseAsync(), WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "ledning", "demo-2025");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/indikator/987654", UriKind.Relative)));

        Assert.Contains("Indikatorn finns inte", html, StringComparison.Ordinal);
        Assert.Contains("Det finns ingen indikator med nummer 987654.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_indicator_without_plan_or_outcomes_still_has_a_page_that_says_so_in_Swedish()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, WithDemo);
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "analytiker", "demo-2025");
        await client.GetStringAsync(new Uri("/", UriKind.Relative));
        await using var connection = new NpgsqlConnection(connectionString);
        var id = await connection.ExecuteScalarAsync<int>("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'NY', 'Ny indikator utan data', 'antal', 'higher', 'year', '0022') returning id
            """);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/indikator/{id}", UriKind.Relative)));

        Assert.Matches("<h1[^>]*>Ny indikator utan data</h1>", html);
        Assert.Contains("Indikatorn ingår inte i någon plan", html, StringComparison.Ordinal);
        Assert.Contains("Inga utfall finns ännu för Ny indikator utan data i Region Västernorrland.", html, StringComparison.Ordinal);
        Assert.Contains("Det finns inga värden för andra regioner att jämföra Ny indikator utan data med.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("utfall-diagram", html, StringComparison.Ordinal);
    }
}
