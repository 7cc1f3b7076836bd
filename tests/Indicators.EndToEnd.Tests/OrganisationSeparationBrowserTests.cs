using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Issue 21: the demo's Vera Västerbotten is limited to Region Västerbotten. Signed in through the browser, nothing of
/// Region Västernorrland's reaches her – not the start page's choice, not an indicator, mål, nämnd or report page, not a
/// report's Excel or PDF, not a plan export – while Västerbotten's own pages work.
/// </summary>
[Collection(BrowserTests.Name)]
public class OrganisationSeparationBrowserTests(Browser browser)
{
    [Fact]
    public async Task A_user_limited_to_Vasterbotten_reaches_no_Vasternorrland_page_report_or_export_and_uses_Vasterbottens_pages()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        await using var connection = new NpgsqlConnection(connectionString);

        // Västerbotten's things made here, so the test does not depend on the demo's Västerbotten plan (codes and names of its own).
        var bottenCommittee = await connection.ExecuteScalarAsync<int>(
            "insert into committee (area_id, code, name) values ('0024', 'TESTN', 'Testnämnden i Västerbotten') returning id");
        var bottenPlan = await connection.ExecuteScalarAsync<int>(
            "insert into plan (area_id, name, start_year, end_year) values ('0024', 'Testplan Västerbotten 2026–2028', 2026, 2028) returning id");
        var bottenVersion = await connection.ExecuteScalarAsync<int>(
            "insert into plan_version (plan_id, name, kind, is_current) values (@Plan, 'Fastställd plan', 'adopted', true) returning id", new { Plan = bottenPlan });
        var bottenArea = await connection.ExecuteScalarAsync<int>(
            "insert into goal_area (plan_version_id, code, name) values (@Version, '1', 'Testområdet') returning id", new { Version = bottenVersion });
        var bottenGoal = await connection.ExecuteScalarAsync<int>(
            "insert into goal (goal_area_id, code, name, owner_committee_id) values (@Area, '1.1', 'Testmålet i Västerbotten', @Committee) returning id",
            new { Area = bottenArea, Committee = bottenCommittee });
        var bottenIndicator = await connection.ExecuteScalarAsync<int>("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0024', 'TEST-VB-1', 'Testindikatorn i Västerbotten', 'dagar', 'lower', 'year', '0024') returning id
            """);
        await connection.ExecuteAsync("insert into goal_indicator (goal_id, indicator_id) values (@Goal, @Indicator)", new { Goal = bottenGoal, Indicator = bottenIndicator });

        // Västernorrland's, from the demo.
        var norrPlan = await connection.ExecuteScalarAsync<int>("select id from plan where area_id = '0022' order by id limit 1");
        var norrGoal = await connection.ExecuteScalarAsync<int>("""
            select g.id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.plan_id = @Plan order by g.id limit 1
            """, new { Plan = norrPlan });
        var norrCommittee = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        var norrIndicator = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' order by id limit 1");
        var norrPeriod = await connection.ExecuteScalarAsync<int>(
            "select r.id from report_period r join plan_version v on v.id = r.plan_version_id where v.plan_id = @Plan order by r.id limit 1", new { Plan = norrPlan });

        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "vasterbotten", "demo-2025");

        // The start page offers Västerbotten's plans only, and opens one of them.
        await page.GotoAsync(baseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Region Västerbotten");
        await Assertions.Expect(page.Locator("option", new() { HasText = "Västernorrland" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Västernorrland");
        await PageChecks.AssertNoViolationsAsync(page);

        // Every Västernorrland page by its id, and a hostile ?plan= on the start page: not found.
        foreach (var path in new[]
        {
            $"/?plan={norrPlan}", $"/indikator/{norrIndicator}", $"/mal/{norrGoal}", $"/namnd/{norrCommittee}", $"/rapporter/{norrPeriod}",
            $"/rapporter/{norrPeriod}/namnd/{norrCommittee}", $"/indikator/{bottenIndicator}?plan={norrPlan}",
        })
        {
            var response = await page.GotoAsync(baseUrl + path);
            Assert.True(response!.Status == 404, $"{path}: {response.Status}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToContainTextAsync("Västernorrland");
        }

        // The report's files and the plan's export: not found (the export is for analysts anyway: refused).
        foreach (var path in new[]
        {
            $"/rapporter/{norrPeriod}/export.xlsx", $"/rapporter/{norrPeriod}/export.pdf",
            $"/rapporter/{norrPeriod}/namnd/{norrCommittee}/export.xlsx", $"/rapporter/{norrPeriod}/namnd/{norrCommittee}/export.pdf",
        })
        {
            var response = await page.Context.APIRequest.GetAsync(baseUrl + path, new() { MaxRedirects = 0 });
            Assert.True(response.Status == 404, $"{path}: {response.Status}");
        }

        var export = await page.Context.APIRequest.GetAsync(baseUrl + $"/planer/{norrPlan}/export", new() { MaxRedirects = 0 });
        Assert.True(export.Status is 302 or 403 or 404, $"plan export: {export.Status}");

        // Lists show none of Västernorrland's nämnder or reports.
        await page.GotoAsync(baseUrl + "/namnder");
        await Assertions.Expect(page.Locator($"a[href$='namnd/{norrCommittee}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Testnämnden i Västerbotten" })).ToBeVisibleAsync();
        await page.GotoAsync(baseUrl + "/rapporter");
        await Assertions.Expect(page.Locator($"a[href$='rapporter/{norrPeriod}']")).ToHaveCountAsync(0);

        // Västerbotten's own pages work.
        var own = await page.GotoAsync(baseUrl + $"/indikator/{bottenIndicator}");
        Assert.Equal(200, own!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Testindikatorn i Västerbotten");
        Assert.Equal(200, (await page.GotoAsync(baseUrl + $"/mal/{bottenGoal}"))!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Testmålet i Västerbotten");
        Assert.Equal(200, (await page.GotoAsync(baseUrl + $"/namnd/{bottenCommittee}"))!.Status);
    }
}
