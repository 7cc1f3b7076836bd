using Indicators.TestSupport;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class SourcesBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_follows_a_source_from_the_list_to_a_run_with_its_rejected_rows_and_every_page_is_accessible()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 'lower', 'month', '0022');
            insert into source (name, kind, cron) values ('Hyrpersonal (fil)', 'file', '0 7 * * 1');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            insert into ingestion_run (source_id, trigger, status, started_at, finished_at, rows_read, rows_done, inserted, rejected, message, problems)
            select id, 'manual', 'succeeded_with_warnings', now() - interval '2 hours', now() - interval '2 hours' + interval '3 seconds', 13, 12, 12, 1,
                   '12 nya, 0 ändrade, 0 oförändrade, 0 återkallade, 1 avvisade.',
                   '[{"kind": "avvisad", "row": 7, "column": "värde", "reason": "''4,x'' är inte ett tal (hyrpersonal.csv)."}]'
            from source;
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Källor", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Källor");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Hyrpersonal (fil)" })).ToContainTextAsync("Klar med varningar");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "sources");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hyrpersonal (fil)" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hyrpersonal (fil)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kör nu" })).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source");

        await page.Locator("table.runs a").First.ClickAsync();
        await Assertions.Expect(page.Locator("table.problems")).ToContainTextAsync("'4,x' är inte ett tal (hyrpersonal.csv).");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "run");
    }
}
