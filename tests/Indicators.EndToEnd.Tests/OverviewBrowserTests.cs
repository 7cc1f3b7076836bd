using Indicators.TestSupport;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class OverviewBrowserTests(Browser browser)
{
    static async Task<(TestWebApp App, string BaseUrl)> StartDemo()
    {
        var app = new TestWebApp(await TestPostgres.CreateEmptyDatabaseAsync(), new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        return (app, app.StartKestrel());
    }

    [Fact]
    public async Task A_reader_changes_period_filters_by_status_and_nämnd_and_drills_down_to_a_goal_area_a_goal_an_indicator_and_a_nämnd()
    {
        var (app, baseUrl) = await StartDemo();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Regionplan 2025–2027");
        await Assertions.Expect(page.Locator("table.indicator-table").First).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"),
            "The overview scrolls sideways at 1366 px.");
        var overflowing = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('.table-scroll')].filter(t => t.scrollWidth > t.clientWidth).map(t => t.scrollWidth + '>' + t.clientWidth).join(', ')");
        Assert.True(overflowing.Length == 0, $"Tables scroll inside their box at 1366 px: {overflowing}");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "overview");
        await page.Locator("article.goal").Nth(2).ScreenshotAsync(new() { Path = Path.Combine(Browser.OutputFolder, "overview-goal.png") });

        await page.SelectOptionAsync("#period", "2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Helår 2025");
        Assert.Contains("period=2025", page.Url, StringComparison.Ordinal);

        // Filter by the status the first indicator has: every row left has that status.
        var firstStatus = (await page.Locator("table.indicator-table tbody tr .status").First.InnerTextAsync()).Trim();
        var statusName = firstStatus[(firstStatus.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        await page.SelectOptionAsync("#status", new SelectOptionValue { Label = statusName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        var statuses = await page.Locator("table.indicator-table tbody tr .status").AllInnerTextsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.EndsWith(statusName, s.Trim(), StringComparison.Ordinal));
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "overview-status-filter");

        // The nämnd filter from the keyboard: choose, Tab past the status field to "Visa", Enter.
        await page.SelectOptionAsync("#status", "");
        await page.SelectOptionAsync("#namnd", new SelectOptionValue { Label = "Regionala utvecklingsnämnden" });
        await page.Locator("#namnd").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Visa" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("namnd=\\d+"));
        var goals = page.Locator("article.goal");
        Assert.True(await goals.CountAsync() > 0);
        foreach (var goal in await goals.AllAsync())
        {
            var ownsGoal = (await goal.Locator(".owner").AllInnerTextsAsync()).Any(t => t.Contains("Regionala utvecklingsnämnden", StringComparison.Ordinal));
            var rows = await goal.Locator("tbody tr").AllInnerTextsAsync();
            Assert.True(ownsGoal || rows.All(r => r.Contains("Regionala utvecklingsnämnden", StringComparison.Ordinal)),
                "A goal shown for RUN is neither owned by RUN nor limited to RUN's indicators.");
        }

        await PageChecks.ScreenshotAsync(page, "overview-namnd-filter");

        await page.GotoAsync(baseUrl + "/");
        await page.Locator("section.goal-area h2 a").Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Målområde");
        await Assertions.Expect(page.Locator("table.goal-summary")).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "goal-area");

        await page.Locator("table.goal-summary tbody th a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Mål ");
        await Assertions.Expect(page.Locator(".suggestion:not(.sub-goal .suggestion)")).ToHaveCountAsync(1);
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "goal");

        // Down to an indicator: its page keeps the period and draws both charts.
        var indicatorLink = page.Locator("table.indicator-table th.indicator-name a").First;
        var indicatorName = await indicatorLink.InnerTextAsync();
        await indicatorLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(indicatorName);
        await page.Locator("#utfall-diagram .main-svg").First.WaitForAsync();
        await page.Locator("#jamforelse-diagram .main-svg").First.WaitForAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Mål ");

        await page.Locator("dl.facts a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("nämnden");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "namnd");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nämnder", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Nämnder");
        await PageChecks.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_overview_prints_without_the_menu_and_the_form_and_with_explanations_open()
    {
        var (app, baseUrl) = await StartDemo();
        await using var _app = app;
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1100, Height = 1400 } });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");
        await Assertions.Expect(page.Locator("table.indicator-table").First).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.choice-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("table.indicator-table tbody tr details.explained p").First).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "overview-print");
    }

    /// <summary>A4 portrait at 96 dpi less Chromium's default PDF margins (about 1 cm): what one printed page holds.</summary>
    const int PrintableWidth = 718, PrintableHeight = 1047;

    [Fact]
    public async Task Ledning_sees_where_the_plan_stands_in_one_1366x768_screen_with_the_nämnds_decision_and_it_prints_on_one_page()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var decided = await DemoDecisions.AssessAsync(connectionString, "2.1", Indicators.Core.Attainment.GoalAssessment.NotMet);
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 768 } });
        await PageChecks.SignInAsync(page, baseUrl, "ledning", "demo-2025");
        await page.GotoAsync(baseUrl + "/?period=2026-JA");

        var summary = page.Locator("section.plan-summary");
        var box = await summary.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The overview has no summary.");
        await PageChecks.ScreenshotAsync(page, "overview-summary-ledning", fullPage: false);
        Assert.True(box.Y + box.Height <= 768, $"The summary ends at {box.Y + box.Height:0} px, below the 768 px screen.");

        // The four parts: counts per status, the matrix with headers, the changed statuses and those needing attention.
        await Assertions.Expect(summary.Locator("ul.status-counts li")).ToHaveCountAsync(4);
        var matrix = summary.Locator("table.goal-matrix");
        await Assertions.Expect(matrix.Locator("thead th[scope=col]")).ToHaveTextAsync(["Målområde och mål", "Förslag", "Nämndens bedömning"]);
        Assert.Equal(await page.Locator("section.goal-area").CountAsync(), await matrix.Locator("tr.area-row").CountAsync());
        Assert.Equal(await page.Locator("article.goal").CountAsync(), await matrix.Locator("tbody tr:not(.area-row)").CountAsync());
        var goalRow = matrix.Locator("tbody tr").Filter(new() { Has = page.Locator($"a[href^='mal/{decided.Goal}?']") });
        await Assertions.Expect(goalRow.Locator("td").Nth(1)).ToContainTextAsync("✕ Ej uppfyllt · fastställd");
        await Assertions.Expect(goalRow.Locator($"a[href='rapporter/{decided.Interim}/namnd/{decided.Hsn}#goal-{decided.Goal}']")).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("h3").Filter(new() { HasText = "Ändrad status sedan Helår 2025" })).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("h3").Filter(new() { HasText = "Behöver uppmärksamhet" })).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(page);

        // From the matrix to the goal: the decision beside the suggestion, the motivation one click away where they differ.
        await goalRow.Locator($"a[href^='mal/{decided.Goal}?']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Mål 2.1");
        var decision = page.Locator("main .decided");
        await Assertions.Expect(decision).ToContainTextAsync("✕ Ej uppfyllt");
        await Assertions.Expect(decision).ToContainTextAsync("Fastställd");
        // The mål's own suggestion (its delmål have theirs further down).
        var suggestion = page.Locator("main .suggestion:not(.sub-goal .suggestion)");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        if (!(await suggestion.Locator(".assessment").InnerTextAsync()).EndsWith("Ej uppfyllt", StringComparison.Ordinal))
        {
            await decision.Locator("details.motivation summary").ClickAsync();
            await Assertions.Expect(decision.Locator("details.motivation p")).ToHaveTextAsync(DemoDecisions.Motivation);
        }

        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "goal-decided", fullPage: false);
        await page.GotoAsync(baseUrl + "/?period=2026-JA");

        // Printed: the summary alone fills one page, the detail follows from the next.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(PrintableWidth, PrintableHeight);
        box = await summary.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The summary does not print.");
        Assert.True(box.Height <= PrintableHeight, $"The printed summary is {box.Height:0} px tall; a page holds {PrintableHeight} px.");
        Assert.Equal("page", await summary.EvaluateAsync<string>("e => getComputedStyle(e).breakAfter"));
        // The rest hidden (and with it the break after the summary, which would start an empty page), what is left is one page.
        await page.AddStyleTagAsync(new() { Content = "main > :not(.plan-summary) { display: none !important; } .plan-summary { break-after: auto !important; }" });
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(Browser.OutputFolder, "overview-summary.pdf") });
        var pages = System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])");
        Assert.Equal(1, pages);

        // The same screen for an administrator, for a person to compare (the header is another piece of work).
        var admin = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 768 } });
        await PageChecks.SignInAsync(admin, baseUrl, "admin.demo", "demo-2025");
        await admin.GotoAsync(baseUrl + "/?period=2026-JA");
        await PageChecks.ScreenshotAsync(admin, "overview-summary-admin", fullPage: false);
    }
}
