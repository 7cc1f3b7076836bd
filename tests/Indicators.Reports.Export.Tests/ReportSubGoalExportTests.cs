using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

/// <summary>A nämnd's delmål (issue 20) in both exports: the sheet "Delmål" and a section under its mål in the PDF.</summary>
public class ReportSubGoalExportTests
{
    static ReportDocument WithSubGoal()
    {
        var document = HandBuiltReport.Document();
        var goal = document.Goals.First();
        var indicator = goal.Indicators[0] with { Name = "Kostnad per DRG-poäng, avvikelse mot riket", TargetText = "7,5 %", Status = AttainmentStatus.NotAchieved };
        var subGoal = new ReportSubGoal(9, "HSN-2.2.1", "Kostnad per DRG-poäng högst 7,5 % över riket 2027", null, "Verksamhetsplan 2025 (2026–2027)",
            GoalAssessment.NotMet, "Förslag: Ej uppfyllt – ingen indikator är uppnådd.", [indicator]);
        return document with
        {
            Areas = [.. document.Areas.Select((area, a) => a == 0
                ? area with { Goals = [.. area.Goals.Select((g, i) => i == 0 ? g with { SubGoals = [subGoal] } : g)] }
                : area)],
        };
    }

    [Fact]
    public void The_workbook_has_a_sheet_of_delmal_with_each_indicators_nämndplan_målvärde_and_status_and_none_without_delmal()
    {
        var sheets = Workbook(ReportWorkbook.Create(WithSubGoal()));

        Assert.Equal(["Sammanfattning", "Mål", "Indikatorer", "Delmål"], sheets.Keys);
        var rows = sheets["Delmål"];
        var row = rows[1];
        Assert.Equal("HSN-2.2.1", Column(rows, row, "Delmål"));
        Assert.Equal("Verksamhetsplan 2025 (2026–2027)", Column(rows, row, "Nämndplan"));
        Assert.Equal("✕ Ej uppfyllt", Column(rows, row, "Föreslagen bedömning"));
        Assert.Equal("7,5 %", Column(rows, row, "Målvärde"));
        Assert.Equal("✕ Ej uppnått", Column(rows, row, "Status"));
        Assert.DoesNotContain("Delmål", Workbook(ReportWorkbook.Create(HandBuiltReport.Document())).Keys);
    }

    [Fact]
    public void The_pdf_shows_the_delmal_under_its_mal_with_its_suggestion_and_indicator()
    {
        var text = PdfText(ReportPdf.Create(WithSubGoal()));

        Assert.Contains(Words("Delmål HSN-2.2.1 Kostnad per DRG-poäng högst 7,5 % över riket 2027"), text, StringComparison.Ordinal);
        Assert.Contains(Words("Verksamhetsplan 2025 (2026–2027) · Föreslagen bedömning: ✕ Ej uppfyllt"), text, StringComparison.Ordinal);
        Assert.Contains(Words("Kostnad per DRG-poäng, avvikelse mot riket"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Delmål", PdfText(ReportPdf.Create(HandBuiltReport.Document())), StringComparison.Ordinal);
    }
}
