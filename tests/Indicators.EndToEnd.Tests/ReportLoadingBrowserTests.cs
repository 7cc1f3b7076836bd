using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

public partial class ReportBrowserTests
{
    [Fact]
    public async Task A_nämnds_report_shown_on_opening_stays_when_the_page_turns_interactive_without_reading_it_again()
    {
        await using var demo = await DemoAsync();
        var interim = await demo.PeriodAsync("interim", 2026);
        var page = await SignedInAsync(demo, "hsn");

        // A report built anew when the page turns interactive would first show "Läser in …".
        await PageChecks.RecordShownTextAsync(page);
        await page.GotoAsync(demo.ReportUrl(interim));
        await PageChecks.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skicka till granskning" })).ToBeEnabledAsync();

        var shown = await PageChecks.ShownTextAsync(page);
        Assert.DoesNotContain(shown, text => text.Contains("Läser in", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Delårsrapport 2026 (jan–aug)");
    }

    [Fact]
    public async Task The_report_list_shown_on_opening_stays_when_the_page_turns_interactive_without_reading_it_again()
    {
        await using var demo = await DemoAsync();
        var page = await SignedInAsync(demo, "analytiker");

        // A list read anew when the page turns interactive would first show "Läser in …".
        await PageChecks.RecordShownTextAsync(page);
        await page.GotoAsync($"{demo.BaseUrl}/rapporter");
        await PageChecks.WaitUntilInteractiveAsync(page);

        var shown = await PageChecks.ShownTextAsync(page);
        Assert.DoesNotContain(shown, text => text.Contains("Läser in", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Årsrapport 2025 för Regionplan 2025–2027" })).ToBeVisibleAsync();
        // The plan versions to create a period for came along too: Västernorrland's adopted plan and Sjukvårdspartiet's
        // proposal, and Region Västerbotten's plan (the analyst sees every organisation), after "Välj …".
        await Assertions.Expect(page.Locator("#plan-version option")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#plan-version option", new() { HasText = "Regionplan 2025–2027" })).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#plan-version option", new() { HasText = "Regionplan 2024–2027" })).ToHaveCountAsync(1);
    }
}
