using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Walks the first sheet for <see cref="XlsxInspection"/>, counting rows and cells against the limits and finding what
/// ExcelDataReader reads as an empty cell although the cell is not empty: a formula without a cached value and an
/// Excel error. To agree with the reader on row and column, the sheet is walked as ExcelDataReader 3.6 walks it (row
/// and cell references, rows repeated under one number, gaps).
/// </summary>
internal sealed class XlsxSheetScan
{
    const string SpreadsheetMl = XlsxPartReader.SpreadsheetMl;

    readonly XlsxPartReader parts;
    readonly XlsxLimits limits;
    readonly Dictionary<(int Row, int Column), string> cellProblems = [];

    XlsxSheetScan(XlsxPartReader parts)
    {
        this.parts = parts;
        limits = parts.Limits;
    }

    /// <summary>Why a cell that reads as empty is not, by (row as read, 0-based column), for the sheet in <paramref name="entry"/>.</summary>
    public static IReadOnlyDictionary<(int Row, int Column), string> CellProblems(XlsxPartReader parts, ZipArchiveEntry? entry)
    {
        var scan = new XlsxSheetScan(parts);
        scan.ScanSheet(entry);
        return scan.cellProblems;
    }

    SourceReadException TooBig(string what) => parts.TooBig(what);

    static string Number(long value) => XlsxPartReader.Number(value);

    static string Printable(string text) => XlsxPartReader.Printable(text);

    /// <summary>A row as ExcelDataReader builds it: the rows under one number in a row, and the cells read as empty that are not.</summary>
    sealed class RowBlock(int index)
    {
        public int Index { get; } = index;

        public Dictionary<int, string> Problems { get; } = [];
    }

    void ScanSheet(ZipArchiveEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        using var stream = parts.Open(entry, limits.MaxSheetBytes);
        using var xml = XmlReader.Create(stream, XlsxPartReader.Xml);
        if (!xml.Read() || xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "worksheet" || xml.NamespaceURI != SpreadsheetMl)
        {
            // ExcelDataReader reads nothing from a sheet that is not a worksheet of this namespace.
            return;
        }

        var reads = 0L;
        var rowElements = 0L;
        var cells = 0L;
        var widest = 0;
        RowBlock? block = null;
        var nextRowIndex = 0;
        var inSheetData = false;

        void Emit(RowBlock finished)
        {
            // ExcelDataReader hands out an empty row for each gap, then the row: the row is read as number `reads`.
            reads = Math.Max(reads, finished.Index) + 1;
            foreach (var (column, problem) in finished.Problems)
            {
                if (cellProblems.Count >= limits.MaxCellProblems)
                {
                    throw TooBig($"fler än {Number(limits.MaxCellProblems)} celler saknar värde för att de är formler som inte har räknats ut eller Excel-fel");
                }

                cellProblems[((int)reads, column)] = problem;
            }
        }

        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.Depth == 1)
            {
                // Each sheetData is read on its own: its last row is handed out at its end and row numbering restarts.
                if (block is not null)
                {
                    Emit(block);
                    block = null;
                }

                inSheetData = xml.LocalName == "sheetData" && xml.NamespaceURI == SpreadsheetMl;
                nextRowIndex = 0;
                continue;
            }

            if (!inSheetData || xml.Depth != 2 || xml.LocalName != "row" || xml.NamespaceURI != SpreadsheetMl)
            {
                continue;
            }

            if (++rowElements > limits.MaxRows)
            {
                throw TooBig($"första bladet har fler än {Number(limits.MaxRows)} rader");
            }

            var index = int.TryParse(xml.GetAttribute("r"), out var number) ? unchecked(number - 1) : nextRowIndex;
            if (index >= limits.MaxRows)
            {
                throw TooBig($"första bladet har rad {Number(index + 1L)}, efter rad {Number(limits.MaxRows)}, den sista som tas emot (och som Excel har)");
            }

            if (block is null || block.Index != index)
            {
                if (block is not null)
                {
                    Emit(block);
                }

                block = new RowBlock(index);
            }

