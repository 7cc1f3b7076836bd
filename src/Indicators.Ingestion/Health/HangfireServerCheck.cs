using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indicators.Ingestion.Health;

/// <summary>
/// Ready needs someone to run the jobs: a Hangfire server whose last heartbeat (every 30 s) is recent. Hangfire itself
/// forgets a dead server only after five minutes. With <paramref name="thisMachineOnly"/> (the worker's own check), only a
/// server of this machine counts: Hangfire names each server after its machine (a container's host name).
/// </summary>
public sealed class HangfireServerCheck(JobStorage storage, TimeProvider time, TimeSpan within, bool thisMachineOnly) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow().UtcDateTime - within;
        // Hangfire's monitoring API is synchronous and takes no token: waited for only until the check's timeout.
        var servers = await Task.Run(() => storage.GetMonitoringApi().Servers(), CancellationToken.None).WaitAsync(cancellationToken);
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
