using Dapper;
using Indicators.Core.Formatting;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class IndicatorBrowserTests(Browser browser)
{
    sealed record Stored(string Period, string Gender, decimal? Value, string Status);

    [Fact]
    public async Task An_indicator_page_shown_on_opening_stays_when_the_page_turns_interactive_without_reading_it_again()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var indicator = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'N79173'");

        // Data read anew when the page turns interactive would first show "Läser in indikatorn …".
        await PageChecks.RecordShownTextAsync(page);
        await page.GotoAsync($"{baseUrl}/indikator/{indicator}");
        await page.Locator("#utfall-diagram .main-svg").First.WaitForAsync();   // charts are drawn once the page is interactive

        var shown = await PageChecks.ShownTextAsync(page);
        Assert.DoesNotContain(shown, text => text.Contains("Läser in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_indicator_page_draws_both_charts_and_its_table_shows_the_values_in_the_database()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");

        await using var connection = new NpgsqlConnection(connectionString);
        var planId = await connection.ExecuteScalarAsync<int>("select id from plan where area_id = '0022'");

        // A gender-split Kolada indicator: line chart with T/K/M and the comparison with the regions.
        var (kolada, koladaName, koladaDecimals, koladaUnit) = await connection.QuerySingleAsync<(int, string, short, string)>(
            "select id, name, decimals, unit from indicator where area_id = '0022' and code = 'N79173'");
        await page.GotoAsync($"{baseUrl}/indikator/{kolada}?plan={planId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(koladaName);
        await page.Locator("#utfall-diagram .main-svg").First.WaitForAsync();
        await page.Locator("#jamforelse-diagram .main-svg").First.WaitForAsync();
        await Assertions.Expect(page.Locator("#utfall-diagram .scatterlayer .trace")).ToHaveCountAsync(5);   // T, K, M, målvärde, prognos
        await Assertions.Expect(page.Locator(".peer-position")).ToContainTextAsync("plats");
        await AssertTableMatchesDatabaseAsync(page, connection, kolada, koladaDecimals, koladaUnit);
        await Assertions.Expect(page.Locator("table.outcomes .revised").First).ToContainTextAsync("reviderat: tidigare");
        var riket = await connection.ExecuteScalarAsync<decimal>("""
            select value from observation
            where indicator_id = @Id and area_id = '0000' and gender = 'T'
              and period = (select max(period) from observation where indicator_id = @Id and area_id = '0022' and gender = 'T' and status = 'ok')
            """, new { Id = kolada });
        await Assertions.Expect(page.Locator("table.peers tr.national td.num").Last)
            .ToHaveTextAsync(SwedishFormat.WithUnit(riket, koladaDecimals, koladaUnit));
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "indicator-kolada");

        // A meeting room's projector, and paper: the charts follow the width and nothing is cut off.
        await page.SetViewportSizeAsync(1024, 768);
        await page.WaitForTimeoutAsync(500);
        await PageChecks.ScreenshotAsync(page, "indicator-kolada-projector");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await PageChecks.ScreenshotAsync(page, "indicator-kolada-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1366, 900);

        // A monthly file indicator: months on a year axis, no other regions to compare with.
        var (monthly, monthlyName, monthlyDecimals, monthlyUnit) = await connection.QuerySingleAsync<(int, string, short, string)>(
            "select id, name, decimals, unit from indicator where code = 'HYRPERSONAL_ANDEL'");
        await page.GotoAsync($"{baseUrl}/indikator/{monthly}?plan={planId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(monthlyName);
        await page.Locator("#utfall-diagram .main-svg").First.WaitForAsync();
        var peersInDatabase = await connection.ExecuteScalarAsync<int>(
            "select count(distinct area_id) from observation where indicator_id = @Id and area_id <> '0022'", new { Id = monthly });
        if (peersInDatabase > 1)
        {
            await page.Locator("#jamforelse-diagram .main-svg").First.WaitForAsync();
        }
        else
        {
            await Assertions.Expect(page.Locator("#jamforelse-diagram")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByText("Det finns inga värden för andra regioner att jämföra")).ToBeVisibleAsync();
        }

        await AssertTableMatchesDatabaseAsync(page, connection, monthly, monthlyDecimals, monthlyUnit);
        var ticks = await page.Locator("#utfall-diagram .xtick text").AllTextContentsAsync();
        Assert.All(ticks, t => Assert.Matches("^[0-9]{4}$", t));
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "indicator-monthly");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    static async Task AssertTableMatchesDatabaseAsync(IPage page, NpgsqlConnection connection, int indicatorId, short decimals, string unit)
    {
        var stored = (await connection.QueryAsync<Stored>(
            "select period, gender, value, status from observation where indicator_id = @Id and area_id = '0022' order by period, gender",
            new { Id = indicatorId })).ToList();
        var shown = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('table.outcomes tbody tr')].flatMap(row =>
                [...row.querySelectorAll('td[data-gender]')].map(cell =>
                    [row.dataset.period, cell.dataset.gender, cell.querySelector('.value').textContent.trim()]))
                .filter(cell => cell[2] !== '–')
            """);
        Assert.Equal(stored.Count, shown.Length);
        foreach (var value in stored.Where(s => s.Status == "ok"))
        {
            var cell = Assert.Single(shown, s => s[0] == value.Period && s[1] == value.Gender);
            Assert.Equal(SwedishFormat.WithUnit(value.Value!.Value, decimals, unit), cell[2]);
        }
    }
}
