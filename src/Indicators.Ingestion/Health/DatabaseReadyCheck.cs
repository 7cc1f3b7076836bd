using Indicators.Data.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Indicators.Ingestion.Health;

/// <summary>Ready needs the database: reachable, and with every migration this version of the application knows applied.</summary>
public sealed class DatabaseReadyCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A database that cannot be reached throws here; the health check service reports that as unhealthy.
        var pending = await migrations.PendingAsync(cancellationToken);
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}");
    }
}
