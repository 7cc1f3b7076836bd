using Indicators.TestSupport;
using Microsoft.Playwright;

namespace Indicators.EndToEnd.Tests;

/// <summary>The audit log as an administrator reads it: Swedish, Stockholm time, names, filters in the address, on a phone too.</summary>
[Collection(BrowserTests.Name)]
public class AuditLogBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_administrator_filters_the_log_and_reads_it_in_Swedish_on_a_phone()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestUsers.CreateAsync(connectionString, "adam", "Administrator");
        await TestUsers.CreateAsync(connectionString, "hanna", "Ledning");
        await TestPostgres.ExecuteAsync(connectionString, """
            update app_user set display_name = 'Hanna Hansson' where user_name = 'hanna';
            insert into audit_log (occurred_at, user_name, action, entity, entity_id, before, after, remote_ip)
            values ('2026-12-05 17:53:04+00', 'hanna', 'submit', 'committee_report', '1/2', '{"State": "open"}', '{"State": "under_review"}', '192.0.2.10'),
                   ('2026-12-05 17:55:00+00', 'hanna', 'update', 'source', '4', '{"Name": "Kolada", "Settings": {"kpi": "N79173"}}',
                    '{"Name": "Kolada med ett mycket långt namn utan_mellanslag_som_inte_får_ge_vågrät_rullning_på_en_telefon", "Settings": {"kpi": "N79174"}}', null);
            """);
        await using var app = new TestWebApp(connectionString);
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 390, Height = 844 } });
        await PageChecks.SignInAsync(page, baseUrl, "adam", TestUsers.Password);

        await page.GotoAsync(baseUrl + "/admin/granskningslogg");
        await page.GetByLabel("Person (namn eller användarnamn)").FillAsync("Hanna");
        await page.GetByLabel("Händelse", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lämnade in" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("anvandare=Hanna.*handling=submit"));
        var entries = page.Locator(".audit-entry");
        await Assertions.Expect(entries).ToHaveCountAsync(1);
        await Assertions.Expect(entries.First).ToContainTextAsync("2026-12-05 18:53:04");
        await Assertions.Expect(entries.First).ToContainTextAsync("2026-12-05 18:53:04 Hanna Hansson (hanna) Lämnade in Nämndens rapport 1/2 från 192.0.2.10");
        await Assertions.Expect(entries.First).ToContainTextAsync("Lämnade in");
        await Assertions.Expect(entries.First).ToContainTextAsync("Nämndens rapport 1/2");
        await Assertions.Expect(entries.First.GetByRole(AriaRole.Row, new() { Name = "Status" })).ToHaveTextAsync("Statusöppenunder granskning");
        await PageChecks.AssertNoViolationsAsync(page);

        // The whole log, with the long source name and a nested setting, fits the phone.
        await page.GotoAsync(baseUrl + "/admin/granskningslogg?objekt=source");
        await Assertions.Expect(page.Locator(".audit-entry").First).ToContainTextAsync("Inställningar › kpi");
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The audit log is {widths[0]} px wide at 390 px (the viewport shows {widths[1]} px).");
        await PageChecks.AssertNoViolationsAsync(page);
    }
}
