using System.IO.Compression;
using System.Text.RegularExpressions;
using Indicators.TestSupport;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Four eyes in the browser: HSN submits its delårsrapport, the demo Granskare of HSN returns it with a comment on a goal,
/// HSN sees the comment, marks it åtgärdad and submits again, the Granskare finalises it recording the decision (§ and
/// meeting date), and the report's header and both exports show the decision.
/// </summary>
public partial class ReportBrowserTests
{
    const string GoalComment = "Motivera bedömningen med väntetiderna i augusti.";
    const string DecisionText = "Hälso- och sjukvårdsnämnden 2026-09-24 § 87, protokoll HSN 2026/9";

    [Fact]
    public async Task A_granskare_returns_hsns_report_with_a_comment_on_a_goal_and_finalises_it_when_resubmitted_recording_the_decision()
    {
        await using var demo = await DemoAsync();
        var ids = await DemoDecisions.AssessAsync(demo.ConnectionString, "2.1", Indicators.Core.Attainment.GoalAssessment.NotMet, submit: false);
        var url = demo.ReportUrl(ids.Interim);

        // HSN submits.
        var hsn = await SignedInAsync(demo, "hsn");
        await hsn.GotoAsync(url);
        await PageChecks.WaitUntilInteractiveAsync(hsn);
        await hsn.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await Assertions.Expect(hsn.Locator(".report-state-line")).ToContainTextAsync("Under granskning");
        await Assertions.Expect(hsn.GetByRole(AriaRole.Button, new() { Name = "Fastställ …" })).ToHaveCountAsync(0);

        // The Granskare returns it with a comment on goal 2.1.
        var reviewer = await SignedInAsync(demo, "granskare");
        await reviewer.GotoAsync(url);
        await PageChecks.WaitUntilInteractiveAsync(reviewer);
        var panel = reviewer.Locator("section.review-panel");
        await TypeAsync(panel.GetByLabel(new Regex("^Kommentar till mål 2\\.1 ")), GoalComment);
        await PageChecks.AssertNoViolationsAsync(reviewer);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Återlämna till nämnden" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("p.saved[role=status]")).ToHaveTextAsync("Rapporten är återlämnad till nämnden med dina kommentarer.");
        await Assertions.Expect(reviewer.Locator(".report-state-line")).ToContainTextAsync("Öppen");

        // HSN sees the comment with its goal, marks it åtgärdad and submits again.
        await hsn.ReloadAsync();
        await PageChecks.WaitUntilInteractiveAsync(hsn);
        var goal = hsn.Locator("article.report-goal", new() { Has = hsn.Locator("h3", new() { HasText = "Mål 2.1" }) });
        var comment = goal.Locator(".review-comment");
        await Assertions.Expect(comment).ToContainTextAsync(GoalComment);
        await Assertions.Expect(comment).ToContainTextAsync("Greta Granskare (demo)");
        await Assertions.Expect(comment).ToContainTextAsync("○ Inte markerad som åtgärdad");
        await PageChecks.AssertNoViolationsAsync(hsn);
        await comment.GetByRole(AriaRole.Button, new() { Name = "Markera som åtgärdad", Exact = false }).ClickAsync();
        await Assertions.Expect(comment).ToContainTextAsync("✓ Åtgärdad – markerad av Hanna HSN (demo)");
        await hsn.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" }).ClickAsync();
        await Assertions.Expect(hsn.Locator(".report-state-line")).ToContainTextAsync("Under granskning");

        // The Granskare finalises: a missing § is refused beside its field, then the decision is recorded.
        await reviewer.ReloadAsync();
        await PageChecks.WaitUntilInteractiveAsync(reviewer);
        await Assertions.Expect(reviewer.Locator("article.report-goal .review-comment").First).ToContainTextAsync("✓ Åtgärdad");
        await FinaliseAsReviewerAsync(reviewer, paragraph: "");
        await Assertions.Expect(reviewer.Locator(".decision-fields .validation-message")).ToContainTextAsync("Ange paragraf (§) i protokollet");
        await PageChecks.AssertNoViolationsAsync(reviewer);
        await FinaliseAsReviewerAsync(reviewer);
        await Assertions.Expect(reviewer.Locator("header.report-header .decision")).ToHaveTextAsync($"Beslut: {DecisionText}");
        await Assertions.Expect(reviewer.Locator("article.report-goal .review-comment").First).ToContainTextAsync(GoalComment);
        await PageChecks.AssertNoViolationsAsync(reviewer);
        await PageChecks.ScreenshotAsync(reviewer, "report-reviewed-finalised");

        // Both exports carry the decision.
        var excel = await reviewer.APIRequest.GetAsync($"{url}/export.xlsx");
        Assert.Equal(200, excel.Status);
        using (var zip = new ZipArchive(new MemoryStream(await excel.BodyAsync())))
        {
            var xml = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.Contains(DecisionText, xml, StringComparison.Ordinal);
        }

        var pdf = await reviewer.APIRequest.GetAsync($"{url}/export.pdf");
        Assert.Equal(200, pdf.Status);
        using (var document = PdfDocument.Open(await pdf.BodyAsync()))
        {
            var words = string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains($"Beslut: {DecisionText}", words, StringComparison.Ordinal);
        }

        await hsn.Context.CloseAsync();
        await reviewer.Context.CloseAsync();
    }