            nextRowIndex = unchecked(index + 1);
            if (!xml.IsEmptyElement)
            {
                var (cellsInRow, rowWidest) = ScanRow(xml, block);
                cells += cellsInRow;
                widest = Math.Max(widest, rowWidest);
                if (cells > limits.MaxCells)
                {
                    throw TooBig($"första bladet har fler än {Number(limits.MaxCells)} celler");
                }
            }
        }

        if (block is not null)
        {
            Emit(block);
        }

        if (reads * widest > limits.MaxSheetArea)
        {
            throw TooBig($"första bladet sträcker sig över {Number(reads)} rader och {Number(widest)} kolumner, fler än {Number(limits.MaxSheetArea)} celler; "
                + "ta bort innehåll och formatering utanför tabellen och spara om filen");
        }
    }

    /// <summary>Reads a row's cells, from the row's start element to its end; returns how many and how far right they reach.</summary>
    (int Cells, int Widest) ScanRow(XmlReader xml, RowBlock block)
    {
        var rowDepth = xml.Depth;
        var cells = 0;
        var widest = 0;
        var nextColumn = 0;
        while (xml.Read() && xml.Depth > rowDepth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != rowDepth + 1 || xml.LocalName != "c" || xml.NamespaceURI != SpreadsheetMl)
            {
                continue;
            }

            cells++;
            var reference = xml.GetAttribute("r");
            var type = xml.GetAttribute("t");
            var column = ParseColumn(reference, out var parsed) ? unchecked(parsed - 1) : nextColumn;
            if (column < 0 || column >= limits.MaxColumns)
            {
                throw TooBig($"cellen {Printable(reference ?? "")} ligger bortom kolumn XFD, den sista av de {Number(limits.MaxColumns)} kolumner som tas emot (och som Excel har); "
                    + "ta bort innehåll och formatering längst till höger och spara om filen");
            }

            nextColumn = column + 1;
            widest = Math.Max(widest, column + 1);
            var problem = xml.IsEmptyElement ? null : ScanCell(xml, type, reference);
            if (problem is null)
            {
                // A later cell at the same place replaces an earlier one, as in ExcelDataReader.
                block.Problems.Remove(column);
            }
            else
            {
                block.Problems[column] = problem;
            }
        }

        return (cells, widest);
    }

    /// <summary>Reads a cell from its start element to its end; returns why it reads as empty although it is not, or null.</summary>
    string? ScanCell(XmlReader xml, string? type, string? reference)
    {
        var depth = xml.Depth;
        var where = $"cellen {Printable(reference ?? "")}";
        string? formula = null;
        string? error = null;
        var hasValue = false;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1 || xml.NamespaceURI != SpreadsheetMl)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "f":
                    formula = parts.ReadElementText(xml, where, keep: true);
                    break;
                case "v":
                    hasValue = true;
                    var text = parts.ReadElementText(xml, where, keep: type == "e");
                    if (type == "e")
                    {
                        error = text;
                    }

                    break;
                case "is":
                    hasValue = true;
                    if (!xml.IsEmptyElement)
                    {
                        parts.ReadText(xml, where);
                    }

                    break;
                default:
                    break;
            }
        }

        if (error is not null)
        {
            return $"cellen innehåller Excel-felet {StorableText.Excerpt(error.Trim(), 20)}, inget värde";
        }

        if (formula is null || hasValue)
        {
            return null;
        }

        // A shared formula's other cells carry only a reference to it (<f t="shared" si="0"/>), no text.
        var shown = formula.Trim().Length == 0 ? "" : $" (={StorableText.Excerpt(formula.Trim(), 40)})";
        return $"formel utan beräknat värde{shown}; öppna filen i Excel och spara den igen så att värdet räknas ut";
    }

    /// <summary>
    /// The 1-based column of a reference such as "AB12", exactly as ExcelDataReader 3.6 reads it (capital letters
    /// then a digit; the arithmetic may wrap, which then shows as a column out of range).
    /// </summary>
    static bool ParseColumn(string? reference, out int column)
    {
        column = 0;
        if (reference is null)
        {
            return false;
        }

        var position = 0;
        while (position < reference.Length)
        {
            var c = reference[position];
            if (c is >= 'A' and <= 'Z')
            {
                position++;
                column = unchecked((column * 26) + (c - 'A' + 1));
                continue;
            }

            if (char.IsDigit(c))
            {
                break;
            }

            position = 0;
            break;
        }

        if (position == 0)
        {
            column = 0;
            return false;
        }

        return int.TryParse(reference.AsSpan(position), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
