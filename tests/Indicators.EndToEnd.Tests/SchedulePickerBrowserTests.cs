using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Plain schedules (issue 18): an analyst picks "every week on Monday and Thursday at 06:30" without writing cron, the
/// cron is stored and scheduled, the words show on the source page, and the picker opens with it again; a cron of no
/// picker shape opens under "Avancerat". Ledning sees the words, never the cron, the settings or the time-zone id.
/// </summary>
[Collection(BrowserTests.Name)]
public class SchedulePickerBrowserTests(Browser browser)
{
    static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    static async Task AssertFitsAsync(IPage page) =>
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The page scrolls sideways.");

    [Fact]
    public async Task An_analyst_picks_Monday_and_Thursday_at_06_30_which_is_stored_as_cron_shown_in_words_and_opens_in_the_picker_again()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, decimals, direction, frequency, primary_area_id)
            values ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 1, 'lower', 'month', '0022');
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await TestUsers.CreateAsync(connectionString, "ledning", "Ledning");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 844 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/kallor/ny");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Fil", Exact = true }).CheckAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Hyrpersonal (fil)");
        var schedule = page.Locator("#schedule");
        await Assertions.Expect(schedule.GetByLabel("Dagligen")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#time-zone")).ToHaveCountAsync(0);
        await schedule.GetByLabel("Varje vecka").CheckAsync();
        await schedule.GetByRole(AriaRole.Group, new() { Name = "Veckodagar" }).GetByLabel("Torsdag").CheckAsync();
        var time = schedule.GetByLabel("Klockslag (svensk tid)");
        await time.FillAsync("25:00");
        await Assertions.Expect(page.Locator("#schedule-reading")).ToContainTextAsync("Klockslag: '25:00' är ingen tid.");
        await time.FillAsync("06:30");
        await Assertions.Expect(page.Locator("#schedule-reading .cron-words")).ToHaveTextAsync("Varje måndag och torsdag kl. 06:30.");
        await page.GetByLabel("HYR Kostnad för hyrpersonal").CheckAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await AssertFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source-schedule-picker-390");

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Källan är sparad och schemat uppdaterat.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Varje måndag och torsdag kl. 06:30 (30 6 * * 1,4, Europe/Stockholm)");
        Assert.Equal("30 6 * * 1,4", await ScalarAsync(connectionString, "select cron from source"));
        Assert.Equal("30 6 * * 1,4", await ScalarAsync(connectionString, "select value from hangfire.hash where key = 'recurring-job:source-1' and field = 'Cron'"));
        await AssertFitsAsync(page);

        // It opens in the picker as picked; a day some months lack says so; a cron of no picker shape goes under "Avancerat".
        await page.GotoAsync(baseUrl + "/kallor/1/redigera");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(schedule.GetByLabel("Varje vecka")).ToBeCheckedAsync();
        await Assertions.Expect(schedule.GetByLabel("Måndag")).ToBeCheckedAsync();
        await Assertions.Expect(schedule.GetByLabel("Torsdag")).ToBeCheckedAsync();
        await Assertions.Expect(schedule.GetByLabel("Fredag")).Not.ToBeCheckedAsync();
        await Assertions.Expect(time).ToHaveValueAsync("06:30");
        await Assertions.Expect(page.Locator("#full-refresh").GetByLabel("Ingen")).ToBeCheckedAsync();
        await schedule.GetByLabel("Varje månad").CheckAsync();
        await schedule.GetByLabel("Dag i månaden").SelectOptionAsync("31");
        await Assertions.Expect(page.Locator("#schedule-reading")).ToContainTextAsync("Den 31 varje månad kl. 06:30.");
        await Assertions.Expect(page.Locator("#schedule-reading")).ToContainTextAsync("Körs bara i månader med 31 dagar");
        await schedule.GetByLabel("Avancerat: cron-uttryck").CheckAsync();
        await Assertions.Expect(page.Locator("#schedule-cron")).ToHaveValueAsync("30 6 31 * *");
        await Assertions.Expect(page.Locator("#time-zone")).ToHaveValueAsync("Europe/Stockholm");
        await page.Locator("#schedule-cron").FillAsync("*/15 6-18 * * 1-5");
        await PageChecks.AssertNoViolationsAsync(page);
        await AssertFitsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source-schedule-advanced-390");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Källan är sparad och schemat uppdaterat.")).ToBeVisibleAsync();
        Assert.Equal("*/15 6-18 * * 1-5", await ScalarAsync(connectionString, "select cron from source"));
        await page.GotoAsync(baseUrl + "/kallor/1/redigera");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(schedule.GetByLabel("Avancerat: cron-uttryck")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#schedule-cron")).ToHaveValueAsync("*/15 6-18 * * 1-5");

        // Ledning reads the schedule in words and what the source feeds; no cron, settings or time-zone id.
        var ledning = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 844 } });
        await PageChecks.SignInAsync(ledning, baseUrl, "ledning", TestUsers.Password);
        foreach (var path in new[] { "/kallor", "/kallor/1" })
        {
            await ledning.GotoAsync(baseUrl + path);
            var text = await ledning.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("*/15", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Europe/Stockholm", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            Assert.Contains("Enligt ett eget schema", text, StringComparison.Ordinal);
            await PageChecks.AssertNoViolationsAsync(ledning);
        }

        await Assertions.Expect(ledning.Locator("dl.facts")).ToContainTextAsync("HYR Kostnad för hyrpersonal");
    }
}
