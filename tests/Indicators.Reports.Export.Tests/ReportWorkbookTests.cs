using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

public class ReportWorkbookTests
{
    static object? At(List<ReadCell[]> sheet, int row, int column) => column < sheet[row].Length ? sheet[row][column].Value : null;

    /// <summary>The summary's value beside a label in its first column.</summary>
    static object? Beside(List<ReadCell[]> sheet, string label) =>
        sheet.Single(r => r.Length > 1 && r[0].Value as string == label)[1].Value;

    [Fact]
    public void The_workbook_has_a_summary_the_goals_and_the_indicators_in_Swedish()
    {
        var sheets = Workbook(ReportWorkbook.Create(HandBuiltReport.Document()));

        Assert.Equal(["Sammanfattning", "Mål", "Indikatorer"], sheets.Keys);
        var summary = sheets["Sammanfattning"];
        Assert.Equal("Delårsrapport 2026 (jan–aug)", At(summary, 0, 0));
        Assert.Equal("Regionplan 2025–2027", Beside(summary, "Plan"));
        Assert.Equal("Fastställd plan", Beside(summary, "Planversion"));
        Assert.Equal("Hälso- och sjukvårdsnämnden", Beside(summary, "Nämnd"));
        Assert.Equal("Öppen", Beside(summary, "Status"));
        Assert.Equal("Utkast – inte fastställd", Beside(summary, "Fastställd"));
        Assert.Equal("2026-09-14 10:30", Beside(summary, "Uppgifterna lästa"));
        var counts = summary.SkipWhile(r => r[0].Value as string != "Bedömning").Skip(1)
            .Select(r => (r[0].Value as string, r[1].Value, r.Length > 2 ? r[2].Value : null)).ToList();
        Assert.Equal([
            ("● Uppfyllt", (object?)0d, (object?)1d), ("◐ Delvis uppfyllt", 1d, 0d), ("✕ Ej uppfyllt", 1d, 1d),
            ("? Kan ej bedömas", 0d, 1d), ("Ej bedömt", 1d, null), ("Totalt", 3d, 3d),
        ], counts);
    }