    [Fact]
    public async Task A_granskare_of_every_namnd_finalises_the_regions_report_once_every_namnds_is_and_its_exports_show_the_decision()
    {
        const string RegionDecision = "Regionstyrelsen 2026-10-15 § 140";
        await using var demo = await DemoAsync();
        await TestUsers.CreateAsync(demo.ConnectionString, "kontroller", Indicators.Web.Security.Roles.Reviewer);
        var interim = await demo.PeriodAsync("interim", 2026);
        var periodUrl = $"{demo.BaseUrl}/rapporter/{interim}";

        // Before every nämnd has finalised, the panel says what it waits for and offers nothing.
        var controller = await SignedInAsync(demo, "kontroller", TestUsers.Password);
        await controller.GotoAsync(periodUrl);
        var panel = controller.Locator("section.region-decision");
        await Assertions.Expect(panel).ToContainTextAsync("Regionens rapport fastställs när alla nämnders rapporter är fastställda");
        await Assertions.Expect(panel.Locator("form")).ToHaveCountAsync(0);

        await DemoDecisions.FinaliseEveryNamndAsync(demo.ConnectionString, interim, "kontroller");
        await controller.ReloadAsync();
        await PageChecks.WaitUntilInteractiveAsync(controller);
        await Assertions.Expect(panel).ToContainTextAsync("Alla nämnders rapporter är fastställda");
        var form = panel.Locator("form.finalise-form");
        await TypeAsync(form.GetByLabel("Beslutande organ"), "Regionstyrelsen");
        await form.GetByLabel("Sammanträdesdatum").FillAsync("2026-10-15");
        await TypeAsync(form.GetByLabel("Paragraf (§)"), "inte en paragraf");
        await form.GetByRole(AriaRole.Button, new() { Name = "Fastställ regionens rapport …" }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Ja, fastställ regionens rapport" }).ClickAsync();
        await Assertions.Expect(form.Locator(".validation-message").First).ToBeVisibleAsync();
        await PageChecks.AssertNoViolationsAsync(controller);

        await TypeAsync(form.GetByLabel("Paragraf (§)"), "140");
        await form.GetByRole(AriaRole.Button, new() { Name = "Fastställ regionens rapport …" }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Ja, fastställ regionens rapport" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".decision")).ToHaveTextAsync($"Beslut: {RegionDecision}");
        await PageChecks.AssertNoViolationsAsync(controller);
        await PageChecks.ScreenshotAsync(controller, "report-region-finalised");

        var pdf = await controller.APIRequest.GetAsync($"{periodUrl}/export.pdf");
        Assert.Equal(200, pdf.Status);
        using (var document = PdfDocument.Open(await pdf.BodyAsync()))
        {
            Assert.Contains($"Beslut: {RegionDecision}", string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        }

        await controller.Context.CloseAsync();
    }

    /// <summary>
    /// The demo Granskare of HSN finalises the report open on <paramref name="page"/> (a Nämnd user's page: in a context of
    /// its own; the Granskare's own page: there), recording the decision, through the step that says it cannot be undone.
    /// An empty <paramref name="paragraph"/> stops at the refusal.
    /// </summary>
    static async Task FinaliseAsReviewerAsync(IPage page, string paragraph = "87")
    {
        var ownPage = await page.Locator("section.review-panel").CountAsync() > 0;
        var reviewer = page;
        if (!ownPage)
        {
            var context = await page.Context.Browser!.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1366, Height = 900 } });
            reviewer = await context.NewPageAsync();
            await PageChecks.SignInAsync(reviewer, new Uri(page.Url).GetLeftPart(UriPartial.Authority), "granskare", DemoPassword);
            await reviewer.GotoAsync(page.Url);
            await PageChecks.WaitUntilInteractiveAsync(reviewer);
        }

        var form = reviewer.Locator("form.finalise-form");
        await Assertions.Expect(form.GetByLabel("Beslutande organ")).ToHaveValueAsync("Hälso- och sjukvårdsnämnden");
        await form.GetByLabel("Sammanträdesdatum").FillAsync("2026-09-24");
        await TypeAsync(form.GetByLabel("Paragraf (§)"), paragraph);
        await TypeAsync(form.GetByLabel("Protokollreferens", new() { Exact = false }), "HSN 2026/9");
        await form.GetByRole(AriaRole.Button, new() { Name = "Fastställ …" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".confirm-finalise")).ToContainTextAsync("Det går inte att ångra");
        await PageChecks.AssertNoViolationsAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Ja, fastställ rapporten" }).ClickAsync();
        if (paragraph.Length > 0)
        {
            await Assertions.Expect(reviewer.Locator(".report-state-line")).ToContainTextAsync(new Regex(@"Fastställd \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Greta Granskare"));
        }

        if (!ownPage)
        {
            await reviewer.Context.CloseAsync();
        }
    }
}
