using System.Text;
using Indicators.TestSupport;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class SourceEditingBrowserTests(Browser browser)
{
    const string Op90Title = "Genomförd operation/åtgärd inom 90 dagar, procent";
    const string Op90Description = "Andel genomförda operationer/åtgärder inom 90 dagar i specialiserad vård. Källa: SKR, Väntetidsdatabasen.";

    /// <summary>Kolada v3's KPI object, every field the live API sends.</summary>
    static string Kpi(string id, string title, string description, bool byGender) => $$"""
        {"id": "{{id}}", "title": "{{title}}", "description": "{{description}}", "is_divided_by_gender": {{(byGender ? "true" : "false")}},
         "municipality_type": "L", "auspice": "X", "operating_area": "Hälso- och sjukvård", "perspective": "Tillgänglighet",
         "prel_publication_date": null, "publication_date": "2025-06-01", "publ_period": "2024", "has_ou_data": false}
        """;

    /// <summary>
    /// Kolada v3 as the source form and a run use it: the KPI search (two pages, linked by next_url), one KPI by id, and
    /// N79224's values in two pages. Values only for Västernorrland and riket; other regions answer nothing.
    /// </summary>
    static StubResponse Kolada(StubRequest request, Uri root)
    {
        if (request.Path == "/v3/kpi" && request.Query.Contains("page=2", StringComparison.Ordinal))
        {
            return StubResponse.Json($$"""
                {"values": [{{Kpi("N79222", "Genomförd första kontakt i specialiserad vård inom 90 dagar, procent", "Andel första kontakter inom 90 dagar.", true)}}],
                 "count": 2, "next_url": null, "previous_url": "{{root}}v3/kpi?title=operation&page=1"}
                """);
        }

        if (request.Path == "/v3/kpi")
        {
            return StubResponse.Json($$"""
                {"values": [{{Kpi("N79224", Op90Title, Op90Description, true)}}],
                 "count": 2, "next_url": "{{root}}v3/kpi?title=operation&page=2", "previous_url": null}
                """);
        }

        if (request.Path == "/v3/kpi/N79224")
        {
            return StubResponse.Json($$"""{"values": [{{Kpi("N79224", Op90Title, Op90Description, true)}}], "count": 1, "next_url": null, "previous_url": null}""");
        }

        if (request.Path.StartsWith("/v3/data/kpi/N79224/municipality/", StringComparison.Ordinal))
        {
            if (request.Query.Contains("page=2", StringComparison.Ordinal))
            {
                return StubResponse.Json("""
                    {"values": [{"kpi": "N79224", "municipality": "0000", "period": 2024,
                                 "values": [{"gender": "T", "count": 1, "status": "", "value": 60.0, "isdeleted": false}]}],
                     "count": 2, "next_url": null, "previous_url": null}
                    """);
            }

            return StubResponse.Json($$"""
                {"values": [{"kpi": "N79224", "municipality": "0022", "period": 2024,
                             "values": [{"gender": "T", "count": 1, "status": "", "value": 55.5, "isdeleted": false},
                                        {"gender": "K", "count": 1, "status": "", "value": 54.0, "isdeleted": false},
                                        {"gender": "M", "count": 1, "status": "", "value": 57.0, "isdeleted": false}]}],
                 "count": 2, "next_url": "{{root.ToString().TrimEnd('/')}}{{request.Path}}{{request.Query}}&page=2", "previous_url": null}
                """);
        }

        return new StubResponse(404, """{"error": "not found"}""");
    }

    [Fact]
    public async Task An_analyst_configures_a_Kolada_source_previews_saves_and_runs_it_and_sees_its_values_on_the_indicator_page()
    {
        Uri? root = null;
        await using var kolada = await StubServer.StartAsync(request => Kolada(request, root!));
        root = kolada.Root;
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region'), ('0000', 'Riket', 'Riket', 'country') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, decimals, direction, frequency, gender_split, primary_area_id, kpi_id)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 1, 'higher', 'year', true, '0022', 'N79224');
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["Sources:Kolada:BaseUrl"] = kolada.Url("v3") });

        // The run is done by a worker process, as in a scaled-out installation: the web app only queues it. (A Hangfire
        // server inside a second test host of this process did not take the job: Hangfire keeps process-wide state.)
        await WorkerProcess.WhileRunningAsync(connectionString, new Dictionary<string, string> { ["Sources__Kolada__BaseUrl"] = kolada.Url("v3") }, () => ConfigureRunAndSeeAsync(app, kolada));
    }

    async Task ConfigureRunAndSeeAsync(TestWebApp app, StubServer kolada)
    {
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/kallor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny källa" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ny källa");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Kolada", Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Väntetider (Kolada)");
        // A cron written by hand, under "Avancerat", is read aloud as it is typed.
        await page.Locator("#schedule").GetByLabel("Avancerat: cron-uttryck").CheckAsync();
        await page.Locator("#schedule-cron").FillAsync("30 6 * * 1-5");
        await Assertions.Expect(page.Locator("#schedule-reading")).ToContainTextAsync("Måndag–fredag kl. 06:30.");
        await Assertions.Expect(page.Locator("#schedule-reading .cron-next")).ToContainTextAsync("Nästa körningar:");

        // The search answers as you type, through Kolada's metadata endpoint, across its pages.
        await page.Locator("#kpi-search").PressSequentiallyAsync("operation");
        var hit = page.Locator(".kpi-hits li", new() { HasText = "N79224" });
        await Assertions.Expect(hit).ToContainTextAsync(Op90Title);
        await Assertions.Expect(hit).ToContainTextAsync(Op90Description);
        await Assertions.Expect(hit).ToContainTextAsync("Uppdelat på kön");
        await Assertions.Expect(page.Locator(".kpi-hits li", new() { HasText = "N79222" })).ToBeVisibleAsync();
        await hit.GetByRole(AriaRole.Button, new() { Name = "Lägg till" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Koppla OP90 till källan" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("OP90 Operation inom 90 dagar (Kolada N79224)")).ToBeCheckedAsync();
        await page.GetByLabel("Från år").FillAsync("2023");
        await page.GetByLabel("Från år").BlurAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        var preview = page.Locator(".form-preview");
        await Assertions.Expect(preview.Locator(".preview-counts")).ToContainTextAsync("4 rader lästa. En körning skulle ge 4 nya");
        await Assertions.Expect(preview.Locator("table.preview")).ToContainTextAsync("Region Västernorrland");
        await Assertions.Expect(preview.Locator("table.preview")).ToContainTextAsync("55,5");
        await Assertions.Expect(preview.Locator("table.preview")).ToContainTextAsync("Riket");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source-new-kolada-preview");
        Assert.Contains(kolada.Requests, r => r.Path.StartsWith("/v3/data/kpi/N79224/municipality/", StringComparison.Ordinal) && r.Path.EndsWith("/year/2023,2024,2025,2026", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Väntetider (Kolada)");
        await Assertions.Expect(page.GetByText("Källan är sparad och schemat uppdaterat.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Måndag–fredag kl. 06:30");

        await page.GetByRole(AriaRole.Button, new() { Name = "Kör nu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".live-run")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Körning \d+ är slut"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator(".live-run")).ToContainTextAsync("Klar");

        await page.GotoAsync(baseUrl + "/indikator/1");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operation inom 90 dagar");
        await Assertions.Expect(page.Locator("table.outcomes")).ToContainTextAsync("55,5");
        await PageChecks.ScreenshotAsync(page, "source-kolada-indicator");

        // Editing: the saved settings come back, switching the source off takes it off the schedule.
        await page.GotoAsync(baseUrl + "/kallor/1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Redigera" }).ClickAsync();
        await PageChecks.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Redigera Väntetider (Kolada)");
        await Assertions.Expect(page.GetByLabel("Från år")).ToHaveValueAsync("2023");
        await Assertions.Expect(page.Locator("ul.plain", new() { HasText = "N79224" })).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source-edit-kolada");
        await page.GetByLabel("Påslagen (körs enligt schemat)").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Avstängd – körs inte enligt schema");

        // Deleting asks first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Redigera" }).ClickAsync();
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort källan …" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Vill du verkligen ta bort källan Väntetider (Kolada)?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, ta bort" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Källor");
        await Assertions.Expect(page.GetByText("Det finns inga källor ännu.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_analyst_sees_Swedish_validation_then_uploads_a_CSV_with_a_bad_row_and_sees_its_row_column_and_reason_in_the_preview()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, decimals, direction, frequency, primary_area_id)
            values ('0022', 'HYR', 'Kostnad för hyrpersonal', '%', 1, 'lower', 'month', '0022');
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/kallor/ny");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Fil", Exact = true }).CheckAsync();
        await page.Locator("#schedule").GetByLabel("Avancerat: cron-uttryck").CheckAsync();
        await page.Locator("#schedule-cron").FillAsync("kl 6 varje dag");
        await Assertions.Expect(page.Locator("#schedule-reading")).ToContainTextAsync("Schemat 'kl 6 varje dag' är inte ett giltigt cron-uttryck");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("Ange källans namn.");
        await Assertions.Expect(page.Locator(".validation-errors")).ToContainTextAsync("är inte ett giltigt cron-uttryck med fem fält");
        await Assertions.Expect(page.Locator("div.validation-message", new() { HasText = "Ange källans namn." })).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source-new-validation");

        // A watched folder out of the file roots and a pattern with a path are refused beside their fields.
        await page.Locator("#file-folder").FillAsync("../../etc");
        await page.Locator("#file-pattern").FillAsync("../shadow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator("#file-folder ~ div.validation-message"))
            .ToContainTextAsync("Mappen '../../etc' ligger utanför de mappar som filkällor får läsa");
        await Assertions.Expect(page.Locator("#file-pattern ~ div.validation-message")).ToContainTextAsync("Filnamnsmönstret '../shadow'");
        await page.Locator("#file-folder").FillAsync("");
        await page.Locator("#file-pattern").FillAsync("");

        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Hyrpersonal (fil)");
        await page.Locator("#schedule").GetByLabel("Varje vecka").CheckAsync();
        await page.Locator("#schedule-time").FillAsync("07:00");
        await Assertions.Expect(page.Locator("#schedule-reading")).ToContainTextAsync("Varje måndag kl. 07:00.");
        var csv = new StringBuilder("indikator;period;område;värde\n");
        for (var month = 1; month <= 12; month++)
        {
            csv.Append(month == 6 ? $"HYR;2025-{month:00};0022;4,x\n" : $"HYR;2025-{month:00};0022;{month},5\n");
        }

        await page.GetByLabel("Exempelfil (CSV eller Excel .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "hyrpersonal.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        var detected = page.Locator("dl.detected-format");
        await Assertions.Expect(detected).ToContainTextAsync("semikolon (;)");
        await Assertions.Expect(detected).ToContainTextAsync("UTF-8");
        await Assertions.Expect(detected).ToContainTextAsync("komma (12,5)");
        await Assertions.Expect(detected).ToContainTextAsync("indikator, period, område, värde");
        await Assertions.Expect(page.GetByLabel("Värdets kolumn")).ToHaveValueAsync("värde");
        await Assertions.Expect(page.GetByLabel("Områdets kolumn")).ToHaveValueAsync("område");
        await page.GetByLabel("HYR Kostnad för hyrpersonal").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Förhandsgranska" }).ClickAsync();
        var preview = page.Locator(".form-preview");
        await Assertions.Expect(preview.Locator(".preview-counts")).ToContainTextAsync("12 rader lästa. En körning skulle ge 11 nya");
        var bad = preview.Locator("table.problems tbody tr", new() { HasText = "4,x" });
        await Assertions.Expect(bad.Locator("td").Nth(0)).ToHaveTextAsync("Avvisad");
        await Assertions.Expect(bad.Locator("td").Nth(1)).ToHaveTextAsync("7");
        await Assertions.Expect(bad.Locator("td").Nth(2)).ToHaveTextAsync("värde");
        await Assertions.Expect(bad.Locator("td").Nth(3)).ToContainTextAsync("'4,x' är inte ett tal");
        await Assertions.Expect(preview.Locator("table.preview")).ToContainTextAsync("Kostnad för hyrpersonal");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "source-new-file-preview");

        // Nothing was written by the preview: no source, no run, no observation.
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("select (select count(*) from source) + (select count(*) from ingestion_run) + (select count(*) from observation)", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }
}
