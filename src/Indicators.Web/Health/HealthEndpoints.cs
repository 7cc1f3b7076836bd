using Indicators.Ingestion.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Indicators.Web.Health;

/// <summary>
/// For load balancers, orchestrators and the compose file's healthcheck, without signing in. They answer only
/// "Healthy" (200) or "Unhealthy" (503): no check names, exception texts, versions or connection strings; the reason for
/// an unhealthy answer is in the app's log.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>GET and HEAD only: MapHealthChecks answers every method, and an anonymous POST has no business here.</summary>
    static readonly HttpMethodMetadata ReadOnly = new([HttpMethods.Get, HttpMethods.Head]);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        // Live: the process answers requests. No checks, so a database outage does not get the process restarted.
        routes.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(ReadOnly);

        // Ready: the database is reachable with its migrations applied, and a Hangfire server is alive.
        routes.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthSetup.ReadyTag) })
            .AllowAnonymous().WithMetadata(ReadOnly);
        return routes;
    }
}
