using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indicators.Ingestion.Health;

/// <summary>
/// Ready needs someone to run the jobs: a Hangfire server whose last heartbeat (every 30 s) is recent. Hangfire itself
/// forgets a dead server only after five minutes. With <paramref name="thisMachineOnly"/> (the worker's own check), only a
/// server of this machine counts: Hangfire names each server after its machine (a container's host name).
/// </summary>
public sealed class HangfireServerCheck(IServiceProvider services, TimeProvider time, TimeSpan within, bool thisMachineOnly) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow().UtcDateTime - within;
        // Hangfire's storage (made on first use, where it installs its schema with retries) and its monitoring API are
        // synchronous and take no token: waited for only until the check's timeout, not the half minute they can take
        // against a database that is down.
        var servers = await Task.Run(() => services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers(), CancellationToken.None)
            .WaitAsync(cancellationToken);
        var alive = servers
            .Where(server => !thisMachineOnly || IsOfThisMachine(server.Name))
            .Any(server => server.Heartbeat is { } heartbeat && heartbeat >= since);
        return alive
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"No Hangfire server{(thisMachineOnly ? " of this machine" : "")} with a heartbeat within {within}");
    }

    /// <summary>Hangfire's server ids begin with the machine name, in lower case, then a colon.</summary>
    static bool IsOfThisMachine(string serverId) =>
        serverId.StartsWith(Environment.MachineName.ToLowerInvariant() + ":", StringComparison.OrdinalIgnoreCase);
}
