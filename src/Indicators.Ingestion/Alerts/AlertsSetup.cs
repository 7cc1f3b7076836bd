using Hangfire;
using Indicators.Data;
using Indicators.Data.Alerts;
using Indicators.Ingestion.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Indicators.Ingestion.Alerts;

public static class AlertsSetup
{
    public const string ScanJobId = "alerts-scan";
    public const string DigestJobId = "alerts-digest";

    /// <summary>
    /// Subscriptions and their alerts (README, "Alerts and subscriptions"): the editor and queries the Bevakningar page
    /// uses, the scan that records events and the senders, as Hangfire recurring jobs in every process with a server.
    /// </summary>
    public static IHostApplicationBuilder AddIndicatorsAlerts(this IHostApplicationBuilder builder)
    {
        var dataFolder = builder.Configuration["Database:DataFolder"] ?? DatabaseSetup.DefaultDataFolder(builder.Environment.ContentRootPath);
        builder.Services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .PostConfigure(o =>
            {
                o.PickupFolder = Path.GetFullPath(o.PickupFolder ?? Path.Combine(dataFolder, "mail"));
                o.WebhookHosts = o.WebhookHosts.Count == 0 ? [.. WebhookPolicy.DefaultHosts] : [.. o.WebhookHosts.Select(h => h.Trim())];
            })
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Notifications:BaseUrl must be an absolute address (https://indikatorer.example.se).")
            .Validate(o => CronSchedule.Check(o.DigestCron, "Europe/Stockholm") is null && CronSchedule.Check(o.ScanCron, "Europe/Stockholm") is null,
                "Notifications:DigestCron and Notifications:ScanCron must be valid crons.")
            .Validate(o => o.WebhookHosts.All(h => WebhookPolicy.PatternError(h) is null),
                "Notifications:WebhookHosts must hold host names or *.domain patterns (*.webhook.office.com).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            return new WebhookPolicy(settings.AllowHttpWebhooks, settings.WebhookHosts);
        });
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<SubscriptionEditor>();
        builder.Services.AddSingleton<AlertQueries>();
        builder.Services.AddSingleton<MailTransport>();
        builder.Services.AddSingleton<WebhookPoster>();
        // No redirects: an allowed host must not be able to send the post on to an address the list does not hold.
        builder.Services.AddHttpClient(WebhookPoster.ClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddTransient<AlertScanner>();
        builder.Services.AddTransient<AlertSender>();
        builder.Services.AddHostedService<AlertSchedule>();
        return builder;
    }

    /// <summary>At start, the scan (every minute by default) and the daily digest as recurring jobs.</summary>
    sealed class AlertSchedule(IRecurringJobManager recurringJobs, IOptions<NotificationOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
            recurringJobs.AddOrUpdate<AlertScanner>(ScanJobId, "default", scanner => scanner.ScanAsync(CancellationToken.None),
                options.Value.ScanCron, new RecurringJobOptions { TimeZone = stockholm });
            recurringJobs.AddOrUpdate<AlertSender>(DigestJobId, "default", sender => sender.SendDigestsAsync(CancellationToken.None),
                options.Value.DigestCron, new RecurringJobOptions { TimeZone = stockholm });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
