using Indicators.Data;
using Indicators.Ingestion.Health;
using Indicators.Ingestion.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indicators.Worker;

/// <summary>
/// `Indicators.Worker health`: the worker's readiness for a container's healthcheck, as the web app's /health/ready
/// checks it (the worker serves no HTTP): its database reachable with current migrations, and a Hangfire server of this
/// machine (this container) with a recent heartbeat. Prints Healthy or Unhealthy with each check's reason (no exception
/// texts, which could carry connection details) and exits 0 or 1. Configured like the worker itself.
/// </summary>
public static class HealthCommand
{
    public static bool Handles(string[] args) => args is ["health", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder(args[1..]);
        // Only the answer on standard output; a check's failure is in the report below, not a log line per check.
        builder.Logging.ClearProviders();
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsHealthChecks(hangfireServerOfThisMachine: true);
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(HealthSetup.ReadyTag));
        await output.WriteLineAsync(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            // A check's own reason, or only the type of the exception it threw: exception texts can carry connection details.
            await output.WriteLineAsync($"{name}: {(entry.Exception is { } e ? e.GetType().Name : entry.Description ?? entry.Status.ToString())}");
        }

        return report.Status == HealthStatus.Healthy ? 0 : 1;
    }
}
