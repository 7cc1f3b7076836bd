using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

/// <summary>Debian's Chromium driven by Playwright; nothing is downloaded. CHROMIUM_PATH overrides the location.</summary>
public sealed class Browser : IAsyncLifetime
{
    IPlaywright? playwright;

    public IBrowser Instance { get; private set; } = default!;

    /// <summary>Screenshots land here, as test output for a person to look at.</summary>
    public static string OutputFolder { get; } = Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "test-output")).FullName;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
