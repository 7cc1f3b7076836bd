using System.Globalization;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Microsoft.AspNetCore.Antiforgery;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources.Files;
using Indicators.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Indicators.Core.Formatting;
using Npgsql;
using Indicators.Core.Sources;

namespace Indicators.Web.Sources;

/// <summary>What analysts do to a source from the Källor pages. Form posts, so antiforgery protects them; the policy is
/// checked here on the server, not only by hiding the buttons.</summary>
public static class SourceEndpoints
{
    public static IEndpointRouteBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        // Every post here changes something: the antiforgery token is required even where no form field is bound.
        var group = routes.MapGroup("/kallor").RequireAuthorization(Policies.Analyse).WithMetadata(new InstallationWideAttribute())
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RejectWithoutAntiforgeryTokenAsync);

        group.MapPost("/{id:int}/kor-nu", RunNowAsync);
        group.MapPost("/korningar/{runId:long}/forsok-igen", RetryAsync);

        // The form reader takes a file a little above the stored cap, so a file just over it gets SourceFiles' own message
        // naming it. A bigger file stops the form (and its antiforgery token) being read: UploadLimit lets the token check
        // say so instead. The form reader, not Kestrel, refuses it, so the connection stays good and Kestrel reads and
        // drops the rest of the body before the next request: a browser still sending gets the answer, where a connection
        // closed under it would be a broken pipe. Kestrel still cuts, and closes on, a body far over the cap.
        var uploadCap = routes.ServiceProvider.GetRequiredService<FileSourceOptions>().MaxUploadBytes;
        var limit = new UploadLimit(uploadCap);
        group.MapPost("/{id:int}/filer", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limit.RequestBytes), limit)
            .WithFormOptions(multipartBodyLengthLimit: limit.FileBytes);

        return routes.MapSourceFiles();
    }

    /// <summary>
    /// As <see cref="AntiforgeryEndpoints.RequireAntiforgeryToken"/> for the whole group (these posts bind no form field),
    /// except that an upload refused unread for its size says so.
    /// </summary>
    static async ValueTask<object?> RejectWithoutAntiforgeryTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false } refused)
        {
            return await next(context);
        }

        // A body over the upload's limit is refused unread, so the token in it was never seen: say that the file was too
        // big, not that the token is missing. Nothing is stored or queued; the answer is a constant text.
        if (http.GetEndpoint()?.Metadata.GetMetadata<UploadLimit>() is { } limit && TooLarge(http, refused.Error)
            && http.Request.RouteValues["id"] is string id && int.TryParse(id, CultureInfo.InvariantCulture, out var sourceId))
        {
            return Back(sourceId, http.RequestServices.GetRequiredService<IDataProtectionProvider>(), "fel", limit.Message(http.Request.ContentLength));
        }

        return AntiforgeryEndpoints.Refused();
    }

    /// <summary>
    /// The form reader refused the file part as over its limit, or the server the whole body (413): either way the
    /// antiforgery check met it when it read the form, and wrapped it.
    /// </summary>
    static bool TooLarge(HttpContext http, Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // MultipartReaderStream's only refusal with this text; other malformed forms keep the token message.
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max && http.Request.ContentLength > max;
    }

    /// <summary>The upload endpoint's cap on a stored file, and the message when a whole request is over it.</summary>
    sealed record UploadLimit(long Bytes)
    {
        const long Megabyte = 1024 * 1024;

        /// <summary>The file part the form reader takes: a megabyte over the cap, room for SourceFiles to name the file.</summary>
        public long FileBytes => Bytes + Megabyte;

        /// <summary>
        /// Where Kestrel cuts the request and closes the connection. Well above <see cref="FileBytes"/>, so that the rest of a
        /// body some times the cap is drained and its sender gets the size message; bounded, so an endless body is still cut
        /// (and Kestrel gives a drain five seconds at most).
        /// </summary>
        public long RequestBytes => (10 * Bytes) + Megabyte;

        /// <summary>The file's name is in the part of the body that was never read, so the message says what it can.</summary>
        public string Message(long? requestBytes) =>
            $"Filen är för stor för att laddas upp: högst {Bytes / (1024 * 1024)} MB"
            + (requestBytes is { } size ? $", och uppladdningen var {SourceTexts.Size(size)}" : "")
            + ". Ingenting sparades. Dela upp filen eller lägg den i den bevakade mappen.";
    }

    /// <summary>Queues a run at once; the run itself happens on whichever Hangfire server takes it.</summary>
    static async Task<IResult> RunNowAsync(
        int id, HttpContext context, SourceQueries sources, SourceRunQueries runs, SourceSchedule schedule, NpgsqlDataSource dataSource)
    {
        if (await sources.FindAsync(id, context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var after = await NewestRunAsync(runs, id, context.RequestAborted);
        var jobId = schedule.RunNow(id, context.User.Identity?.Name);
        await AuditAsync(context, dataSource, "run", id, new { jobId });
        return TypedResults.LocalRedirect($"/kallor/{id}?startad={after}");
    }

    /// <summary>Runs the source of a failed run again, as a new run marked "nytt försök".</summary>
    static async Task<IResult> RetryAsync(long runId, HttpContext context, SourceRunQueries runs, SourceSchedule schedule, NpgsqlDataSource dataSource)
    {
        if (await runs.RunAsync(runId, context.RequestAborted) is not { SourceId: { } sourceId } run || !run.Status.Is(RunState.Failed))
        {
            return TypedResults.NotFound();
        }

        var after = await NewestRunAsync(runs, sourceId, context.RequestAborted);
        var jobId = schedule.Retry(sourceId, context.User.Identity?.Name);
        await AuditAsync(context, dataSource, "retry", sourceId, new { failedRunId = runId, jobId });
        return TypedResults.LocalRedirect($"/kallor/{sourceId}?startad={after}");
    }

    /// <summary>
    /// Stores an uploaded file for the source's next run and, unless the analyst unticked it, queues that run now.
    /// </summary>
    static async Task<IResult> UploadAsync(
        int id, HttpContext context, SourceFiles files, SourceRunQueries runs, SourceSchedule schedule, NpgsqlDataSource dataSource,
        IDataProtectionProvider protection)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("fil") is not { } file)
        {
            return Back(id, protection, "fel", "Välj en fil att ladda upp.");
        }

        StoredUpload stored;
        try
        {
            await using var content = file.OpenReadStream();
            stored = await files.StoreUploadAsync(id, file.FileName, content, context.User.Identity?.Name ?? "", context.RequestAborted);
        }
        catch (SourceFileRejectedException e)
        {
            return Back(id, protection, "fel", e.Message);
        }

        var runNow = form["las-in-nu"] == "ja";
        var after = runNow ? await NewestRunAsync(runs, id, context.RequestAborted) : null;
        var jobId = runNow ? schedule.RunUpload(id, context.User.Identity?.Name) : null;
        await AuditAsync(context, dataSource, "upload", id, new { fileId = stored.Id, stored.FileName, stored.Size, jobId });
        var format = stored.Format.IsSpreadsheet
            ? "Excel"
            : $"{stored.Format.Encoding}, avgränsare {(stored.Format.Delimiter == '\t' ? "tabb" : $"'{stored.Format.Delimiter}'")}{(stored.Format.DecimalComma ? ", decimalkomma" : "")}";
        var message = $"'{stored.FileName}' är uppladdad ({format}; kolumner: {HeaderColumns.List(stored.Format.Columns)})."
            + (runNow ? " Den läses in nu." : " Den läses in vid nästa körning.");
        return Back(id, protection, "klart", message, after);
    }

    /// <summary>
    /// Back to the source page with a message. The message travels protected (and for five minutes only), so nobody can
    /// make a link that shows text of their own choosing on our page; and bounded (<see cref="UploadMessages.MaxLength"/>),
    /// so the address stays far below what servers and proxies accept (Kestrel: 8 KB), whatever the message quotes.
    /// </summary>
    internal static RedirectHttpResult Back(int id, IDataProtectionProvider protection, string kind, string message, string? startedAfter = null)
    {
        var bounded = StorableText.Excerpt(message, UploadMessages.MaxLength);
        var token = UploadMessages.Protector(protection).Protect($"{kind}|{bounded}", TimeSpan.FromMinutes(5));
        return TypedResults.LocalRedirect($"/kallor/{id}?meddelande={Uri.EscapeDataString(token)}"
            + (startedAfter is null ? "" : $"&startad={startedAfter}"));
    }

    /// <summary>
    /// The source's newest run before a run is queued ("0" when none), for the page's <c>?startad=</c>: the page waits for
    /// a run after it, which may even have ended before the page is interactive.
    /// </summary>
    internal static async Task<string> NewestRunAsync(SourceRunQueries runs, int sourceId, CancellationToken cancellationToken) =>
        (await runs.RunsOfAsync(sourceId, 1, cancellationToken) is [var newest, ..] ? newest.Id : 0).ToString(System.Globalization.CultureInfo.InvariantCulture);

    static Task AuditAsync(HttpContext context, NpgsqlDataSource dataSource, string action, int sourceId, object after) =>
        AuditedEdit.RunAsync(dataSource, new Actor(context.User.Identity?.Name, context.Connection.RemoteIpAddress?.ToString()),
            edit => edit.RecordAsync(action, "source", sourceId, null, after), context.RequestAborted);
}
