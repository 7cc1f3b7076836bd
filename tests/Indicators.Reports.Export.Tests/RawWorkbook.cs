using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// A cell as stored, read with the Open XML SDK (not through a reader that might turn text into numbers): its type (null:
/// a number), its raw value, the text of a shared string, its number format code, whether it is a formula.
/// </summary>
sealed record RawCell(CellValues? Type, string? Raw, string? Text, string? Format, bool IsFormula)
{
    public bool IsNumber => (Type is null || Type == CellValues.Number) && Raw is not null;
}

/// <summary>Sheets of a workbook as Excel stores them, for asserting number cells and their formats.</summary>
static class RawWorkbook
{
    /// <summary>Every row of a sheet as its cells by column index (0 = A).</summary>
    public static List<Dictionary<int, RawCell>> Sheet(byte[] xlsx, string sheetName)
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
            return new RawCell(type, raw, text, format, cell.CellFormula is not null);
        }

        static int Column(Cell cell) => cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;
        return [.. rows.Select(r => r.Elements<Cell>().ToDictionary(Column, Read))];
    }

    /// <summary>The data rows of a sheet whose first row is its header: header → cell.</summary>
    public static List<Dictionary<string, RawCell>> Table(byte[] xlsx, string sheetName)
    {
        var rows = Sheet(xlsx, sheetName);
        var headers = rows[0].ToDictionary(p => p.Key, p => p.Value.Text!);
        return [.. rows.Skip(1).Select(r => r.ToDictionary(p => headers[p.Key], p => p.Value))];
    }

    public static void AssertNumber(RawCell? cell, string value, string format)
    {
        Assert.NotNull(cell);
        Assert.True(cell.IsNumber, $"Not a number: {cell}");
        Assert.Equal((value, format), (cell.Raw, cell.Format));
    }
}
