using System.Diagnostics;
using Dapper;
using Hangfire;
using Indicators.Data;
using Indicators.Data.Alerts;
using Indicators.Data.Audit;
using Indicators.Ingestion.Alerts;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Alerts;

/// <summary>
/// The outbox end to end: a failing Kolada source, a subscriber with e-mail and a webhook, a real SMTP server (smtp4dev)
/// and a webhook receiver. However often the scan runs, and across a database restart or a killed worker, each event
/// gives exactly one e-mail and one webhook call; a second failure is announced as "igen".
/// </summary>
public class AlertOutboxTests
{
    const string HookPath = "teams/hemlig-krok-123";

    [Fact]
    public async Task A_failed_source_run_again_after_a_database_restart_gives_exactly_one_mail_and_one_webhook_call_per_failure()
    {
        await using var cluster = await TestPostgres.StartPrivateClusterAsync();
        var (connectionString, sourceId) = await ArrangeAsync(cluster.ConnectionString);
        await using var kolada = await StubServer.StartAsync(_ => StubResponse.Json("inte json"));
        await using var hook = await StubServer.StartAsync(_ => new StubResponse(200, "1"));
        await using var smtp = await Smtp4devServer.StartAsync();
        using var host = Host(connectionString, smtp, kolada, withServer: true);
        await host.StartAsync();
        await SubscribeAsync(host, connectionString, sourceId, hook);
        var runner = host.Services.GetRequiredService<IngestionRunner>();
        var scanner = host.Services.GetRequiredService<AlertScanner>();

        await FailAsync(runner, sourceId, RunTrigger.Manual, connectionString);
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        await WaitForAsync(smtp, hook, 1, connectionString);

        await cluster.StopAsync();
        await cluster.StartAsync();

        // After the restart: scans and every send job again (as Hangfire would re-run them) change nothing.
        await RetryAsync(() => scanner.ScanAsync(CancellationToken.None));
        await SendAllAgainAsync(host, connectionString);
        await FailAsync(runner, sourceId, RunTrigger.Retry, connectionString);
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        await WaitForAsync(smtp, hook, 2, connectionString);
        await SendAllAgainAsync(host, connectionString);
        await scanner.ScanAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var mails = await smtp.MessagesAsync();
        Assert.Equal(["Källan Kolada väntetider misslyckades", "Källan Kolada väntetider misslyckades igen (2:a gången i rad)"],
            mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal(["anna@example.se"], m.To));
        Assert.Equal(2, hook.Requests.Count);
        var text = await smtp.TextAsync(mails[0].Id);
        Assert.Contains("http://indicators.test/kallor/korningar/", text, StringComparison.Ordinal);
        Assert.Contains("http://indicators.test/bevakningar/avsluta?t=", text, StringComparison.Ordinal);
        using var card = System.Text.Json.JsonDocument.Parse(hook.Requests[0].Body);
        Assert.Equal("MessageCard", card.RootElement.GetProperty("@type").GetString());
        Assert.StartsWith("Källan Kolada väntetider misslyckades", card.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http://indicators.test/kallor/korningar/", card.RootElement.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal("/" + HookPath, hook.Requests[0].Path);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_worker_killed_after_sending_and_a_new_worker_scanning_again_do_not_send_an_alert_twice()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var kolada = await StubServer.StartAsync(_ => StubResponse.Json("inte json"));
        await using var hook = await StubServer.StartAsync(_ => new StubResponse(200, "1"));
        await using var smtp = await Smtp4devServer.StartAsync();
        using var client = Host(connectionString, smtp, kolada, withServer: false);
        await client.StartAsync();
        await SubscribeAsync(client, connectionString, sourceId, hook);
        var runner = client.Services.GetRequiredService<IngestionRunner>();
        var jobs = client.Services.GetRequiredService<IBackgroundJobClient>();
        await FailAsync(runner, sourceId, RunTrigger.Manual, connectionString);

        using (var worker = StartWorker(connectionString, smtp, kolada))
        {
            try
            {
                jobs.Enqueue<AlertScanner>(s => s.ScanAsync(CancellationToken.None));
                await WaitForAsync(smtp, hook, 1, connectionString);
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }
        }

        await FailAsync(runner, sourceId, RunTrigger.Retry, connectionString);
        using (var worker = StartWorker(connectionString, smtp, kolada))
        {
            try
            {
                jobs.Enqueue<AlertScanner>(s => s.ScanAsync(CancellationToken.None));
                jobs.Enqueue<AlertScanner>(s => s.ScanAsync(CancellationToken.None));
                await WaitForAsync(smtp, hook, 2, connectionString);
                await SendAllAgainAsync(client, connectionString);
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }
        }

        Assert.Equal(2, (await smtp.MessagesAsync()).Count);
        Assert.Equal(2, hook.Requests.Count);
        await client.StopAsync();
    }

    /// <summary>Runs the source, whose Kolada answers unreadable JSON: the run fails (and says so by throwing).</summary>
    static async Task FailAsync(IngestionRunner runner, int sourceId, RunTrigger trigger, string connectionString)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(sourceId, trigger, RunMode.Incremental, CancellationToken.None));
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal("failed", await connection.ExecuteScalarAsync<string>("select status from ingestion_run order by id desc limit 1"));
    }

    static IHost Host(string connectionString, Smtp4devServer smtp, StubServer kolada, bool withServer)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        foreach (var (key, value) in Settings(connectionString, smtp, kolada))
        {
            builder.Configuration[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        builder.Configuration["Hangfire:Server:Enabled"] = withServer ? "true" : "false";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsIngestion();
        builder.AddIndicatorsAlerts();
        return builder.Build();
    }

    static Dictionary<string, string> Settings(string connectionString, Smtp4devServer smtp, StubServer kolada) => new()
    {
        ["ConnectionStrings__Indicators"] = connectionString,
        ["Sources__Kolada__BaseUrl"] = kolada.Url("v3"),
        ["Notifications__BaseUrl"] = "http://indicators.test",
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = smtp.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__Smtp__UseTls"] = "false",
        ["Notifications__AllowHttpWebhooks"] = "true",
        ["Notifications__WebhookHosts__0"] = "127.0.0.1",
        ["Hangfire__Server__WorkerCount"] = "2",
    };

    static Process StartWorker(string connectionString, Smtp4devServer smtp, StubServer kolada)
    {
        var worker = Process.Start(WorkerProcess.StartInfo(connectionString, Settings(connectionString, smtp, kolada)))!;
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Anna, with an e-mail address, follows the source's failures by e-mail and webhook.</summary>
    static async Task SubscribeAsync(IHost host, string connectionString, int sourceId, StubServer hook)
    {
        await TestPostgres.ExecuteAsync(connectionString,
            "insert into app_user (user_name, display_name, email) values ('anna', 'Anna Analytiker', 'anna@example.se')");
        await host.Services.GetRequiredService<SubscriptionEditor>().CreateAsync(
            new SubscriptionDraft(AlertTargets.Source, sourceId, [AlertKinds.RunFailed], true, hook.Url(HookPath), false), new Actor("anna", null));
    }

    /// <summary>Every delivery's send job once more, as a duplicate or re-run Hangfire job would.</summary>
    static async Task SendAllAgainAsync(IHost host, string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var sender = host.Services.GetRequiredService<AlertSender>();
        foreach (var id in await connection.QueryAsync<long>("select id from alert_delivery where channel <> 'app'"))
        {
            await sender.SendAsync(id, CancellationToken.None);
        }
    }

    static async Task WaitForAsync(Smtp4devServer smtp, StubServer hook, int count, string connectionString) =>
        await WaitUntilAsync(async () => (await smtp.MessagesAsync()).Count >= count && hook.Requests.Count >= count,
            $"{count} mail(s) and webhook call(s)", 90, async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                var deliveries = await connection.QueryAsync<string>(
                    "select concat_ws(' | ', id, event_id, channel, state, attempts, last_error) from alert_delivery order by id");
                return $"mails: {(await smtp.MessagesAsync()).Count}, hook calls: {hook.Requests.Count}\ndeliveries:\n{string.Join('\n', deliveries)}\n"
                    + await DescribeJobsAsync(connectionString);
            });

    /// <summary>The first connections after a restart may meet the pool's dead ones; a scan is simply run again.</summary>
    static async Task RetryAsync(Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (NpgsqlException) when (attempt < 5)
            {
                await Task.Delay(500);
            }
        }
    }
}
