using Indicators.Core.Assignments;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

/// <summary>The uppdrag section in both exports: the nämnd's follow-up of each uppdrag, and the region's riktade uppdrag with every receiver's.</summary>
public class AssignmentExportTests
{
    static readonly DateOnly Today = new(2026, 9, 14);

    static ReportAssignment Riktat(params ReportAssignmentFollowUp[] followUps) => ReportAssignments.Judged(new ReportAssignment(
        7, "RF1", "Minska hyrberoendet", ReportAssignments.Fullmaktige, true, "2.1", "Tillgänglig vård", new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31),
        false, [], AssignmentStateRule.Judge([], null, Today)), followUps, Today);

    static readonly ReportAssignmentFollowUp Hsn = new(1, "Hälso- och sjukvårdsnämnden", false, AssignmentStatus.InProgress,
        "Avtal om bemanning är upphandlat; hyrkostnaden minskar.", new DateOnly(2027, 6, 30), Version: 2, UpdatedBy: "Hanna Nämnd",
        UpdatedAt: new DateTimeOffset(2026, 9, 10, 7, 0, 0, TimeSpan.Zero));

    static readonly ReportAssignmentFollowUp Rs = new(3, "Regionstyrelsen", false, null, "", null);

    static ReportDocument Committee(ReportKind kind = ReportKind.Interim) =>
        HandBuiltReport.Document(kind) with { Assignments = [Riktat(Hsn)] };

    static ReportDocument Region()
    {
        var document = HandBuiltReport.Document(committeeId: null);
        return document with { Assignments = [Riktat(Hsn, Rs)] };
    }

    [Fact]
    public void The_workbook_has_a_sheet_Uppdrag_with_the_namnds_follow_up_in_cells_of_their_own()
    {
        var sheet = Workbook(ReportWorkbook.Create(Committee()))["Uppdrag"];

        var row = Assert.Single(sheet.Skip(1));
        Assert.Equal(
            ["RF1", "Minska hyrberoendet", "Regionfullmäktige", "Mål 2.1 Tillgänglig vård", "2025-01-01", "2027-12-31", "◔ Pågår", "Nej", "2027-06-30",
             "Avtal om bemanning är upphandlat; hyrkostnaden minskar.", "Hanna Nämnd", "2026-09-10 09:00", "Nej"],
            row.Select(c => c.Value as string));
        Assert.Equal("Prognos: beräknas klart", sheet[0][8].Value);
    }

    [Fact]
    public void The_region_workbook_has_a_row_per_receiver_with_the_overall_state()
    {
        var sheet = Workbook(ReportWorkbook.Create(Region()))["Uppdrag"];

        Assert.Equal(3, sheet.Count);
        Assert.Equal([("Hälso- och sjukvårdsnämnden", "◔ Pågår"), ("Regionstyrelsen", "Ej uppföljt")],
            sheet.Skip(1).Select(r => ((string)Column(sheet, r, "Mottagare")!, (string)Column(sheet, r, "Status")!)));
        Assert.All(sheet.Skip(1), r => Assert.Equal("◔ Pågår", Column(sheet, r, "Samlad status")));
    }

    [Fact]
    public void A_report_without_uppdrag_has_no_sheet_and_no_section()
    {
        var document = HandBuiltReport.Document();

        Assert.DoesNotContain("Uppdrag", Workbook(ReportWorkbook.Create(document)).Keys);
        Assert.DoesNotContain("Uppdrag RF1", PdfText(ReportPdf.Create(document)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_has_the_namnds_uppdrag_with_status_prognos_and_comment()
    {
        var text = PdfText(ReportPdf.Create(Committee()));

        Assert.Contains(Words("Uppdrag Uppdrag RF1: Minska hyrberoendet Givet av: Regionfullmäktige · Mål 2.1 Tillgänglig vård · Slutdatum: 2027-12-31"),
            text, StringComparison.Ordinal);
        Assert.Contains(Words("Status: ◔ Pågår Prognos: beräknas klart 2027-06-30 Kommentar Avtal om bemanning är upphandlat; hyrkostnaden minskar."),
            text, StringComparison.Ordinal);
        // The årsrapport shows a prognos only where one was given.
        Assert.DoesNotContain("Prognos: beräknas klart", PdfText(ReportPdf.Create(Committee(ReportKind.Annual) with
        {
            Assignments = [Riktat(Hsn with { ExpectedCompletion = null })],
        })), StringComparison.Ordinal);
    }

    [Fact]
    public void The_region_pdf_has_fullmaktiges_riktade_uppdrag_with_each_receivers_status()
    {
        var text = PdfText(ReportPdf.Create(Region()));

        Assert.Contains("Riktade uppdrag från regionfullmäktige", text, StringComparison.Ordinal);
        Assert.Contains(Words("Samlad status: ◔ Pågår"), text, StringComparison.Ordinal);
        Assert.Contains(Words("Hälso- och sjukvårdsnämnden ◔ Pågår 2027-06-30"), text, StringComparison.Ordinal);
        Assert.Contains(Words("Regionstyrelsen Ej uppföljt"), text, StringComparison.Ordinal);
        Assert.Contains(Words("Kommentar från Hälso- och sjukvårdsnämnden Avtal om bemanning är upphandlat; hyrkostnaden minskar."), text, StringComparison.Ordinal);
    }
}
