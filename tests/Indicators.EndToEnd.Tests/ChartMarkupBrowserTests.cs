using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class ChartMarkupBrowserTests(Browser browser)
{
    const string Region = """<b>Fet</b> <a href="https://evil.example">länk</a>""";
    const string Unit = "<i>%</i>";

    [Fact]
    public async Task A_region_name_and_a_unit_with_markup_are_drawn_as_their_literal_text_and_never_as_a_link()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        await using var connection = new NpgsqlConnection(connectionString);
        var indicator = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'N79173'");
        // A region in the comparison, and the indicator's unit, as a careless (or hostile) source or analyst could name them.
        await connection.ExecuteAsync("""
            update area set short_name = @Region
            where id = (select min(area_id) from observation where indicator_id = @Indicator and area_id not in ('0000', '0022'));
            update indicator set unit = @Unit where id = @Indicator;
            """, new { Region, Unit, Indicator = indicator });
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");

        await page.GotoAsync($"{baseUrl}/indikator/{indicator}");
        // Each chart: its drawing and, in a second SVG on top, its titles and legend.
        var peers = page.Locator("#jamforelse-diagram");
        var outcomes = page.Locator("#utfall-diagram");
        await peers.Locator(".main-svg").First.WaitForAsync();
        await outcomes.Locator(".main-svg").First.WaitForAsync();

        await Assertions.Expect(page.Locator("#jamforelse-diagram svg a, #utfall-diagram svg a")).ToHaveCountAsync(0);
        Assert.Contains(Region, await peers.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(Unit, await peers.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(Unit, await outcomes.TextContentAsync(), StringComparison.Ordinal);
        // Plotly turns <b> into a bold tspan: there is none.
        await Assertions.Expect(page.Locator("#jamforelse-diagram svg tspan[style*='bold'], #utfall-diagram svg tspan[style*='italic']")).ToHaveCountAsync(0);
    }
}
