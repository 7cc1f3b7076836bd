using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources.Files;
using Indicators.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Indicators.Web.Sources;

/// <summary>
/// What analysts do to one file of a file source: download a quarantined file's rejected rows, read its approved rows
/// anyway, or discard it (a waiting upload too). The policy is checked here and the right again in the store
/// (<see cref="SourceFileEditor"/>); posts need the antiforgery token.
/// </summary>
public static class SourceFileEndpoints
{
    public static IEndpointRouteBuilder MapSourceFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/kallor/{id:int}/filer/{fileId:long}/avvisade-rader.csv", RejectedRowsAsync).RequireAuthorization(Policies.Analyse)
            .WithMetadata(new InstallationWideAttribute());
        var group = routes.MapGroup("/kallor/{id:int}/filer/{fileId:long}").RequireAuthorization(Policies.Analyse).WithMetadata(new InstallationWideAttribute());
        group.MapPost("/las-in-anda", ReadAnywayAsync).RequireAntiforgeryToken();
        group.MapPost("/kassera", DiscardAsync).RequireAntiforgeryToken();
        // The source page's button for a waiting upload: the same audited discard.
        group.MapPost("/ta-bort", DiscardAsync).RequireAntiforgeryToken();
        return routes;
    }

    static async Task<IResult> RejectedRowsAsync(int id, long fileId, SourceFiles files, CancellationToken cancellationToken) =>
        await files.DetailsAsync(id, fileId, cancellationToken) is { } details
            ? TypedResults.File(RejectedRowsCsv.Create(details.Rejected), RejectedRowsCsv.ContentType, RejectedRowsCsv.FileName(details.File.FileName))
            : TypedResults.NotFound();

    /// <summary>Releases the quarantined file and queues the run that reads its approved rows.</summary>
    static Task<IResult> ReadAnywayAsync(
        int id, long fileId, HttpContext context, SourceFileEditor editor, SourceRunQueries runs, SourceSchedule schedule,
        IDataProtectionProvider protection) =>
        DecideAsync(id, fileId, context, protection, async actor =>
        {
            await editor.ReadAnywayAsync(id, fileId, actor, context.RequestAborted);
            var after = await SourceEndpoints.NewestRunAsync(runs, id, context.RequestAborted);
            schedule.RunNow(id, actor.UserName);
            return ("Filens godkända rader läses in nu, i en ny körning.", after);
        });

    static Task<IResult> DiscardAsync(int id, long fileId, HttpContext context, SourceFileEditor editor, IDataProtectionProvider protection) =>
        DecideAsync(id, fileId, context, protection, async actor =>
        {
            await editor.DiscardAsync(id, fileId, actor, context.RequestAborted);
            return ("Filen är kasserad och kommer inte att läsas in.", null);
        });

    static async Task<IResult> DecideAsync(
        int id, long fileId, HttpContext context, IDataProtectionProvider protection, Func<Actor, Task<(string Message, string? StartedAfter)>> decide)
    {
        try
        {
            var (message, startedAfter) = await decide(new Actor(context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString()));
            return SourceEndpoints.Back(id, protection, "klart", message, startedAfter);
        }
        catch (SourceFileNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (Exception e) when (e is InvalidEditException or EditConflictException)
        {
            return SourceEndpoints.Back(id, protection, "fel", e.Message);
        }
    }
}
