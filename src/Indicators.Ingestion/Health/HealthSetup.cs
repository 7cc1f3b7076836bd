using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Indicators.Ingestion.Health;

/// <summary>
/// What "ready" means for the web app's /health/ready and the worker's `health` command: the database reachable with its
/// migrations applied, and a Hangfire server alive (a heartbeat within Health:HangfireHeartbeatWithin, default 90 s).
/// </summary>
public static class HealthSetup
{
    /// <summary>The checks that make up readiness carry this tag.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Each check gives up after this, so a hanging database makes the answer "unhealthy", not a hanging probe.</summary>
    static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddIndicatorsHealthChecks(this IHostApplicationBuilder builder, bool hangfireServerOfThisMachine = false)
    {
        var within = builder.Configuration.GetValue<TimeSpan?>("Health:HangfireHeartbeatWithin") ?? TimeSpan.FromSeconds(90);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // A singleton with the root provider: the check resolves Hangfire's storage inside its own timeout.
        builder.Services.AddSingleton(services => new HangfireServerCheck(services, services.GetRequiredService<TimeProvider>(), within, hangfireServerOfThisMachine));
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<HangfireServerCheck>("hangfire-server", tags: [ReadyTag], timeout: CheckTimeout);
        return builder;
    }
}
