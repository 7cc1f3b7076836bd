using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

/// <summary>What every browser test does: sign in through the form, and ask axe-core for WCAG 2.1 A and AA violations.</summary>
public static class PageChecks
{
    public static async Task SignInAsync(IPage page, string baseUrl, string userName, string password)
    {
        await page.GotoAsync(baseUrl + "/logga-in");
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>
    /// Waits until an editing form is live. Its submit buttons stay disabled until the circuit has taken over the
    /// prerendered page (text typed before that would be lost), so an enabled one means the form answers.
    /// </summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("form.edit button[type=submit]").First).ToBeEnabledAsync();

    /// <summary>
    /// From the page's first bytes on, notes the text of everything it adds, so a test can tell whether the page ever
    /// fell back to a loading state (a prerendered page whose circuit reads its data anew shows "Läser in …" for a moment).
    /// </summary>
    public static Task RecordShownTextAsync(IPage page) => page.AddInitScriptAsync("""
        window.__shown = [];
        new MutationObserver(records => {
            for (const record of records)
                for (const node of record.addedNodes)
                    if (node.textContent) window.__shown.push(node.textContent);
        }).observe(document, { childList: true, subtree: true });
        """);

    /// <summary>The texts <see cref="RecordShownTextAsync"/> noted.</summary>
    public static Task<string[]> ShownTextAsync(IPage page) => page.EvaluateAsync<string[]>("window.__shown");

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>axe-core's WCAG 2.1 A and AA violations on the page as it stands, one line each (none: empty).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page) => Lines(await page.RunAxe(Wcag21));

    /// <summary>The same, for one part of the page (the header).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(ILocator part) => Lines(await part.RunAxe(Wcag21));

    static AxeRunOptions Wcag21 => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    static List<string> Lines(AxeResult result) =>
        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").ToList();

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Browser.OutputFolder, name + ".png"), FullPage = fullPage });
}