    [Fact]
    public void Each_goal_is_a_row_with_the_suggested_and_the_nämnds_assessment_and_its_texts()
    {
        var goals = Workbook(ReportWorkbook.Create(HandBuiltReport.Document()))["Mål"];

        Assert.Equal(4, goals.Count);
        var row = goals[1];
        Assert.Equal("Målområde 2 En hälsofrämjande hälso- och sjukvård", Column(goals, row, "Målområde"));
        Assert.Equal("2.1", Column(goals, row, "Mål"));
        Assert.Equal("Vården är tillgänglig och jämlik", Column(goals, row, "Målets namn"));
        Assert.Equal("Hälso- och sjukvårdsnämnden", Column(goals, row, "Ansvarig nämnd"));
        Assert.Equal("● Uppfyllt", Column(goals, row, "Föreslagen bedömning"));
        Assert.Equal("1 av 2 bedömbara indikatorer uppnår sitt målvärde.", Column(goals, row, "Förklaring"));
        Assert.Equal("◐ Delvis uppfyllt", Column(goals, row, "Nämndens bedömning"));
        Assert.Equal(HandBuiltReport.Motivation, Column(goals, row, "Motivering"));
        Assert.Equal(HandBuiltReport.Analysis, Column(goals, row, "Analys"));
        Assert.Equal(HandBuiltReport.Actions, Column(goals, row, "Åtgärder"));
        Assert.Equal("Ej bedömt", Column(goals, goals[2], "Nämndens bedömning"));
        Assert.Equal("Ekonomi som förutsättning", Column(goals, goals[3], "Målområde"));
        Assert.DoesNotContain(goals[0], c => (c.Value as string ?? "").StartsWith("Delårsrapportens", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_indicator_is_a_row_with_its_numbers_as_numbers_shown_with_the_indicators_decimals()
    {
        var indicators = Workbook(ReportWorkbook.Create(HandBuiltReport.Document()))["Indikatorer"];

        Assert.Equal(4, indicators.Count);
        var row = indicators[1];
        Assert.Equal("Målområde 2 En hälsofrämjande hälso- och sjukvård", Column(indicators, row, "Målområde"));
        Assert.Equal("2.1", Column(indicators, row, "Mål"));
        Assert.Equal("Andel patienter som fått besök inom 90 dagar", Column(indicators, row, "Indikator"));
        Assert.Equal("%", Column(indicators, row, "Enhet"));
        Assert.Equal(90d, Column(indicators, row, "Målvärde"));
        Assert.Equal("Nej", Column(indicators, row, "Målvärdet är ett exempel"));
        Assert.Equal(84.3d, Column(indicators, row, "Utfall"));
        Assert.Equal("#,##0.0\" %\"", Cell(indicators, row, "Utfall").NumberFormat);
        Assert.Equal(-5.7d, (double)Column(indicators, row, "Avvikelse mot målvärde")!, 10);
        Assert.Equal("2026 jan–aug", Column(indicators, row, "Period"));
        Assert.Equal("◐ Delvis uppnått", Column(indicators, row, "Status"));
        Assert.Equal("▲ Bättre", Column(indicators, row, "Trend"));
        Assert.Equal(86.5d, Column(indicators, row, "Kvinnor"));
        Assert.Equal(81.8d, Column(indicators, row, "Män"));
        Assert.Equal(86.4d, Column(indicators, row, "Prognos helår"));
        Assert.Equal("Årets nivå hittills", Column(indicators, row, "Prognosmetod"));
        Assert.Equal("◐ Delvis uppnått", Column(indicators, row, "Prognosstatus"));
        Assert.Equal("Siffran för augusti är preliminär.", Column(indicators, row, "Kommentar"));

        var costs = indicators[2];
        Assert.Equal(-412d, Column(indicators, costs, "Utfall"));
        Assert.Equal("#,##0\" mnkr\"", Cell(indicators, costs, "Utfall").NumberFormat);
        Assert.Equal(-335d, Column(indicators, costs, "Målvärde"));
        Assert.Equal("Ja", Column(indicators, costs, "Målvärdet är ett exempel"));
        Assert.Equal("2025 (senast publicerade)", Column(indicators, costs, "Period"));
        Assert.Null(Column(indicators, costs, "Kvinnor"));

        var satisfaction = indicators[3];
        Assert.Null(Column(indicators, satisfaction, "Utfall"));
        Assert.Equal("Inget utfall", Column(indicators, satisfaction, "Period"));
        Assert.Equal("Uppgift för kvinnor och män saknas för 2026 jan–aug.", Column(indicators, satisfaction, "Anmärkning K/M"));
    }

    [Fact]
    public void An_annual_report_shows_the_delårsrapports_assessment_and_forecast_and_how_far_the_outcome_landed_from_it()
    {
        var sheets = Workbook(ReportWorkbook.Create(HandBuiltReport.Document(ReportKind.Annual, ReportState.Finalised)));

        var summary = sheets["Sammanfattning"];
        Assert.Equal("Årsrapport 2025", At(summary, 0, 0));
        Assert.Equal("Fastställd 2026-09-30 14:05 av Åsa Öberg", Beside(summary, "Fastställd"));
        var goals = sheets["Mål"];
        Assert.Equal("✕ Ej uppfyllt", Column(goals, goals[1], "Delårsrapportens bedömning"));
        Assert.Equal("Nämndens bedömning i den fastställda delårsrapporten.", Column(goals, goals[1], "Delårsrapportens bedömning avser"));
        Assert.Equal("–", Column(goals, goals[2], "Delårsrapportens bedömning"));
        var indicators = sheets["Indikatorer"];
        Assert.Equal(86.4d, Column(indicators, indicators[1], "Delårsrapportens prognos"));
        Assert.Equal(-2.1d, (double)Column(indicators, indicators[1], "Avvikelse mot prognos")!, 10);
        Assert.Equal("◐ Delvis uppnått", Column(indicators, indicators[1], "Delårsprognosens status"));
        Assert.DoesNotContain(indicators[0], c => c.Value as string == "Prognos helår");
    }

    [Fact]
    public void A_finalised_report_with_revised_data_says_so_in_the_summary_and_lists_each_change_in_its_own_sheet()
    {
        var revision = HandBuiltReport.Revision();

        var sheets = Workbook(ReportWorkbook.Create(HandBuiltReport.Document(state: ReportState.Finalised), revision));

        Assert.Equal(["Sammanfattning", "Mål", "Indikatorer", "Revideringar"], sheets.Keys);
        Assert.Equal(revision.Summary, Beside(sheets["Sammanfattning"], "Revidering"));
        var changes = sheets["Revideringar"];
        var row = Assert.Single(changes.Skip(1));
        Assert.Equal("2.1", Column(changes, row, "Mål"));
        Assert.Equal("Utfall", Column(changes, row, "Uppgift"));
        Assert.Equal(84.3d, Column(changes, row, "Värde då"));
        Assert.Equal(79.5d, Column(changes, row, "Värde nu"));
        Assert.Equal(-4.8d, (double)Column(changes, row, "Ändring")!, 10);
        Assert.Equal("+#,##0.0\" p.e.\";-#,##0.0\" p.e.\";0.0\" p.e.\"", Cell(changes, row, "Ändring").NumberFormat);
        Assert.Equal("✕ Ej uppnått", Column(changes, row, "Status nu"));
        Assert.DoesNotContain("Revideringar", Workbook(ReportWorkbook.Create(HandBuiltReport.Document(state: ReportState.Finalised), new ReportRevision(5, []))).Keys);
    }

    [Fact]
    public void The_whole_regions_workbook_names_the_organisation()
    {
        var summary = Workbook(ReportWorkbook.Create(HandBuiltReport.Document(committeeId: null)))["Sammanfattning"];

        Assert.Equal("Hela regionen (Region Västernorrland)", Beside(summary, "Organisation"));
    }

    [Fact]
    public void The_tables_header_rows_are_bold_frozen_and_filterable_and_long_texts_wrap_in_bounded_columns()
    {
        using var stream = new MemoryStream(ReportWorkbook.Create(HandBuiltReport.Document(motivation: new string('x', 40) + " " + string.Join(' ', Enumerable.Repeat("motivering", 60)))));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        foreach (var name in new[] { "Mål", "Indikatorer" })
        {
            var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.StartsWith("A1:", worksheet.Descendants<AutoFilter>().Single().Reference!.Value, StringComparison.Ordinal);
            var header = worksheet.Descendants<Row>().First().Elements<Cell>().ToList();
            Assert.All(header, c => Assert.NotNull(fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold));
            Assert.All(worksheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 8, 50));
        }

        var goals = (WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == "Mål").Id!);
        var motivation = goals.Worksheet!.Descendants<Row>().ElementAt(1).Elements<Cell>().ElementAt(7);
        Assert.True(formats[(int)motivation.StyleIndex!.Value].Alignment!.WrapText!.Value);
    }
}
