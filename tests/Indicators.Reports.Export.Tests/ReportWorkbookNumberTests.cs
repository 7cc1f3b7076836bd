using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// The indicator sheet's figures as Excel holds them (read with the Open XML SDK, not through a reader that might turn
/// text into numbers): a number cell, its value in invariant notation rounded to the indicator's decimals, and a number
/// format that shows it the Swedish way with its unit.
/// </summary>
public class ReportWorkbookNumberTests
{
    /// <summary>A cell as stored: its type (null: a number), its raw value, the text of a shared string, its number format code.</summary>
    sealed record RawCell(CellValues? Type, string? Raw, string? Text, string? Format)
    {
        public bool IsNumber => (Type is null || Type == CellValues.Number) && Raw is not null;
    }

    /// <summary>Header → cell for each data row of a sheet.</summary>
    static List<Dictionary<string, RawCell>> Rows(byte[] xlsx, string sheetName)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var codes = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!.Descendants<Row>().ToList();
        RawCell Read(Cell cell)
        {
            var type = cell.DataType?.Value;
            var raw = cell.CellValue?.Text;
            var text = type == CellValues.SharedString ? strings[int.Parse(raw!, CultureInfo.InvariantCulture)] : null;
            var format = cell.StyleIndex is { } style && formats[(int)style.Value].NumberFormatId is { } id ? codes.GetValueOrDefault(id.Value) : null;
            return new RawCell(type, raw, text, format);
        }

        static int Column(Cell cell) => cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
        var headers = rows[0].Elements<Cell>().ToDictionary(Column, c => Read(c).Text!);
        return [.. rows.Skip(1).Select(r => r.Elements<Cell>().ToDictionary(c => headers[Column(c)], Read))];
    }

    static void AssertNumber(RawCell? cell, string value, string format)
    {
        Assert.NotNull(cell);
        Assert.True(cell.IsNumber, $"Not a number: {cell}");
        Assert.Equal((value, format), (cell.Raw, cell.Format));
    }

    const string Percent1 = "#,##0.0\" %\"";
    const string PercentPoints1 = "+#,##0.0\" p.e.\";-#,##0.0\" p.e.\";0.0\" p.e.\"";

    [Fact]
    public void The_målvärde_is_a_number_with_its_unit_and_the_example_mark_has_its_own_column()
    {
        var rows = Rows(ReportWorkbook.Create(HandBuiltReport.Document()), "Indikatorer");

        var waiting = rows[0];
        AssertNumber(waiting.GetValueOrDefault("Målvärde"), "90", Percent1);
        Assert.Equal("Nej", waiting.GetValueOrDefault("Målvärdet är ett exempel")?.Text);
        var costs = rows[1];
        AssertNumber(costs.GetValueOrDefault("Målvärde"), "-335", "#,##0\" mnkr\"");
        Assert.Equal("Ja", costs.GetValueOrDefault("Målvärdet är ett exempel")?.Text);
        Assert.Equal("Inget målvärde", rows[2].GetValueOrDefault("Målvärde")?.Text);
    }

    [Fact]
    public void Outcomes_forecasts_and_K_and_M_are_numbers_rounded_to_the_indicators_decimals()
    {
        var rows = Rows(ReportWorkbook.Create(HandBuiltReport.Document()), "Indikatorer");

        var waiting = rows[0];
        // The forecast was computed with 28 decimals (86,4333…): the cell holds the 86.4 the report shows.
        AssertNumber(waiting.GetValueOrDefault("Prognos helår"), "86.4", Percent1);
        // 84,25 shows as 84,3 % everywhere (rounding half away from zero), so the cell holds 84.3, not 84.25.
        AssertNumber(waiting.GetValueOrDefault("Utfall"), "84.3", Percent1);
        AssertNumber(waiting.GetValueOrDefault("Kvinnor"), "86.5", Percent1);
        AssertNumber(waiting.GetValueOrDefault("Män"), "81.8", Percent1);
        AssertNumber(rows[1].GetValueOrDefault("Utfall"), "-412", "#,##0\" mnkr\"");
    }

    [Fact]
    public void The_differences_from_the_målvärde_and_from_the_delårsrapports_forecast_are_signed_numbers_that_add_up()
    {
        var interim = Rows(ReportWorkbook.Create(HandBuiltReport.Document()), "Indikatorer");
        // 84,3 − 90,0: from the figures as shown, so the sheet adds up.
        AssertNumber(interim[0].GetValueOrDefault("Avvikelse mot målvärde"), "-5.7", PercentPoints1);
        AssertNumber(interim[0].GetValueOrDefault("Prognosens avvikelse mot målvärde"), "-3.6", PercentPoints1);
        AssertNumber(interim[1].GetValueOrDefault("Avvikelse mot målvärde"), "-77", "+#,##0\" mnkr\";-#,##0\" mnkr\";0\" mnkr\"");

        var annual = Rows(ReportWorkbook.Create(HandBuiltReport.Document(ReportKind.Annual, ReportState.Finalised)), "Indikatorer");
        AssertNumber(annual[0].GetValueOrDefault("Delårsrapportens prognos"), "86.4", Percent1);
        // 84,3 − 86,4.
        AssertNumber(annual[0].GetValueOrDefault("Avvikelse mot prognos"), "-2.1", PercentPoints1);
    }

    [Fact]
    public void A_band_målvärde_is_two_numbers_and_the_difference_is_the_distance_past_its_nearer_edge()
    {
        var document = HandBuiltReport.Document();
        var area = document.Areas[0];
        var goal = area.Goals[0];
        var band = goal.Indicators[0] with { TargetText = "2,0–3,0 %", Target = new ReportTarget(2026, null, 2m, 3m, false), Outcome = 3.45m };
        document = document with { Areas = [area with { Goals = [goal with { Indicators = [band] }] }] };

        var row = Rows(ReportWorkbook.Create(document), "Indikatorer")[0];

        Assert.False(row.ContainsKey("Målvärde"));
        AssertNumber(row.GetValueOrDefault("Målintervall från"), "2", Percent1);
        AssertNumber(row.GetValueOrDefault("Målintervall till"), "3", Percent1);
        AssertNumber(row.GetValueOrDefault("Avvikelse mot målvärde"), "0.5", PercentPoints1);
    }
}
