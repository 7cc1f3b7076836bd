using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

/// <summary>A finalised report's recorded decision (body, meeting date, §, protocol) in both exports' headers.</summary>
public class ReportDecisionExportTests
{
    static readonly ReportDecision Decision = new("Hälso- och sjukvårdsnämnden", new DateOnly(2026, 9, 24), "87", "HSN 2026/9");

    static ReportDocument Decided()
    {
        var document = HandBuiltReport.Document(state: ReportState.Finalised);
        return document with { Header = document.Header with { Decision = Decision } };
    }

    [Fact]
    public void The_workbooks_summary_has_the_decision_beside_the_finalisation_and_a_draft_has_none()
    {
        var summary = Workbook(ReportWorkbook.Create(Decided()))["Sammanfattning"];
        var labels = summary.Select(r => r.Length > 0 ? r[0].Value as string : null).ToList();

        var row = summary[labels.IndexOf("Beslut")];
        Assert.Equal("Hälso- och sjukvårdsnämnden 2026-09-24 § 87, protokoll HSN 2026/9", row[1].Value);
        Assert.Equal(labels.IndexOf("Fastställd") + 1, labels.IndexOf("Beslut"));
        Assert.DoesNotContain("Beslut", Workbook(ReportWorkbook.Create(HandBuiltReport.Document()))["Sammanfattning"].Select(r => r.Length > 0 ? r[0].Value as string : null));
    }

    [Fact]
    public void The_pdfs_title_block_names_the_decision_under_the_finalisation()
    {
        var first = PdfPages(ReportPdf.Create(Decided()))[0];

        Assert.Contains(Words("Fastställd 2026-09-30 14:05 av Åsa Öberg Beslut: Hälso- och sjukvårdsnämnden 2026-09-24 § 87, protokoll HSN 2026/9"), first, StringComparison.Ordinal);
        Assert.DoesNotContain("Beslut:", PdfText(ReportPdf.Create(HandBuiltReport.Document())), StringComparison.Ordinal);
    }
}
