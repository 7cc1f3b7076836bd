using Dapper;
using Indicators.Core.Editing;
using Indicators.Data.Alerts;
using Indicators.Data.Audit;
using Indicators.Ingestion.Alerts;
using Indicators.Ingestion.Runs;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Alerts;

/// <summary>
/// A webhook goes only to a host on the allow-list (Notifications:WebhookHosts; by default the Microsoft Teams and
/// Power Automate webhook hosts), checked when a subscription is saved and again when sending: a subscriber cannot make
/// the server post to an internal address (SSRF), nor can a subscription saved under an older list.
/// </summary>
public class WebhookHostTests
{
    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("https://intranet.region.local/hook", "intranet.region.local")]
    [InlineData("https://kommun.webhook.office.com.angripare.se/webhookb2/x", "kommun.webhook.office.com.angripare.se")]
    [InlineData("https://webhook.office.com@10.0.0.5/webhookb2/x", "10.0.0.5")]
    public async Task A_webhook_to_a_host_not_on_the_list_is_refused_when_saved_naming_the_field_and_the_host(string url, string host)
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var mail = new TestFolder();
        using var defaults = Host(connectionString, mail.Path, allowLocalHook: false);
        await AddAnnaAsync(connectionString);

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => SubscribeAsync(defaults, sourceId, url));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("WebhookUrl", error.Field);
        Assert.StartsWith($"Webhookadressens värd ”{host}” är inte tillåten. Tillåtna är *.webhook.office.com, *.logic.azure.com och *.environment.api.powerplatform.com", error.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from subscription"));
    }

    [Theory]
    [InlineData("https://kommunen.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456")]
    [InlineData("https://prod-05.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x")]
    [InlineData("https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=x")]
    public async Task A_teams_or_power_automate_webhook_is_accepted_by_default(string url)
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var mail = new TestFolder();
        using var defaults = Host(connectionString, mail.Path, allowLocalHook: false);
        await AddAnnaAsync(connectionString);

        await SubscribeAsync(defaults, sourceId, url);

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from subscription where webhook_url_encrypted is not null"));
    }

    [Fact]
    public async Task A_webhook_saved_while_its_host_was_allowed_is_not_called_once_the_list_no_longer_holds_it()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var kolada = await StubServer.StartAsync(_ => StubResponse.Json(KoladaPage(55.0m, 60.0m)));
        await using var hook = await StubServer.StartAsync(_ => new StubResponse(200, "1"));
        using var mail = new TestFolder();
        await AddAnnaAsync(connectionString);
        using (var before = Host(connectionString, mail.Path, allowLocalHook: true, kolada))
        {
            await SubscribeAsync(before, sourceId, hook.Url("intern/krok"));
            await before.Services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        }

        using var now = Host(connectionString, mail.Path, allowLocalHook: false, kolada);
        await now.Services.GetRequiredService<AlertScanner>().ScanAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(connectionString);
        var deliveryId = await connection.ExecuteScalarAsync<long>("select id from alert_delivery where channel = 'webhook'");
        var sender = now.Services.GetRequiredService<AlertSender>();
        await sender.SendAsync(deliveryId, CancellationToken.None);
        await sender.SendAsync(deliveryId, CancellationToken.None);

        Assert.Empty(hook.Requests);
        var delivery = await connection.QuerySingleAsync<(string State, string LastError)>(
            "select state, last_error from alert_delivery where id = @Id", new { Id = deliveryId });
        Assert.Equal("failed", delivery.State);
        Assert.StartsWith("Webhookadressens värd ”127.0.0.1” är inte tillåten.", delivery.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("intern/krok", delivery.LastError, StringComparison.Ordinal);
    }

    /// <summary>With <paramref name="allowLocalHook"/>, the local receiver's host is the list; http (the receiver's) is allowed.</summary>
    static IHost Host(string connectionString, string pickupFolder, bool allowLocalHook, StubServer? kolada = null) =>
        AlertHost.Build(connectionString, kolada, pickupFolder, allowLocalHook
            ? new Dictionary<string, string?> { ["Notifications:AllowHttpWebhooks"] = "true", ["Notifications:WebhookHosts:0"] = "127.0.0.1" }
            : new Dictionary<string, string?> { ["Notifications:AllowHttpWebhooks"] = "true" });

    static Task AddAnnaAsync(string connectionString) => TestPostgres.ExecuteAsync(connectionString,
        "insert into app_user (user_name, display_name, email) values ('anna', 'Anna Analytiker', 'anna@example.se')");

    static Task<int> SubscribeAsync(IHost host, int sourceId, string webhookUrl) =>
        host.Services.GetRequiredService<SubscriptionEditor>().CreateAsync(
            new SubscriptionDraft(AlertTargets.Source, sourceId, [AlertKinds.NewOutcomes], false, webhookUrl, false), new Actor("anna", null));
}
