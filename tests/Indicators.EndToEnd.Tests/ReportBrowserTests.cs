using System.Text.RegularExpressions;
using Dapper;
using Indicators.Core.Observations;
using Indicators.Data.Observations;
using Indicators.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// A nämnd (the demo plan's Hälso- och sjukvårdsnämnden) through its delårsrapport and årsrapport: assessing every goal,
/// submitting, finalising, and then seeing new ingestion leave the frozen report unchanged beside a revision notice; and
/// two people of the nämnd saving the same goal at once.
/// </summary>
[Collection(BrowserTests.Name)]
public partial class ReportBrowserTests(Browser browser)
{
    const string DemoPassword = "demo-2025";

    sealed record Demo(TestWebApp App, string BaseUrl, string ConnectionString, int CommitteeId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();

        public async Task<int> PeriodAsync(string kind, int year)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            return await connection.ExecuteScalarAsync<int>(
                """
                select rp.id from report_period rp join plan_version v on v.id = rp.plan_version_id join plan p on p.id = v.plan_id
                where p.area_id = '0022' and rp.kind = @Kind and rp.year = @Year
                """, new { Kind = kind, Year = year });
        }

        public string ReportUrl(int periodId) => $"{BaseUrl}/rapporter/{periodId}/namnd/{CommitteeId}";
    }

    async Task<Demo> DemoAsync()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        await using var connection = new NpgsqlConnection(connectionString);
        var committeeId = await connection.ExecuteScalarAsync<int>("select id from committee where area_id = '0022' and code = 'HSN'");
        return new Demo(app, baseUrl, connectionString, committeeId);
    }

    async Task<IPage> SignedInAsync(Demo demo, string user, string password = DemoPassword)
    {
        var context = await browser.Instance.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await PageChecks.SignInAsync(page, demo.BaseUrl, user, password);
        return page;
    }

    /// <summary>Types into a field and leaves it, as a person does, so the field's change reaches the server.</summary>
    static async Task TypeAsync(ILocator field, string text)
    {
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    [Fact]
    public async Task A_nämnd_assesses_submits_and_finalises_its_delårsrapport_and_revised_data_leaves_it_unchanged_with_a_notice()
    {
        await using var demo = await DemoAsync();
        var page = await SignedInAsync(demo, "hsn");

        // The reports page lists the periods with a shortcut to the nämnd's own report.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapporter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rapporter");
        var row = page.Locator("table.report-periods tbody tr", new() { HasText = "Delårsrapport 2026" });
        await Assertions.Expect(row).ToContainTextAsync("nämnder har fastställt");
        await Assertions.Expect(page.Locator("#new-period")).ToHaveCountAsync(0);   // a nämnd does not create periods
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "reports");
        await row.GetByRole(AriaRole.Link, new() { Name = "Hälso- och sjukvårdsnämnden: Delårsrapport 2026 (jan–aug)" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Delårsrapport 2026 (jan–aug)");
        await Assertions.Expect(page.Locator("table.report-table").First.Locator("thead")).ToContainTextAsync("Prognos helår 2026");

        await WalkAndReviseAsync(demo, page, "report-interim");

        // The period counts the finalised report, and its page says when and by whom.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapporter", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("table.report-periods tbody tr", new() { HasText = "Delårsrapport 2026" })).ToContainTextAsync("1 av 3 nämnder har fastställt");
        await page.GetByRole(AriaRole.Link, new() { Name = "Delårsrapport 2026 (jan–aug) för Regionplan 2025–2027", Exact = true }).ClickAsync();
        var hsnRow = page.Locator("table.committee-reports tbody tr", new() { HasText = "Hälso- och sjukvårdsnämnden" });
        await Assertions.Expect(hsnRow).ToContainTextAsync("Fastställd");
        await Assertions.Expect(hsnRow).ToContainTextAsync("3 av 3 mål bedömda");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "report-period-finalised");
    }

    [Fact]
    public async Task A_nämnd_walks_its_årsrapport_beside_the_delårsrapport_forecast_and_revised_data_leaves_it_unchanged_with_a_notice()
    {
        await using var demo = await DemoAsync();

        // An analyst creates the year's delårsrapport, which the årsrapport compares with; a year outside the plan is refused.
        var analyst = await SignedInAsync(demo, "analytiker");
        await analyst.GotoAsync(demo.BaseUrl + "/rapporter");
        await Assertions.Expect(analyst.GetByRole(AriaRole.Button, new() { Name = "Skapa rapportperioden" })).ToBeEnabledAsync();
        var version = analyst.GetByLabel("Plan och version");
        var regionplan = await version.Locator("option", new() { HasText = "Regionplan 2025–2027" }).First.GetAttributeAsync("value");
        await version.SelectOptionAsync(regionplan!);
        await TypeAsync(analyst.GetByLabel("År", new() { Exact = true }), "2031");
        await analyst.GetByLabel("Sort").SelectOptionAsync("Interim");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Skapa rapportperioden" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("form.edit div.validation-message").First).ToContainTextAsync("2031");
        await PageChecks.AssertNoViolationsAsync(analyst);
        await PageChecks.ScreenshotAsync(analyst, "reports-new-period-invalid");
        var existing = await demo.PeriodAsync("interim", 2025);
        if (existing == 0)
        {
            await TypeAsync(analyst.GetByLabel("År", new() { Exact = true }), "2025");
            await analyst.GetByRole(AriaRole.Button, new() { Name = "Skapa rapportperioden" }).ClickAsync();
            await Assertions.Expect(analyst.Locator("h1")).ToHaveTextAsync("Delårsrapport 2025 (jan–aug)");
            await PageChecks.AssertNoViolationsAsync(analyst);
            await PageChecks.ScreenshotAsync(analyst, "report-period");
        }

        await analyst.Context.CloseAsync();

        var page = await SignedInAsync(demo, "hsn");
        await page.GotoAsync(demo.ReportUrl(await demo.PeriodAsync("annual", 2025)));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Årsrapport 2025");
        var head = page.Locator("table.report-table").First.Locator("thead");
        await Assertions.Expect(head).ToContainTextAsync("Prognos i delårsrapporten");
        await Assertions.Expect(head).ToContainTextAsync("Utfall mot prognos");
        await Assertions.Expect(page.Locator(".assessments .interim").First).ToContainTextAsync("I delårsrapporten");

        await WalkAndReviseAsync(demo, page, "report-annual");
    }

    [Fact]
    public async Task Two_people_of_a_nämnd_save_the_same_goal_and_the_second_sees_the_first_ones_text_and_then_saves_knowing_it()
    {
        await using var demo = await DemoAsync();
        await TestUsers.CreateAsync(demo.ConnectionString, "hsn-bo", "Namnd", "HSN");
        var url = demo.ReportUrl(await demo.PeriodAsync("interim", 2026));
        var alva = await SignedInAsync(demo, "hsn");
        var bo = await SignedInAsync(demo, "hsn-bo", TestUsers.Password);
        await alva.GotoAsync(url);
        await bo.GotoAsync(url);
        await PageChecks.WaitUntilInteractiveAsync(alva);
        await PageChecks.WaitUntilInteractiveAsync(bo);

        // Both have the goal open; the first saves her analysis.
        var alvasGoal = alva.Locator("article.report-goal").First;
        await TypeAsync(alvasGoal.GetByLabel("Analys"), "Alvas analys: väntetiderna har kortats under våren.");
        await alvasGoal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = false }).First.ClickAsync();
        await Assertions.Expect(alvasGoal.GetByRole(AriaRole.Status).First).ToHaveTextAsync(SavedAt());

        // The second, who never saw it, saves his: nothing is saved, he is shown her text and keeps his own.
        var bosGoal = bo.Locator("article.report-goal").First;
        await TypeAsync(bosGoal.GetByLabel("Analys"), "Bos analys: köerna växer inom ortopedin.");
        await bosGoal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = false }).First.ClickAsync();
        var conflict = bosGoal.GetByRole(AriaRole.Alert);
        await Assertions.Expect(conflict).ToContainTextAsync("Analys ändrades av");
        await Assertions.Expect(conflict).ToContainTextAsync("Alvas analys: väntetiderna har kortats under våren.");
        await Assertions.Expect(bosGoal.GetByLabel("Analys")).ToHaveValueAsync("Bos analys: köerna växer inom ortopedin.");
        await PageChecks.AssertNoViolationsAsync(bo);
        await PageChecks.ScreenshotAsync(bo, "report-conflict");
        await ElementShotAsync(bosGoal, "report-conflict-goal");

        // Knowing her text, he keeps part of it and saves again: that goes through, and she sees it when she reloads.
        const string merged = "Alvas analys: väntetiderna har kortats under våren. Bos tillägg: köerna växer inom ortopedin.";
        await TypeAsync(bosGoal.GetByLabel("Analys"), merged);
        await bosGoal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = false }).First.ClickAsync();
        await Assertions.Expect(bosGoal.GetByRole(AriaRole.Status).First).ToHaveTextAsync(SavedAt());
        await Assertions.Expect(bosGoal.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await alva.ReloadAsync();
        await Assertions.Expect(alva.Locator("article.report-goal").First.GetByLabel("Analys")).ToHaveValueAsync(merged);

        await alva.Context.CloseAsync();
        await bo.Context.CloseAsync();
    }

    /// <summary>
    /// On a nämnd's open report: assesses every goal (the first differently from the suggestion, which needs a motivation),
    /// writes a comment, submits, finalises; then ingests revised outcomes and checks the frozen figures stand beside a notice.
    /// </summary>
    static async Task WalkAndReviseAsync(Demo demo, IPage page, string name)
    {
        await PageChecks.WaitUntilInteractiveAsync(page);
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{name}-open");

        var goals = page.Locator("article.report-goal");
        var count = await goals.CountAsync();
        Assert.True(count > 0, "The nämnd's report has no goals.");

        // Submitting before the goals are assessed is refused, naming each goal without an assessment.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        var refused = page.Locator(".report-actions").GetByRole(AriaRole.Alert);
        await Assertions.Expect(refused).ToContainTextAsync("Rapporten kunde inte skickas till granskning:");
        await Assertions.Expect(refused.Locator("li")).ToHaveCountAsync(count);
        await Assertions.Expect(refused.Locator("li").First).ToContainTextAsync("saknar nämndens bedömning");
        await Assertions.Expect(page.Locator(".report-state-line")).ToContainTextAsync("Öppen");
        for (var i = 0; i < count; i++)
        {
            var goal = goals.Nth(i);
            if (i == 0)
            {
                // An assessment other than the suggestion: the motivation is required, and said so beside the field.
                var suggested = (await goal.Locator(".suggested summary").InnerTextAsync()).Trim();
                var other = suggested.Contains("Ej uppfyllt", StringComparison.Ordinal) ? "Uppfyllt" : "Ej uppfyllt";
                await goal.GetByRole(AriaRole.Radio, new() { Name = other, Exact = true }).CheckAsync();
                await TypeAsync(goal.GetByLabel("Motivering"), "");
                await goal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = false }).First.ClickAsync();
                var message = goal.Locator(".field:has(textarea[id$='-motivation']) .validation-message");
                await Assertions.Expect(message).ToContainTextAsync(new Regex("otivering", RegexOptions.IgnoreCase));
                await PageChecks.AssertNoViolationsAsync(page);
                await PageChecks.ScreenshotAsync(page, $"{name}-motivation-required");
                await ElementShotAsync(goal, $"{name}-motivation-required-goal");
                await TypeAsync(goal.GetByLabel("Motivering"), "Väntetiderna är fortsatt för långa trots att flera indikatorer förbättrats.");
            }
            else
            {
                await goal.GetByRole(AriaRole.Radio, new() { Name = "(föreslagen)" }).CheckAsync();
            }

            await TypeAsync(goal.GetByLabel("Analys"), $"Analys av mål {i + 1}: utvecklingen följer planen i stort.");
            await TypeAsync(goal.GetByLabel("Åtgärder"), $"Åtgärder för mål {i + 1}: fortsatt produktionsplanering.");
            await goal.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = false }).First.ClickAsync();
            await Assertions.Expect(goal.Locator(".goal-form .save-status")).ToHaveTextAsync(SavedAt());
            await Assertions.Expect(page.Locator(".report-state-line")).ToContainTextAsync($"{i + 1} av {count} mål bedömda");
        }

        // A comment on the first indicator, saved on its own.
        var first = goals.First;
        await first.Locator("details.comments > summary").ClickAsync();
        var comment = first.Locator("form.comment-form").First;
        await TypeAsync(comment.Locator("textarea"), "Uppgiften för augusti är preliminär.");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Spara kommentaren", Exact = false }).ClickAsync();
        await Assertions.Expect(comment.Locator(".save-status")).ToHaveTextAsync(SavedAt());
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{name}-assessed");
        await ElementShotAsync(first, $"{name}-assessed-goal");

        // Submit: the texts become read-only.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await Assertions.Expect(page.Locator(".report-actions .saved")).ToHaveTextAsync("Rapporten är skickad till granskning.");
        await Assertions.Expect(page.Locator(".report-state-line")).ToContainTextAsync("Under granskning");
        await Assertions.Expect(page.Locator("form.goal-form")).ToHaveCountAsync(0);
        await Assertions.Expect(first.Locator(".goal-texts")).ToContainTextAsync("Väntetiderna är fortsatt för långa");
        await Assertions.Expect(page.Locator("section.revision")).ToContainTextAsync("Inga uppgifter har reviderats sedan rapporten skickades till granskning");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{name}-under-review");

        // Reopened, the texts can be changed again; then submitted once more.
        await page.GetByRole(AriaRole.Button, new() { Name = "Återöppna" }).ClickAsync();
        await Assertions.Expect(page.Locator(".report-actions .saved")).ToHaveTextAsync("Rapporten är öppen igen och kan ändras.");
        await Assertions.Expect(page.Locator("form.goal-form")).ToHaveCountAsync(count);
        await Assertions.Expect(first.GetByLabel("Motivering")).ToHaveValueAsync("Väntetiderna är fortsatt för långa trots att flera indikatorer förbättrats.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await Assertions.Expect(page.Locator(".report-state-line")).ToContainTextAsync("Under granskning");

        // The nämnd cannot finalise its own report: its Granskare does (four eyes), and the nämnd's page shows it.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fastställ …" })).ToHaveCountAsync(0);
        await FinaliseAsReviewerAsync(page);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("header.report-header[data-interactive]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".report-state-line")).ToContainTextAsync(new Regex(@"Fastställd \d{4}-\d{2}-\d{2} \d{2}:\d{2} av "));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Återöppna" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section.revision")).ToContainTextAsync("Inga uppgifter har reviderats");
        var frozen = await page.Locator("table.report-table").AllInnerTextsAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{name}-finalised");
        await ElementShotAsync(page.Locator("header.report-header"), $"{name}-finalised-header");

        // New outcomes arrive through the ingestion path: every outcome of the nämnd's indicators is revised upwards.
        var revised = await ReviseOutcomesAsync(demo);
        Assert.True(revised > 0, "No outcomes were revised.");
        await page.ReloadAsync();
        // The circuit replaces the prerendered page when it starts: a details opened before that would close again.
        await Assertions.Expect(page.Locator("header.report-header[data-interactive]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("section.revision h2")).ToContainTextAsync("Uppgifterna har reviderats sedan rapportens siffror lästes");
        await Assertions.Expect(page.Locator("section.revision")).ToContainTextAsync("Den fastställda rapporten är oförändrad.");
        // Every outcome revised is more than a glance: the table of changes is folded under its count until opened.
        var changes = page.Locator("details.revision-details");
        await Assertions.Expect(changes.Locator("summary")).ToHaveTextAsync(new Regex(@"^De \d+ ändrade värdena$"));
        await Assertions.Expect(page.Locator("table.revision-table")).ToBeHiddenAsync();
        await changes.Locator("summary").ClickAsync();
        await Assertions.Expect(page.Locator("table.revision-table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.revision-table tbody tr").First).ToContainTextAsync("→");
        Assert.Equal(frozen, await TablesAsync(page, frozen.Count));
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, $"{name}-revised");
        await ElementShotAsync(page.Locator("section.revision"), $"{name}-revised-notice");

        // The header's export links answer with the files (their content is the export tests' business).
        foreach (var (link, type) in new[] { ("Ladda ner som Excel", "spreadsheetml"), ("Ladda ner som PDF", "application/pdf") })
        {
            var href = await page.Locator("header.report-header").GetByRole(AriaRole.Link, new() { Name = link }).GetAttributeAsync("href");
            var response = await page.APIRequest.GetAsync($"{demo.BaseUrl}/{href}");
            Assert.Equal(200, response.Status);
            Assert.Contains(type, response.Headers["content-type"], StringComparison.Ordinal);
        }
    }

    /// <summary>One part of a page, at full resolution, for a person to look at closely.</summary>
    static async Task ElementShotAsync(ILocator element, string name) =>
        await element.ScreenshotAsync(new() { Path = Path.Combine(Browser.OutputFolder, name + ".png") });

    /// <summary>As a source run does: an ingestion run whose rows raise every stored outcome of the nämnd's indicators by 1.</summary>
    static async Task<int> ReviseOutcomesAsync(Demo demo)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rows = (await connection.QueryAsync<(int IndicatorId, string Period, string AreaId, string Gender, decimal Value)>("""
            select o.indicator_id, o.period, o.area_id, o.gender, o.value
            from observation o
            join indicator i on i.id = o.indicator_id
            where i.owner_committee_id = @CommitteeId and o.area_id = '0022' and o.status = 'ok'
            """, new { demo.CommitteeId }, transaction)).ToList();
        var runId = await connection.ExecuteScalarAsync<long>(
            "insert into ingestion_run (trigger, status, message) values ('manual', 'running', 'Reviderade utfall') returning id", transaction: transaction);
        var counts = await ObservationWriter.MergeAsync(connection, transaction, runId, rows.Select(r => new IncomingObservation(
            r.IndicatorId, r.Period, r.AreaId, GenderOf(r.Gender), r.Value + 1, ObservationStatus.Ok)), isDemo: true, CancellationToken.None);
        await connection.ExecuteAsync(
            "update ingestion_run set status = 'succeeded', finished_at = now(), updated = @Updated where id = @RunId",
            new { counts.Updated, RunId = runId }, transaction);
        await transaction.CommitAsync();
        return counts.Updated;
    }

    static Gender GenderOf(string code) => code.Trim() switch
    {
        "K" => Gender.K,
        "M" => Gender.M,
        _ => Gender.T,
    };

    static Regex SavedAt() => SavedAtPattern();

    [GeneratedRegex(@"^Sparat kl \d{2}:\d{2}$")]
    private static partial Regex SavedAtPattern();

    /// <summary>
    /// The report's tables once the page shows them all. After a reload the prerendered page is replaced when the circuit
    /// starts, and for a moment the page reads its report again ("Läser in …"), so a read at that moment finds no table.
    /// </summary>
    static async Task<IReadOnlyList<string>> TablesAsync(IPage page, int count)
    {
        var tables = page.Locator("table.report-table");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var texts = await tables.AllInnerTextsAsync();
            if (texts.Count == count)
            {
                return texts;
            }

            await Task.Delay(100);
        }

        return await tables.AllInnerTextsAsync();
    }
}
