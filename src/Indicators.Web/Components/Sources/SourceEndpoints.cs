using System.Globalization;
using Indicators.Data.Audit;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Web.Security;
using Npgsql;

namespace Indicators.Web.Components.Sources;

/// <summary>What analysts do to a source from the Källor pages. Form posts, so antiforgery protects them; the policy is
/// checked here on the server, not only by hiding the buttons.</summary>
public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/kallor").RequireAuthorization(Policies.Analyse);

        group.MapPost("/{id:int}/kor-nu", RunNowAsync);
        group.MapPost("/korningar/{runId:long}/forsok-igen", RetryAsync);

        return routes;
    }

    /// <summary>Queues a run at once; the run itself happens on whichever Hangfire server takes it.</summary>
    static async Task<IResult> RunNowAsync(int id, HttpContext context, SourceStore sources, SourceSchedule schedule, NpgsqlDataSource dataSource)
    {
        if (await sources.FindAsync(id, context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var jobId = schedule.RunNow(id);
        await AuditAsync(context, dataSource, "run", id, new { jobId });
        return TypedResults.LocalRedirect($"/kallor/{id}?startad={Uri.EscapeDataString(jobId)}");
    }

    /// <summary>Runs the source of a failed run again, as a new run marked "nytt försök".</summary>
    static async Task<IResult> RetryAsync(long runId, HttpContext context, SourceRunQueries runs, SourceSchedule schedule, NpgsqlDataSource dataSource)
    {
        if (await runs.RunAsync(runId, context.RequestAborted) is not { SourceId: { } sourceId, Status: "failed" })
        {
            return TypedResults.NotFound();
        }

        var jobId = schedule.Retry(sourceId);
        await AuditAsync(context, dataSource, "retry", sourceId, new { failedRunId = runId, jobId });
        return TypedResults.LocalRedirect($"/kallor/{sourceId}?startad={Uri.EscapeDataString(jobId)}");
    }

    static async Task AuditAsync(HttpContext context, NpgsqlDataSource dataSource, string action, int sourceId, object after)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await AuditLog.WriteAsync(connection, null, new AuditEntry(
            context.User.Identity?.Name, action, "source", sourceId.ToString(CultureInfo.InvariantCulture),
            After: after, RemoteIp: context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
    }
}
