using Indicators.Core.ActionPlans;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// The report's Åtgärdsplan section in both exports, on seed 003's plan followed up in the Delårsrapport 2026 (plan 235
/// against the required 250): in Excel each amount a number cell with a Swedish format and the unit, in the PDF the table
/// with SUMMA, Uppdrag, Avvikelse and the status explained.
/// </summary>
public class ActionPlanExportTests
{
    static ReportDocument WithActionPlan(int? committeeId = 1)
    {
        var plan = new ActionPlan("Ekonomisk handlingsplan 2025–2027", "mnkr",
            [new ActionPlanYear(2025, 6894, -570, 225), new ActionPlanYear(2026, 6999, -345, 250), new ActionPlanYear(2027, 7217, -95, 95)],
            [
                new ActionMeasure("Hyroberonde vård", new Dictionary<int, decimal> { [2025] = 70, [2026] = 50, [2027] = 30 }, 31.5m, 60, "Färre hyrläkare sedan maj."),
                new ActionMeasure("Effektivare bemanningsplanering", new Dictionary<int, decimal> { [2025] = 20, [2026] = 40, [2027] = 40 }, -4, 20, "", IsExample: true),
                new ActionMeasure("Effektivare administration", new Dictionary<int, decimal> { [2025] = 15 }),
                new ActionMeasure("Övriga åtgärder", new Dictionary<int, decimal> { [2026] = 145 }),
            ]);
        var section = ReportActionPlanBuilder.Build(7, 1, "Hälso- och sjukvårdsnämnden", plan, 2026, [new(70), new(71), new(72), new(73)]);
        return HandBuiltReport.Document(committeeId: committeeId) with { ActionPlans = [section] };
    }

    static ReadCell[] Row(List<ReadCell[]> sheet, string what) => sheet.Single(r => Equals(Column(sheet, r, "Åtgärd"), what));

    [Fact]
    public void The_Excel_sheet_Atgardsplan_holds_plan_realised_forecast_sum_requirement_and_deviation_as_numbers_in_mnkr()
    {
        var sheet = Workbook(ReportWorkbook.Create(WithActionPlan()))["Åtgärdsplan"];

        var hyr = Row(sheet, "Hyroberonde vård");
        Assert.Equal((50d, 31.5, 60d), (Column(sheet, hyr, "Plan"), Column(sheet, hyr, "Utfall hittills"), Column(sheet, hyr, "Prognos för året")));
        Assert.Equal("#,##0.0\" mnkr\"", Cell(sheet, hyr, "Plan").NumberFormat);
        Assert.Equal("Färre hyrläkare sedan maj.", Column(sheet, hyr, "Kommentar"));
        Assert.Equal("Exempel.", Column(sheet, Row(sheet, "Effektivare bemanningsplanering"), "Kommentar"));
        Assert.Null(Column(sheet, Row(sheet, "Effektivare administration"), "Plan"));
        var sum = Row(sheet, "SUMMA");
        Assert.Equal((235d, 27.5, 80d), (Column(sheet, sum, "Plan"), Column(sheet, sum, "Utfall hittills"), Column(sheet, sum, "Prognos för året")));
        Assert.Equal(250d, Column(sheet, Row(sheet, "Uppdrag"), "Plan"));
        var deviation = Row(sheet, "Avvikelse");
        Assert.Equal((-15d, -170d), (Column(sheet, deviation, "Plan"), Column(sheet, deviation, "Prognos för året")));
        Assert.Equal("+#,##0.0\" mnkr\";-#,##0.0\" mnkr\";0.0\" mnkr\"", Cell(sheet, deviation, "Plan").NumberFormat);
        Assert.Equal(2026d, Column(sheet, sum, "År"));
        var status = Row(sheet, "Status: ✕ Ej uppnått");
        Assert.Equal("Ej uppnått: prognosen 80\u00A0mnkr är 170\u00A0mnkr under kravet 250\u00A0mnkr för 2026.", Column(sheet, status, "Kommentar"));
        Assert.Equal(-95d, Column(sheet, Row(sheet, "Resultat 2027"), "Plan"));
        Assert.Equal(0d, Column(sheet, Row(sheet, "Resultat efter 2027"), "Plan"));
    }

    [Fact]
    public void A_report_without_an_action_plan_has_no_such_sheet_or_section()
    {
        Assert.DoesNotContain("Åtgärdsplan", Workbook(ReportWorkbook.Create(HandBuiltReport.Document())).Keys);
        Assert.DoesNotContain("Åtgärdsplan", PdfText(ReportPdf.Create(HandBuiltReport.Document())), StringComparison.Ordinal);
    }

    [Fact]
    public void The_PDF_has_the_section_with_the_table_the_status_and_the_path_to_balance()
    {
        var text = PdfText(ReportPdf.Create(WithActionPlan()));

        Assert.Contains("Åtgärdsplan Ekonomisk handlingsplan 2025–2027", text, StringComparison.Ordinal);
        Assert.Contains(Words("Åtgärd Plan 2026 (mnkr) Utfall hittills Prognos 2026 Kommentar"), text, StringComparison.Ordinal);
        Assert.Contains(Words("Hyroberonde vård 50 31,5 60 Färre hyrläkare sedan maj."), text, StringComparison.Ordinal);
        Assert.Contains(Words("Effektivare bemanningsplanering exempel 40 −4 20"), text, StringComparison.Ordinal);
        // The table may continue on the next page (its header repeated there), so the rows are looked for one by one.
        Assert.Contains("SUMMA 235 27,5 80", text, StringComparison.Ordinal);
        Assert.Contains("Uppdrag 250 – 250", text, StringComparison.Ordinal);
        Assert.Contains("Avvikelse −15 – −170", text, StringComparison.Ordinal);
        Assert.Contains(Words("Ej uppnått: prognosen 80\u00A0mnkr är 170\u00A0mnkr under kravet 250\u00A0mnkr för 2026."), text, StringComparison.Ordinal);
        Assert.Contains(Words("Vägen till ekonomisk balans (mnkr): 2025: −570 → 2026: −345 → 2027: −95 → efter 2027: 0"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_regions_exports_name_the_namnd_of_each_action_plan()
    {
        var region = WithActionPlan(committeeId: null);

        Assert.Contains("Åtgärdsplan Ekonomisk handlingsplan 2025–2027 – Hälso- och sjukvårdsnämnden", PdfText(ReportPdf.Create(region)), StringComparison.Ordinal);
        var sheet = Workbook(ReportWorkbook.Create(region))["Åtgärdsplan"];
        Assert.Equal("Hälso- och sjukvårdsnämnden", Column(sheet, Row(sheet, "SUMMA"), "Nämnd"));
    }
}
