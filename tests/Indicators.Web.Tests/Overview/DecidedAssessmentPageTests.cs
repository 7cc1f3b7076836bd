using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Indicators.Core.Attainment;
using Indicators.TestSupport;

namespace Indicators.Web.Tests.Overview;

/// <summary>
/// The nämnd's decision reaches the dashboard: after HSN assesses mål 2.1 as "Ej uppfyllt" in the Delårsrapport 2026 and
/// finalises it, the overview, mål, målområde and nämnd pages show that decision beside the suggestion, with its report,
/// state and a link; a report still open (a draft) is never shown as a decision.
/// </summary>
public class DecidedAssessmentPageTests
{
    const string Title = "Delårsrapport 2026 (jan–aug)";

    sealed record Demo(TestWebApp App, string ConnectionString) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    static async Task<Demo> StartAsync()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        _ = app.Server;   // starts the app, which loads the demo plan and its users
        return new Demo(app, connectionString);
    }

    static async Task<IDocument> GetPage(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    static async Task<HttpClient> SignedInAsync(TestWebApp app, string user)
    {
        var client = app.CreateClient();
        await TestUsers.SignInAsync(client, user, "demo-2025");
        return client;
    }

    /// <summary>The decided assessment of mål 2.1 on a page: in its goal article (overview, nämnd) or the page's own.</summary>
    static IElement DecidedOf(IDocument document, string scope)
    {
        var container = document.QuerySelector(scope) ?? throw new Xunit.Sdk.XunitException($"No {scope} on the page:\n{document.Body?.TextContent}");
        return container.QuerySelector(".decided") ?? throw new Xunit.Sdk.XunitException($"No decided assessment in {scope}:\n{container.TextContent}");
    }

    static void AssertShowsDecision(IElement decided, DemoDecisions.Ids demo)
    {
        var text = decided.TextContent;
        Assert.Contains("✕ Ej uppfyllt", text, StringComparison.Ordinal);
        Assert.Contains("Fastställd", text, StringComparison.Ordinal);
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains(decided.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"rapporter/{demo.Interim}/namnd/{demo.Hsn}#goal-{demo.Goal}");
    }

    [Fact]
    public async Task After_HSN_finalises_mål_2_1_as_ej_uppfyllt_the_overview_goal_goal_area_and_nämnd_pages_show_it_beside_the_suggestion()
    {
        await using var app = await StartAsync();
        var demo = await DemoDecisions.AssessAsync(app.ConnectionString, "2.1", GoalAssessment.NotMet);
        using var client = await SignedInAsync(app.App, "ledning");

        var overview = await GetPage(client, "/?period=2026-JA");
        AssertShowsDecision(DecidedOf(overview, $"article.goal[aria-labelledby='goal-{demo.Goal}']"), demo);
        Assert.Contains("Föreslagen bedömning:", overview.QuerySelector($"article.goal[aria-labelledby='goal-{demo.Goal}']")!.TextContent, StringComparison.Ordinal);

        var goal = await GetPage(client, $"/mal/{demo.Goal}?period=2026-JA");
        AssertShowsDecision(DecidedOf(goal, "main"), demo);
        Assert.NotNull(goal.QuerySelector("main .suggestion"));

        var area = await GetPage(client, $"/malomrade/{demo.Area}?period=2026-JA");
        var row = area.QuerySelectorAll("table.goal-summary tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Mål 2.1 ", StringComparison.Ordinal));
        AssertShowsDecision(row.QuerySelector(".decided")!, demo);
        // The area line counts its goals' decisions: the other goals were assessed as suggested, so count them from the rows.
        var decidedNotMet = area.QuerySelectorAll("table.goal-summary tbody tr .decided")
            .Count(cell => cell.TextContent.Contains("Ej uppfyllt", StringComparison.Ordinal));
        Assert.Contains($"Ej uppfyllt {decidedNotMet}", area.QuerySelector("main .decided-area")!.TextContent, StringComparison.Ordinal);

        var committee = await GetPage(client, $"/namnd/{demo.Hsn}?period=2026-JA");
        AssertShowsDecision(DecidedOf(committee, $"article.goal[aria-labelledby='goal-{demo.Goal}']"), demo);
    }

    [Fact]
    public async Task Where_the_decision_differs_from_the_suggestion_both_show_and_the_motivation_is_one_click_away_and_an_open_draft_is_never_shown()
    {
        await using var app = await StartAsync();
        using var client = await SignedInAsync(app.App, "ledning");

        // Saved but not submitted: a draft, not a decision.
        var demo = await DemoDecisions.AssessAsync(app.ConnectionString, "2.1", GoalAssessment.NotMet, submit: false);
        var draft = await GetPage(client, $"/mal/{demo.Goal}?period=2026-JA");
        Assert.Contains("Ingen inskickad eller fastställd ännu", DecidedOf(draft, "main").TextContent, StringComparison.Ordinal);

        // Submitted: shown as under review.
        await DemoDecisions.SubmitAsync(app.ConnectionString, demo);

        var page = await GetPage(client, $"/mal/{demo.Goal}?period=2026-JA");
        var decided = DecidedOf(page, "main");
        Assert.Contains("Under granskning", decided.TextContent, StringComparison.Ordinal);
        var suggested = page.QuerySelector("main .suggestion .assessment")!.TextContent.Trim();
        if (!suggested.EndsWith("Ej uppfyllt", StringComparison.Ordinal))
        {
            var motivation = decided.QuerySelector("details.motivation") ?? throw new Xunit.Sdk.XunitException("No motivation: " + decided.TextContent);
            Assert.Contains(DemoDecisions.Motivation, motivation.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        }

        // An earlier period does not show a later report's decision.
        var earlier = await GetPage(client, $"/mal/{demo.Goal}?period=2025");
        Assert.Contains("Ingen inskickad eller fastställd ännu", DecidedOf(earlier, "main").TextContent, StringComparison.Ordinal);
    }
}
