using Dapper;
using Indicators.Ingestion.Alerts;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace Indicators.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public class AlertsBrowserTests(Browser browser)
{
    [Fact]
    public async Task An_analyst_subscribes_to_a_source_sees_its_failure_by_mail_webhook_and_in_the_app_and_unsubscribes_from_the_mail_without_signing_in()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region'), ('0000', 'Riket', 'Riket', 'country') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224');
            insert into source (name, kind, cron, settings) values ('Kolada väntetider', 'kolada', '0 6 * * *', '{"areas": ["0022", "0000"], "fromYear": 2023}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """);
        await TestUsers.CreateAsync(connectionString, "alva", "Analytiker");
        await TestPostgres.ExecuteAsync(connectionString, "update app_user set email = 'alva@example.se' where user_name = 'alva'");
        // The broken source: Kolada answers something that is not its JSON.
        await using var kolada = await StubServer.StartAsync(_ => StubResponse.Json("<html>Tillfälligt fel</html>"));
        await using var hook = await StubServer.StartAsync(_ => new StubResponse(200, "1"));
        await using var smtp = await Smtp4devServer.StartAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?>
        {
            ["Hangfire:Server:Enabled"] = "true",
            ["Sources:Kolada:BaseUrl"] = kolada.Url("v3"),
            ["Notifications:BaseUrl"] = "http://indicators.test",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:AllowHttpWebhooks"] = "true",
            ["Notifications:WebhookHosts:0"] = "127.0.0.1",
        });
        var baseUrl = app.StartKestrel();
        var page = await browser.Instance.NewPageAsync(new() { Locale = "sv-SE" });
        await PageChecks.SignInAsync(page, baseUrl, "alva", TestUsers.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bevakningar", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bevakningar");
        await PageChecks.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Vad vill du bevaka?").SelectOptionAsync(new SelectOptionValue { Label = "Källa" });
        await page.Locator("#bevaka-vad").SelectOptionAsync(new SelectOptionValue { Label = "Kolada väntetider" });
        await Assertions.Expect(page.GetByLabel("En körning misslyckades")).ToBeCheckedAsync();
        await page.GetByLabel("Webhook (Microsoft Teams eller annan JSON-mottagare), valfri").FillAsync(hook.Url("teams/krok"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevaka", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Du bevakar nu Kolada väntetider.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.subscriptions")).ToContainTextAsync("Källa: Kolada väntetider");
        await Assertions.Expect(page.Locator("ul.subscriptions")).ToContainTextAsync("Via listan, e-post och webhook.");
        await PageChecks.AssertNoViolationsAsync(page);
        await PageChecks.ScreenshotAsync(page, "alerts");

        // Break the source: Kör nu, then the scan the worker runs every minute, run here at once.
        await page.GotoAsync(baseUrl + "/kallor/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kör nu" }).ClickAsync();
        await WaitUntilAsync(async () => await ScalarAsync<string?>(connectionString, "select status from ingestion_run order by id desc limit 1") == "failed",
            "the run to fail");
        await app.Services.GetRequiredService<AlertScanner>().ScanAsync(CancellationToken.None);
        await WaitUntilAsync(async () => (await smtp.MessagesAsync()).Count == 1 && hook.Requests.Count == 1, "the mail and the webhook call");

        var mail = Assert.Single(await smtp.MessagesAsync());
        Assert.Equal("Källan Kolada väntetider misslyckades", mail.Subject);
        Assert.Equal(["alva@example.se"], mail.To);
        var text = await smtp.TextAsync(mail.Id);
        Assert.Contains("http://indicators.test/kallor/korningar/1", text, StringComparison.Ordinal);
        Assert.Equal("/teams/krok", hook.Requests[0].Path);

        await page.GotoAsync(baseUrl + "/bevakningar");
        await Assertions.Expect(page.Locator("ol.inbox")).ToContainTextAsync("Källan Kolada väntetider misslyckades");
        // The run's message with its address summarised as on the run page, never the whole URL.
        await Assertions.Expect(page.Locator("ol.inbox")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"127\.0\.0\.1:\d+/v3/data/kpi/…"));
        await Assertions.Expect(page.Locator("ol.inbox")).Not.ToContainTextAsync("http://127.0.0.1");

        // The mail's unsubscribe link, opened by someone not signed in: it ends this subscription and nothing else.
        var unsubscribe = text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Avsluta den här bevakningen: ", StringComparison.Ordinal))
            ["Avsluta den här bevakningen: ".Length..].Replace("http://indicators.test", baseUrl, StringComparison.Ordinal);
        await using var anonymous = await browser.Instance.NewContextAsync(new() { Locale = "sv-SE" });
        var stranger = await anonymous.NewPageAsync();
        await stranger.GotoAsync(unsubscribe);
        await Assertions.Expect(stranger.Locator("main")).ToContainTextAsync("Du bevakar källa Kolada väntetider.");
        await PageChecks.AssertNoViolationsAsync(stranger);
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Avsluta bevakningen" }).ClickAsync();
        await Assertions.Expect(stranger.GetByText("Bevakningen är avslutad.")).ToBeVisibleAsync();
        Assert.Equal(0, await ScalarAsync<int>(connectionString, "select count(*)::int from subscription"));
        Assert.Equal("alva (avregistreringslänk)", await ScalarAsync<string?>(connectionString,
            "select user_name from audit_log where entity = 'subscription' and action = 'delete'"));

        // A forged token ends nothing.
        await stranger.GotoAsync(baseUrl + "/bevakningar/avsluta?t=inte-en-riktig-nyckel");
        await Assertions.Expect(stranger.GetByRole(AriaRole.Alert)).ToContainTextAsync("Länken gäller ingen bevakning");
    }

    static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql);
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {seconds} s for {what}.");
            await Task.Delay(200);
        }
    }
}
