using Dapper;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>Nämndplaner (issue 20): an analyst adds a delmål; the nämnd's page and report show it under its mål.</summary>
[Collection(BrowserTests.Name)]
public class CommitteePlanBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_adds_a_delmal_with_a_Swedish_error_first_and_the_nämnd_page_and_report_show_it_all_accessible()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 844 } });
        await PageChecks.SignInAsync(page, baseUrl, "analytiker", "demo-2025");
        await using var connection = new NpgsqlConnection(connectionString);
        var planId = await connection.ExecuteScalarAsync<int>("select id from plan where area_id = '0022'");
        var hsn = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");

        await page.GotoAsync($"{baseUrl}/planer/{planId}/namndplaner");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verksamhetsplan 2025 (2026–2027) Hälso- och sjukvårdsnämnden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Delmål HSN-2.2.1")).ToBeVisibleAsync();
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Nytt delmål i Verksamhetsplan 2025 (2026–2027)" });
        await Assertions.Expect(add).ToBeEnabledAsync();
        await add.ClickAsync();
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lägg till delmålet" });
        var form = page.Locator("form", new() { Has = save });
        await form.GetByLabel("Mål i regionplanen").SelectOptionAsync(new SelectOptionValue { Label = "2.1 Vi erbjuder vård som utgår från individens behov och är tillgänglig" });
        await form.GetByLabel("Kod").FillAsync("HSN-2.1.2");
        await form.GetByLabel("Indikator", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "N79173" });
        await form.GetByLabel("Målvärde 2026").FillAsync("95");

        // Without a name the delmål is refused beside the field, in Swedish; nothing is saved.
        await save.ClickAsync();
        await Assertions.Expect(form.Locator("div.validation-message").First).ToHaveTextAsync("Ange delmålets namn.");
        await PageChecks.AssertNoViolationsAsync(page);
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(*) from sub_goal"));

        await form.GetByLabel("Namn").FillAsync("Medicinsk bedömning inom 3 dagar minst 95 %");
        await save.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Delmålet HSN-2.1.2 är tillagt.");
        await Assertions.Expect(page.GetByText("nämndens målvärden 2026: 95,0 %")).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "The nämndplan page scrolls sideways at 390 px.");
        Assert.Equal(95m, await connection.ExecuteScalarAsync<decimal>(
            "select t.value from target_value t join indicator i on i.id = t.indicator_id where t.committee_plan_id is not null and i.area_id = '0022' and i.code = 'N79173' and t.year = 2026"));

        // The nämnd's page: regionplan mål → nämndens delmål → indikatorer.
        await page.GotoAsync($"{baseUrl}/namnd/{hsn}");
        var delmal = page.Locator("article.sub-goal", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Delmål HSN-2.1.2 Medicinsk bedömning inom 3 dagar minst 95 %" }) });
        await Assertions.Expect(delmal).ToBeVisibleAsync();
        await Assertions.Expect(delmal.GetByRole(AriaRole.Link, new() { Name = "Medicinsk bedömning inom 3 dagar i primärvården, andel" })).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);

        // The nämnd's delårsrapport shows it under mål 2.1 too.
        var periodId = await connection.ExecuteScalarAsync<int>("select id from report_period where kind = 'interim' and year = 2026");
        await page.GotoAsync($"{baseUrl}/rapporter/{periodId}/namnd/{hsn}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nämndens delmål för mål 2.1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delmål HSN-2.1.2 Medicinsk bedömning inom 3 dagar minst 95 %" })).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
    }
}
