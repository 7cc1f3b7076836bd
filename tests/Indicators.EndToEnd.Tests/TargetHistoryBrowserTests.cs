using System.Text.RegularExpressions;
using Dapper;
using Indicators.Core.Formatting;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>The indicator page shows the målvärde's history: the adoption, the målvärde as adopted and now, and each justering.</summary>
[Collection(BrowserTests.Name)]
public class TargetHistoryBrowserTests(Browser browser)
{
    [Fact]
    public async Task The_indicator_page_shows_the_adopted_target_each_justering_with_who_and_why_and_is_accessible()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var indicator = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'N79173'");

        // A justering as the store records it (AdoptedVersionTests covers the store; this is what the page shows of it).
        await connection.ExecuteAsync("""
            update target set value = 93 where indicator_id = @Id and year = 2026 and gender is null;
            insert into target_adjustment (plan_version_id, indicator_id, year, gender, field, before, after, reason, user_name, adjusted_at)
            select t.plan_version_id, @Id, 2026, 'T', 'value', '{"Value": 85}', '{"Value": 93}', 'Skrivfel i regionplanen rättat', 'analytiker',
                   '2025-03-04 09:30:00+00'
            from target t where t.indicator_id = @Id and t.year = 2026 and t.gender is null
            """, new { Id = indicator });

        await page.GotoAsync($"{baseUrl}/indikator/{indicator}");
        var history = page.Locator("section.target-history");
        await Assertions.Expect(history.Locator("h2")).ToHaveTextAsync("Målvärdets historik");
        await Assertions.Expect(history).ToContainTextAsync("Fastställd RF 2024-11-27 § 150 (exempel), gäller från 2025-01-01.");
        var year2026 = history.Locator("table").First.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "2026" }) });
        await Assertions.Expect(year2026.Locator("td").Nth(0)).ToContainTextAsync("85,0 %");
        await Assertions.Expect(year2026.Locator("td").Nth(1)).ToContainTextAsync("93,0 %");
        var justering = history.Locator("table").Nth(1).Locator("tbody tr");
        await Assertions.Expect(justering).ToHaveCountAsync(1);
        var cells = await justering.Locator("td").AllInnerTextsAsync();
        Assert.Equal("2025-03-04 10:30", cells[0]);   // Stockholm time
        Assert.DoesNotContain("analytiker", cells[1], StringComparison.Ordinal);   // the display name, not the login
        Assert.Equal(["Målvärde 2026", SwedishFormat.WithUnit(85m, 1, "%"), SwedishFormat.WithUnit(93m, 1, "%"), "Skrivfel i regionplanen rättat"], cells.Skip(2));
        await PageChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_analyst_makes_a_revision_of_the_adopted_version_and_adopts_it_with_its_decision_and_the_page_is_accessible()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "analytiker", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var planId = await connection.ExecuteScalarAsync<int>("select id from plan where area_id = '0022'");

        await page.GotoAsync($"{baseUrl}/planer/{planId}");
        await Assertions.Expect(page.Locator("table.versions")).ToContainTextAsync("RF 2024-11-27 § 150 (exempel)");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Beslut och revision\\s*: Fastställd plan$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Versionen är fastställd");
        await PageChecks.AssertNoViolationsAsync(page);
        await page.GetByLabel("Revisionens namn").FillAsync("Revision juni 2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ny revision" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.versions")).ToContainTextAsync("revision av ”Fastställd plan”");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Fastställ\\s*: Revision juni 2025$") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fastställ versionen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message").First).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await page.GetByLabel("Beslutande organ").FillAsync("Regionfullmäktige");
        await page.GetByLabel("Paragraf").FillAsync("§ 87");
        await page.GetByLabel("Beslutsdatum").FillAsync("2025-06-17");
        await page.GetByLabel("Gäller från").FillAsync("2025-07-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fastställ versionen" }).ClickAsync();

        await Assertions.Expect(page.Locator("table.versions")).ToContainTextAsync("RF 2025-06-17 § 87");
        Assert.Equal("Revision juni 2025", await connection.ExecuteScalarAsync<string>(
            "select name from plan_version where is_current and plan_id = @PlanId", new { PlanId = planId }));
    }
}
