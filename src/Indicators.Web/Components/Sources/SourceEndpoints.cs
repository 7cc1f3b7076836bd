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
        await using (var connection = await dataSource.OpenConnectionAsync(context.RequestAborted))
        {
            await AuditLog.WriteAsync(connection, null, new AuditEntry(
                context.User.Identity?.Name, "run", "source", id.ToString(CultureInfo.InvariantCulture),
                After: new { jobId }, RemoteIp: context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
        }

        return TypedResults.LocalRedirect($"/kallor/{id}?startad={Uri.EscapeDataString(jobId)}");
    }
}
