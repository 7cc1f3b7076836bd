using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Indicators.Reports.Export.Excel;

/// <summary>
/// Writes <see cref="ExcelSheet"/>s as an .xlsx workbook with the Open XML SDK: shared strings, numbers as numbers
/// rounded to their decimals with a number format per <see cref="ExcelNumberFormat"/> (one cell style each), a bold
/// frozen header row with a filter, wrapped long texts and column widths fitted to the content.
/// </summary>
public static class ExcelWriter
{

    const double MinWidth = 8;
    const double DefaultMaxWidth = 50;

    // Cell format indices in the stylesheet below.
    const uint TextFormat = 0;
    const uint WrappedFormat = 1;
    const uint HeaderFormat = 2;
    const uint TitleFormat = 3;
    const uint BoldFormat = 4;
    const uint FirstNumberFormat = 5;
    const uint FirstCustomNumberFormatId = 164;

    public static byte[] Write(IReadOnlyList<ExcelSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var numberFormats = NumberFormats(sheets);
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet(numberFormats);
            var strings = new SharedStrings();
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, strings, numberFormats, out var filterRange);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheet.Name });
                if (filterRange is not null)
                {
                    definedNames.Append(new DefinedName($"'{sheet.Name}'!{Absolute(filterRange)}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)i,
                        Hidden = true,
                    });
                }
            }

            workbookPart.Workbook.Append(sheetList);
            if (definedNames.HasChildren)
            {
                workbookPart.Workbook.Append(definedNames);
            }

            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = strings.Table;
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    static Worksheet Worksheet(ExcelSheet sheet, SharedStrings strings, Dictionary<string, uint> numberFormats, out string? filterRange)
    {
        var columnCount = sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count);
        var worksheet = new Worksheet();
        filterRange = null;
        if (sheet.HeaderRow is { } header)
        {
            var topLeft = $"A{(header + 1).ToString(CultureInfo.InvariantCulture)}";
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = header, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { TabSelected = false, WorkbookViewId = 0 }));
            if (columnCount > 0)
            {
                filterRange = $"{Reference(0, header)}:{Reference(columnCount - 1, Math.Max(header, sheet.Rows.Count))}";
            }
        }

        if (columnCount > 0)
        {
            var columns = new Columns();
            for (var c = 0; c < columnCount; c++)
            {
                var index = (uint)(c + 1);
                columns.Append(new Column { Min = index, Max = index, Width = Width(sheet, c), CustomWidth = true });
            }

            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                if (Cell(cells[c], Reference(c, r + 1), strings, numberFormats) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (filterRange is not null)
        {
            worksheet.Append(new AutoFilter { Reference = filterRange });
        }

        return worksheet;
    }

    /// <summary>Every distinct number format of the sheets → its cell style index (after the fixed styles).</summary>
    static Dictionary<string, uint> NumberFormats(IReadOnlyList<ExcelSheet> sheets) => sheets
        .SelectMany(s => s.Rows).SelectMany(r => r)
        .Select(c => FormatOf(c).Code)
        .Distinct(StringComparer.Ordinal)
        .Select((code, i) => (code, index: FirstNumberFormat + (uint)i))
        .ToDictionary(p => p.code, p => p.index, StringComparer.Ordinal);

    static ExcelNumberFormat FormatOf(ExcelCell cell) => cell.Format ?? new ExcelNumberFormat(0);

    static Cell? Cell(ExcelCell cell, string reference, SharedStrings strings, Dictionary<string, uint> numberFormats)
    {
        if (cell.Number is { } number)
        {
            // Rounded here too, so no cell carries a computed decimal's 28 digits however it was made.
            var format = FormatOf(cell);
            return new Cell
            {
                CellReference = reference,
                DataType = CellValues.Number,
                CellValue = new CellValue(format.Round(number).ToString(CultureInfo.InvariantCulture)),
                StyleIndex = numberFormats[format.Code],
            };
        }

        if (string.IsNullOrEmpty(cell.Text))
        {
            return cell.Style == ExcelStyle.Text ? null : new Cell { CellReference = reference, StyleIndex = FormatOf(cell.Style) };
        }

        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            CellValue = new CellValue(strings.IndexOf(Clean(cell.Text)).ToString(CultureInfo.InvariantCulture)),
            StyleIndex = FormatOf(cell.Style),
        };
    }

    static uint FormatOf(ExcelStyle style) => style switch
    {
        ExcelStyle.Wrapped => WrappedFormat,
        ExcelStyle.Header => HeaderFormat,
        ExcelStyle.Title => TitleFormat,
        ExcelStyle.Bold => BoldFormat,
        _ => TextFormat,
    };

    /// <summary>A column's width in characters: its longest line, within bounds (wrapped texts wrap at the bound).</summary>
    static double Width(ExcelSheet sheet, int column)
    {
        var longest = sheet.Rows
            .Where(r => column < r.Count && r[column].Style != ExcelStyle.Title)
            .Select(r => r[column] is { Number: { } n } cell ? ShownLength(n, FormatOf(cell))
                : (r[column].Text ?? "").Split('\n').Max(l => l.Length))
            .DefaultIfEmpty(0)
            .Max();
        var max = sheet.MaxWidths.GetValueOrDefault(column, DefaultMaxWidth);
        return Math.Round(Math.Clamp(longest * 1.1 + 2, MinWidth, max), 1);
    }

    /// <summary>How many characters a number takes as its format shows it: "+1 234,5 p.e.".</summary>
    static int ShownLength(decimal value, ExcelNumberFormat format) =>
        format.Round(value).ToString("N" + format.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Length
        + (format.ShowsSign && value > 0 ? 1 : 0) + (format.Unit.Length > 0 ? format.Unit.Length + 1 : 0);

    /// <summary>Characters XML 1.0 cannot hold (control characters other than tab and line breaks) are left out.</summary>
    static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')])
            : text;

    /// <summary>"B7" for column index 1 and row 7.</summary>
    static string Reference(int column, int row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"A1:K20" → "$A$1:$K$20".</summary>
    static string Absolute(string range) => string.Join(':', range.Split(':').Select(r =>
    {
        var split = r.TakeWhile(char.IsLetter).Count();
        return $"${r[..split]}${r[split..]}";
    }));

    static Stylesheet Stylesheet(Dictionary<string, uint> numberFormatStyles)
    {
        var numberFormats = new NumberingFormats();
        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top } },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            new CellFormat
            {
                FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
                Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top },
            },
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top } });
        foreach (var (code, style) in numberFormatStyles.OrderBy(p => p.Value))
        {
            var id = FirstCustomNumberFormatId + (style - FirstNumberFormat);
            numberFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            cellFormats.Append(new CellFormat
            {
                NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true,
                Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top },
            });
        }

        numberFormats.Count = (uint)numberFormats.ChildElements.Count;
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        return new Stylesheet(
            numberFormats,
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECF2" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>The workbook's shared strings: each distinct text once.</summary>
    sealed class SharedStrings
    {
        readonly Dictionary<string, int> indices = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public int IndexOf(string text)
        {
            if (!indices.TryGetValue(text, out var index))
            {
                index = indices.Count;
                indices.Add(text, index);
                var value = new Text(text);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    value.Space = SpaceProcessingModeValues.Preserve;
                }

                Table.Append(new SharedStringItem(value));
            }

            return index;
        }
    }
}
