using System.Text;
using Indicators.TestSupport;
using Indicators.TestSupport.Sources;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Issue 18: the source page kept "Väntar på nästa körning" and "Källan har inte körts ännu" for a minute after the run
/// had finished, and a Kolada failure's URL made a run page 2 446 px wide.
/// </summary>
[Collection(BrowserTests.Name)]
public class LiveRunBrowserTests(Browser browser)
{
    const string KoladaPage = """
        {"values": [{"kpi": "N79224", "municipality": "0022", "period": 2024,
                     "values": [{"gender": "T", "count": 1, "status": "", "value": 55.5, "isdeleted": false}]}],
         "count": 1, "next_url": null, "previous_url": null}
        """;

    [Fact]
    public async Task Kor_nu_and_an_upload_read_at_once_show_their_finished_runs_on_the_source_page_without_a_reload()
    {
        // The first data call is answered 429 (Retry-After: 1 s): the run page lists it with its wait.
        var calls = 0;
        await using var kolada = await StubServer.StartAsync(request => Interlocked.Increment(ref calls) == 1
            ? SourceFaults.Answer(SourceFault.TooManyRequests, KoladaPage)
            : StubResponse.Json(KoladaPage));
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, decimals, direction, frequency, primary_area_id, kpi_id)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 1, 'higher', 'year', '0022', 'N79224'),
                   ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 1, 'lower', 'month', '0022', null);
            insert into source (name, kind, cron, settings) values ('Väntetider (Kolada)', 'kolada', '0 6 * * *', '{"areas": ["0022"], "fromYear": 2024}');
            insert into source (name, kind, cron) values ('Hyrpersonal (fil)', 'file', '0 7 * * 1');
            insert into source_indicator (source_id, indicator_id)
            select s.id, i.id from source s join indicator i on (s.kind = 'kolada') = (i.code = 'OP90');
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await TestPostgres.ExecuteAsync(connectionString, "update app_user set display_name = 'Alva Andersson' where user_name = 'alva'");
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["Sources:Kolada:BaseUrl"] = kolada.Url("v3") });
        await WorkerProcess.WhileRunningAsync(connectionString, new Dictionary<string, string> { ["Sources__Kolada__BaseUrl"] = kolada.Url("v3") }, () => FollowRunsAsync(app.StartKestrel()));
    }

    async Task FollowRunsAsync(string baseUrl)
    {
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);
        var live = new LocatorAssertionsToContainTextOptions { Timeout = 90_000 };
        var runs = page.Locator("table.runs:not(.files) tbody tr").First;

        // Kör nu: the page is never loaded again, yet its run table ends up with the finished run.
        await page.GotoAsync(baseUrl + "/kallor/1");
        await Assertions.Expect(page.GetByText("Källan har inte körts ännu.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kör nu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".live-run")).ToContainTextAsync("Körningen är köad", live);
        await page.EvaluateAsync("window.__notReloaded = true");
        await Assertions.Expect(runs).ToContainTextAsync("Klar", live);
        await Assertions.Expect(runs).ToContainTextAsync("Kör nu av Alva Andersson");
        await Assertions.Expect(page.Locator(".live-run")).ToContainTextAsync("är slut");
        await Assertions.Expect(page.GetByText("Källan har inte körts ännu.")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"), "The source page was reloaded.");
        Assert.DoesNotContain("jobb", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.AssertNoViolationsAsync(page);

        // Its run page lists the 429 it met and the wait it made.
        await runs.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("table.events")).ToContainTextAsync("Kolada svarade 429 (Too Many Requests)");
        await Assertions.Expect(page.Locator("table.events")).ToContainTextAsync("1 s");
        await PageChecks.AssertNoViolationsAsync(page);

        // An upload read at once: the file turns from waiting to read, and its run says it was an upload, without a reload.
        await page.GotoAsync(baseUrl + "/kallor/2");
        await page.GetByLabel("Ladda upp en fil (CSV eller Excel .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "hyrpersonal.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("indicator;period;area;value\nHYR;2025-03;0022;4,2\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda upp", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Den läses in nu.")).ToBeVisibleAsync();
        await page.EvaluateAsync("window.__notReloaded = true");
        await Assertions.Expect(runs).ToContainTextAsync("Uppladdad fil av Alva Andersson", live);
        await Assertions.Expect(runs).ToContainTextAsync("Klar", live);
        await Assertions.Expect(page.Locator("table.files")).Not.ToContainTextAsync("Väntar på nästa körning", new() { Timeout = 90_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__notReloaded === true"), "The source page was reloaded.");
        await PageChecks.ScreenshotAsync(page, "source-followed-upload");
    }

    [Fact]
    public async Task A_run_page_with_a_long_failure_message_fits_a_phone()
    {
        var url = "https://api.kolada.se/v3/data/kpi/" + string.Join(',', Enumerable.Range(79000, 40).Select(n => $"N{n}"))
            + "/municipality/" + string.Join(',', Enumerable.Range(1, 25).Select(n => $"{n:0000}")) + "/year/2015,2016,2017,2018,2019,2020?per_page=5000&page=3";
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, $"""
            insert into source (name, kind, cron) values ('Väntetider (Kolada)', 'kolada', '0 6 * * *');
            insert into ingestion_run (source_id, trigger, status, started_at, finished_at, message)
            select id, 'scheduled', 'failed', now() - interval '1 minute', now(), 'Kolada svarade 500 (Internal Server Error) för {url}, även efter 4 nya försök.'
            from source;
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 800 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        foreach (var path in new[] { "/kallor/korningar/1", "/kallor/1", "/kallor" })
        {
            await page.GotoAsync(baseUrl + path);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Misslyckades");
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            Assert.True(scroll <= client, $"{path} is {scroll} px wide at 390 px (the viewport shows {client} px).");
        }
    }
}
