using Indicators.Core.Reports;
using Indicators.Data.Reports;
using Indicators.Reports.Export;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;
using Indicators.Web.Security;

namespace Indicators.Web.Reports;

/// <summary>
/// Reports as downloads: the whole region's or one nämnd's report as Excel (every table) or PDF. Everyone who may read
/// reports may export them, nämnd users included (they read every nämnd's report). The files themselves are made by
/// Indicators.Reports.Export from the report's <see cref="ReportDocument"/> alone.
/// </summary>
public static class ReportExportEndpoints
{
    // A user limited to other organisations gets 404 (OrganisationGate).
    static readonly OwnedByAttribute Period = new(Indicators.Data.Organisations.OwnedKind.ReportPeriod, "periodId");
    static readonly OwnedByAttribute Committee = new(Indicators.Data.Organisations.OwnedKind.Committee, "committeeId");

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rapporter/{periodId:int}/export.xlsx", (int periodId, ReportQueries reports, CancellationToken cancellationToken) =>
            RegionAsync(periodId, reports, Excel, cancellationToken)).RequireAuthorization(Policies.Read).WithMetadata(Period);
        routes.MapGet("/rapporter/{periodId:int}/export.pdf", (int periodId, ReportQueries reports, CancellationToken cancellationToken) =>
            RegionAsync(periodId, reports, Pdf, cancellationToken)).RequireAuthorization(Policies.Read).WithMetadata(Period);
        routes.MapGet("/rapporter/{periodId:int}/namnd/{committeeId:int}/export.xlsx", (int periodId, int committeeId, ReportQueries reports, CancellationToken cancellationToken) =>
            CommitteeAsync(periodId, committeeId, reports, Excel, cancellationToken)).RequireAuthorization(Policies.Read)
            .WithMetadata(Period, Committee);
        routes.MapGet("/rapporter/{periodId:int}/namnd/{committeeId:int}/export.pdf", (int periodId, int committeeId, ReportQueries reports, CancellationToken cancellationToken) =>
            CommitteeAsync(periodId, committeeId, reports, Pdf, cancellationToken)).RequireAuthorization(Policies.Read)
            .WithMetadata(Period, Committee);
        return routes;
    }

    static IResult Excel(ReportDocument document, ReportRevision? revision) =>
        TypedResults.File(ReportWorkbook.Create(document, revision), ReportWorkbook.ContentType, ReportExportTexts.FileName(document.Header, "xlsx"));

    static IResult Pdf(ReportDocument document, ReportRevision? revision) =>
        TypedResults.File(ReportPdf.Create(document, revision), ReportPdf.ContentType, ReportExportTexts.FileName(document.Header, "pdf"));

    static async Task<IResult> RegionAsync(
        int periodId, ReportQueries reports, Func<ReportDocument, ReportRevision?, IResult> export, CancellationToken cancellationToken) =>
        await reports.GetRegionReportAsync(periodId, cancellationToken) is { } document ? export(document, null) : TypedResults.NotFound();

    /// <summary>A nämnd's report: a finalised one as frozen, with the notice of what has been revised since.</summary>
    static async Task<IResult> CommitteeAsync(
        int periodId, int committeeId, ReportQueries reports, Func<ReportDocument, ReportRevision?, IResult> export, CancellationToken cancellationToken) =>
        await reports.GetCommitteeReportAsync(periodId, committeeId, cancellationToken) is { } view
            ? export(view.Document, view.Revision)
            : TypedResults.NotFound();
}
