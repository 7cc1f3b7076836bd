using System.Globalization;
using Indicators.Core.Comparison;
using Indicators.Core.FollowUp;
using Indicators.Data.Comparison;
using Indicators.Reports.Export;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;
using Microsoft.AspNetCore.Mvc;
using Indicators.Web.Security;

namespace Indicators.Web.Comparison;

/// <summary>
/// The comparison of two plan versions as downloads (issue 21), linked from the page <c>/jamfor?fran=…&amp;till=…&amp;period=…</c>:
/// <c>/jamfor/excel</c>, <c>/jamfor/pdf</c> and <c>/jamfor/text</c> (the text diff for the meeting papers) with the same
/// query. Every role may read them; the comparison query answers only for versions of organisations in the user's
/// scope (another's is 404, as a version that does not exist). Missing or malformed ids or an unknown period are 400
/// with a Swedish text saying which.
/// </summary>
public static class ComparisonExportEndpoints
{
    /// <summary>Each download: its address after /jamfor/, its file extension and how the comparison is written.</summary>
    static readonly ((string Path, string FileExtension), Func<PlanComparison, DateTimeOffset, (byte[] Bytes, string ContentType)>)[] Exports =
    [
        (("excel", "xlsx"), (c, at) => (ComparisonWorkbook.Create(c, at), ComparisonWorkbook.ContentType)),
        (("pdf", "pdf"), (c, at) => (ComparisonPdf.Create(c, at), ComparisonPdf.ContentType)),
        (("text", "txt"), (c, at) => (ComparisonText.Create(c, at), ComparisonText.ContentType)),
    ];

    public static IEndpointRouteBuilder MapComparisonExports(this IEndpointRouteBuilder routes)
    {
        foreach (var (extension, export) in Exports)
        {
            // The gate refuses another organisation's version ids before the query does the same (404 either way).
            routes.MapGet($"/jamfor/{extension.Path}", (
                [FromQuery(Name = "fran")] string? from, [FromQuery(Name = "till")] string? to, [FromQuery(Name = "period")] string? period,
                HttpContext context, PlanComparisonQueries queries, TimeProvider time, CancellationToken cancellationToken) =>
                ExportAsync(new(from, to, period), context, queries, time, extension.FileExtension, export, cancellationToken))
                .RequireAuthorization(Policies.Read)
                .WithMetadata(
                    new OwnedByAttribute(Data.Organisations.OwnedKind.PlanVersion, "fran") { FromQuery = true },
                    new OwnedByAttribute(Data.Organisations.OwnedKind.PlanVersion, "till") { FromQuery = true });
        }

        return routes;
    }

    /// <summary>The query as the page links it; an error in Swedish naming the parameter when it cannot be read.</summary>
    public static (int Left, int Right, FollowUpPeriod? Period, string? Error) Parse(string? from, string? to, string? period)
    {
        if (!TryId(from, out var left))
        {
            return (0, 0, null, Missing(from, "fran", "den första planversionen"));
        }

        if (!TryId(to, out var right))
        {
            return (0, 0, null, Missing(to, "till", "den andra planversionen"));
        }

        if (string.IsNullOrWhiteSpace(period))
        {
            return (left, right, null, null);
        }

        return FollowUpPeriod.TryParse(period.Trim(), out var parsed)
            ? (left, right, parsed, null)
            : (0, 0, null, $"Parametern period (\"{Shown(period)}\") är ingen uppföljningsperiod. Ange ett år, t.ex. 2026, eller ett delår, t.ex. 2026-JA.");
    }

    static bool TryId(string? text, out int id) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    static string Missing(string? text, string name, string what) => string.IsNullOrWhiteSpace(text)
        ? $"Parametern {name} saknas: ange id för {what}, t.ex. /jamfor/pdf?fran=1&till=2."
        : $"Parametern {name} (\"{Shown(text)}\") är inget id för {what}: ange ett positivt heltal.";

    /// <summary>At most 40 characters of what was given, to quote in the message.</summary>
    static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The query as given: the two version ids and the period code, unparsed.</summary>
    sealed record Query(string? From, string? To, string? Period);

    static async Task<IResult> ExportAsync(
        Query query, HttpContext context, PlanComparisonQueries queries, TimeProvider time, string extension,
        Func<PlanComparison, DateTimeOffset, (byte[] Bytes, string ContentType)> export, CancellationToken cancellationToken)
    {
        var (left, right, period, error) = Parse(query.From, query.To, query.Period);
        if (error is not null)
        {
            return BadRequest(error);
        }

        var comparison = await queries.CompareAsync(left, right, period, context.User.OrganisationScope(), cancellationToken);
        if (comparison is null)
        {
            return TypedResults.NotFound();
        }

        var (bytes, contentType) = export(comparison, time.GetUtcNow());
        return TypedResults.File(bytes, contentType, ComparisonExportTexts.FileName(left, right, extension));
    }

    /// <summary>A short Swedish page, as the app's other invalid addresses get (<see cref="QueryStringGuard"/>), saying what was wrong.</summary>
    static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult BadRequest(string message) => TypedResults.Text($"""
        <!DOCTYPE html>
        <html lang="sv">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ogiltig adress – Indicators</title></head>
        <body>
        <h1>Ogiltig adress</h1>
        <p>{Encode(message)} <a href="/">Gå till startsidan</a>.</p>
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The five characters HTML gives a meaning, as entities; letters such as å, ä, ö stay as they are (the page is UTF-8).</summary>
    static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
