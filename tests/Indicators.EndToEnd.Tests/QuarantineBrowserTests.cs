using System.Text;
using Indicators.Ingestion.Runs;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// A bad file stops only itself (issue 18): an analyst uploads a file with one bad row of five, sees it quarantined on the
/// source page, opens its page with the rejected row, downloads the rejected rows and reads the approved rows anyway.
/// The runs are made by the web app's own runner, as the worker would make them (the queued jobs are not needed here).
/// </summary>
[Collection(BrowserTests.Name)]
public class QuarantineBrowserTests(Browser browser)
{
    const string BadFile = "indicator;period;area;value\r\nHYR;2025-01;0022;4,9\r\nHYR;2025-02;0022;4,8\r\nHYR;2025-03;0022;=4,x\r\nHYR;2025-04;0022;4,6\r\nHYR;2025-05;0022;4,5\r\n";

    [Fact]
    public async Task An_analyst_finds_a_quarantined_file_downloads_its_rejected_rows_and_reads_its_approved_rows_anyway()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 'lower', 'month', '0022');
            insert into source (name, kind, cron) values ('Hyrpersonal (fil)', 'file', '0 7 * * 1');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var runner = app.Services.GetRequiredService<IngestionRunner>();
        var sourceId = await ScalarAsync<int>(connectionString, "select id from source");
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", AcceptDownloads = true });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GotoAsync($"{baseUrl}/kallor/{sourceId}");
        await page.GetByLabel("Läs in filen direkt").UncheckAsync();
        await page.Locator("#fil").SetInputFilesAsync(new FilePayload { Name = "hyrpersonal.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(BadFile) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.files")).ToContainTextAsync("Väntar på nästa körning");
        await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("table.files tr", new() { HasText = "hyrpersonal.csv" })).ToContainTextAsync("I karantän");
        await page.GetByRole(AriaRole.Link, new() { Name = "hyrpersonal.csv" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("hyrpersonal.csv");
        await Assertions.Expect(page.Locator(".run-headline")).ToContainTextAsync("I karantän");
        await Assertions.Expect(page.Locator(".run-message")).ToContainTextAsync("1 av 5 datarader i 'hyrpersonal.csv' avvisades");
        var row = page.Locator("table.problems tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td")).ToHaveTextAsync(["4", "value", "=4,x", "'=4,x' är inte ett tal"]);
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "quarantined-file");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ladda ner de avvisade raderna (CSV)" }).ClickAsync());
        var csv = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("avvisade rader – hyrpersonal.csv", download.SuggestedFilename);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal("Rad;Kolumn;Värde;Orsak\r\n4;value;'=4,x;'=4,x' är inte ett tal\r\n", Encoding.UTF8.GetString(csv[3..]));

        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in godkända rader ändå" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Filens godkända rader läses in nu")).ToBeVisibleAsync();
        var run = await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        Assert.Equal(4, run.Counts.Inserted);

        await page.GetByRole(AriaRole.Link, new() { Name = "hyrpersonal.csv" }).ClickAsync();
        await Assertions.Expect(page.Locator(".run-headline")).ToContainTextAsync("Inläst");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("av alva");
        Assert.Equal(1L, await ScalarAsync<long>(connectionString, "select count(*) from audit_log where entity = 'source_file' and user_name = 'alva'"));
    }

    static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
