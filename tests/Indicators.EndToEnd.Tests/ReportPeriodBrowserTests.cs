using Dapper;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

public partial class ReportBrowserTests
{
    [Fact]
    public async Task An_analyst_deletes_a_report_period_created_by_mistake_after_confirming_and_the_other_period_stays()
    {
        await using var demo = await DemoAsync();
        var interim = await demo.PeriodAsync("interim", 2026);
        var page = await SignedInAsync(demo, "analytiker");
        await page.GotoAsync($"{demo.BaseUrl}/rapporter");
        await PageChecks.WaitUntilInteractiveAsync(page);
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Delårsrapport 2026 (jan–aug)" });
        await Assertions.Expect(delete).ToBeEnabledAsync();

        // The first click only asks; cancelling leaves everything as it was.
        await delete.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await delete.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("med nämndernas bedömningar och kommentarer?");
        await PageChecks.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, ta bort rapportperioden" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Delårsrapport 2026 (jan–aug) för Regionplan 2025–2027");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Delårsrapport 2026 (jan–aug)" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Årsrapport 2025 för Regionplan 2025–2027" })).ToBeVisibleAsync();
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from report_period where id = @Interim", new { Interim = interim }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from audit_log where user_name = 'analytiker' and action = 'delete' and entity = 'report_period'"));
    }
}
