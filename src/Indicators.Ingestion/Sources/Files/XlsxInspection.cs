using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Looks at a workbook before ExcelDataReader reads it: checks <see cref="XlsxLimits"/> against the zip's directory (entry
/// count, declared and packed sizes) and then streams the parts ExcelDataReader reads — workbook, relationships, styles,
/// shared strings and the first sheet — counting what they really unpack to, so that a zip that understates a size is
/// caught too. Memory stays small whatever the file claims: nothing is held but counts and the cells listed below.
/// <para>
/// It also finds what ExcelDataReader reads as an empty cell although the cell is not empty: a formula without a cached
/// value (written by a tool that never calculated it) and an Excel error such as #DIV/0!. They are listed by the row as
/// the reader counts rows (its read count, which is Excel's row number in any ordinary sheet) and the column, to be
/// rejected rows instead of silent missing values. To agree with the reader on both, the sheet is walked as
/// ExcelDataReader 3.6 walks it (row and cell references, rows repeated under one number, gaps).
/// </para>
/// </summary>
internal sealed class XlsxInspection
{
    const string SpreadsheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const long RatioCheckedFrom = 1024 * 1024;

    static readonly XmlReaderSettings Xml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };

    readonly string fileName;
    readonly XlsxLimits limits;
    readonly Dictionary<(int Row, int Column), string> cellProblems = [];
    readonly char[] chunk = new char[4096];

    XlsxInspection(string fileName, XlsxLimits limits)
    {
        this.fileName = fileName;
        this.limits = limits;
    }

    /// <summary>Why a cell that reads as empty is not, by (row as read, 0-based column); a rejected row's reason.</summary>
    public IReadOnlyDictionary<(int Row, int Column), string> CellProblems => cellProblems;

    /// <summary>Checks the workbook in <paramref name="content"/> (seekable; left at its start).</summary>
    /// <exception cref="SourceReadException">The workbook is over a limit or cannot be read; the message names the file.</exception>
    public static XlsxInspection Inspect(Stream content, string fileName, XlsxLimits limits)
    {
        var inspection = new XlsxInspection(fileName, limits);
        try
        {
            inspection.CheckDirectorySize(content);
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            inspection.Inspect(zip);
            return inspection;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or FormatException or OverflowException)
        {
            throw new SourceReadException($"'{fileName}' går inte att läsa som en Excel-arbetsbok (.xlsx).", e);
        }
        finally
        {
            content.Position = 0;
        }
    }

    SourceReadException TooBig(string what) =>
        new($"'{fileName}' är för stor för att läsas: {what}. Inget i filen lästes.");

    static string Number(long value) => SwedishFormat.Number(value, 0);

    /// <summary>
    /// The zip's directory is read into memory, one object per entry, before any entry can be looked at; its size (from
    /// the end record) is checked first so that a directory of millions of entries is never read.
    /// </summary>
    void CheckDirectorySize(Stream content)
    {
        const int EndRecordSize = 22;
        var tail = (int)Math.Min(content.Length, EndRecordSize + ushort.MaxValue);
        if (tail < EndRecordSize)
        {
            return;
        }

        var buffer = new byte[tail];
        content.Position = content.Length - tail;
        content.ReadExactly(buffer);
        for (var i = tail - EndRecordSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == 0x06054b50)
            {
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                var directoryBytes = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i + 12));
                // 0xFFFF entries means a Zip64 directory, whose count is elsewhere; its byte size still bounds it.
                if ((entries != ushort.MaxValue && entries > limits.MaxEntries) || directoryBytes > (long)limits.MaxEntries * 1024)
                {
                    throw TooBig($"zip-filen har fler än {Number(limits.MaxEntries)} delar");
                }

                return;
            }
        }
    }

    void Inspect(ZipArchive zip)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw TooBig($"zip-filen har {Number(zip.Entries.Count)} delar, fler än de {Number(limits.MaxEntries)} som tas emot");
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (entry.Length > RatioCheckedFrom && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw TooBig($"delen {Printable(entry.FullName)} packas upp till {Number(entry.Length / (1024 * 1024))} MB ur {Number(entry.CompressedLength / 1024)} kB, "
                    + $"mer än {Number(limits.MaxCompressionRatio)} gånger så mycket, vilket ingen vanlig arbetsbok gör (en zip-bomb?)");
            }
        }

        if (declared > limits.MaxTotalBytes)
        {
            throw TooBig($"den packas upp till {Number(declared / (1024 * 1024))} MB, mer än de {Number(limits.MaxTotalBytes / (1024 * 1024))} MB som tas emot");
        }

        var workbook = Find(zip, "xl/workbook.xml");
        if (workbook is null)
        {
            // ExcelDataReader refuses it as no workbook at all.
            return;
        }

        var sheetRelation = FirstSheetRelation(workbook);
        var sheetPath = sheetRelation is null ? null : SheetPath(Find(zip, "xl/_rels/workbook.xml.rels"), sheetRelation);
        Drain(Find(zip, "xl/styles.xml"), limits.MaxOtherPartBytes);
        ScanSharedStrings(Find(zip, "xl/sharedStrings.xml"));
        if (!string.IsNullOrEmpty(sheetPath))
        {
            ScanSheet(Find(zip, sheetPath.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase) ? sheetPath[1..] : "xl/" + sheetPath));
        }
    }

    /// <summary>The first entry of that name, ignoring case and with '\' as '/', as ExcelDataReader looks entries up.</summary>
    static ZipArchiveEntry? Find(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/').Equals(name, StringComparison.OrdinalIgnoreCase));

    static string Printable(string text) => StorableText.Excerpt(text, 60);

    /// <summary>Opens an entry so that reading more than <paramref name="limit"/> or more than it declared stops the read.</summary>
    BoundedStream Open(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit)
        {
            throw TooBig($"delen {Printable(entry.FullName)} packas upp till {Number(entry.Length / (1024 * 1024))} MB, mer än de {Number(Math.Max(1, limit / (1024 * 1024)))} MB som tas emot");
        }

        return new BoundedStream(entry.Open(), entry.Length, () => new SourceReadException(
            $"'{fileName}' är skadad: delen {Printable(entry.FullName)} packas upp till mer än de {Number(entry.Length)} byte som zip-filen anger. Inget i filen lästes."));
    }

    void Drain(ZipArchiveEntry? entry, long limit)
    {
        if (entry is null)
        {
            return;
        }

        using var stream = Open(entry, limit);
        stream.CopyTo(Stream.Null);
    }

    /// <summary>The relationship id of the workbook's first sheet, the one that is read.</summary>
    string? FirstSheetRelation(ZipArchiveEntry workbook)
    {
        using var stream = Open(workbook, limits.MaxOtherPartBytes);
        using var xml = XmlReader.Create(stream, Xml);
        string? first = null;
        while (xml.Read())
        {
            if (first is null && xml.NodeType == XmlNodeType.Element && xml.Depth == 2 && xml.LocalName == "sheet" && xml.NamespaceURI == SpreadsheetMl)
            {
                first = xml.GetAttribute("id", DocumentRelationships) ?? "";
            }
        }

        return first;
    }

    string? SheetPath(ZipArchiveEntry? relationships, string relation)
    {
        if (relationships is null)
        {
            return null;
        }

        using var stream = Open(relationships, limits.MaxOtherPartBytes);
        using var xml = XmlReader.Create(stream, Xml);
        string? path = null;
        while (xml.Read())
        {
            // When two relationships share the id, the later one counts, as in ExcelDataReader.
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == 1 && xml.LocalName == "Relationship" && xml.NamespaceURI == Relationships
                && xml.GetAttribute("Id") == relation)
            {
                path = xml.GetAttribute("Target");
            }
        }

        return path;
    }

    void ScanSharedStrings(ZipArchiveEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        using var stream = Open(entry, limits.MaxSharedStringBytes);
        using var xml = XmlReader.Create(stream, Xml);
        var count = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == 1 && xml.LocalName == "si" && !xml.IsEmptyElement)
            {
                if (++count > limits.MaxSharedStrings)
                {
                    throw TooBig($"den har fler än {Number(limits.MaxSharedStrings)} olika texter");
                }

                ReadText(xml, $"text nr {Number(count)} i arbetsbokens texttabell");
            }
        }
    }

    /// <summary>
    /// Reads a string item (<c>si</c> or <c>is</c>: <c>t</c> elements, or rich-text runs <c>r</c> each with a <c>t</c>) from
    /// its start element to its end, counting characters a chunk at a time and the runs.
    /// </summary>
    void ReadText(XmlReader xml, string where)
    {
        var depth = xml.Depth;
        var length = 0L;
        var runs = 0;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "r" && ++runs > limits.MaxTextRuns)
            {
                throw TooBig($"{where} består av fler än {Number(limits.MaxTextRuns)} formaterade delar");
            }

            length += TextLength(xml);
            if (length > limits.MaxTextLength)
            {
                throw TooBig($"{where} är längre än de {Number(limits.MaxTextLength)} tecken som en cell kan ha");
            }
        }
    }

    /// <summary>The characters of the text node the reader is on, read in chunks so that a huge one is never held; 0 elsewhere.</summary>
    long TextLength(XmlReader xml)
    {
        if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
        {
            return 0;
        }

        if (!xml.CanReadValueChunk)
        {
            return xml.Value.Length;
        }

        long length = 0;
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            length += read;
            if (length > limits.MaxTextLength)
            {
                break;
            }
        }

        return length;
    }

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

        using var stream = Open(entry, limits.MaxSheetBytes);
        using var xml = XmlReader.Create(stream, Xml);
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
                    formula = ReadElementText(xml, where, keep: true);
                    break;
                case "v":
                    hasValue = true;
                    var text = ReadElementText(xml, where, keep: type == "e");
                    if (type == "e")
                    {
                        error = text;
                    }

                    break;
                case "is":
                    hasValue = true;
                    if (!xml.IsEmptyElement)
                    {
                        ReadText(xml, where);
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
    /// An element's text (a value, a formula) from its start element to its end, refused over the cell limit; with
    /// <paramref name="keep"/> its first 64 characters are returned, otherwise only counted.
    /// </summary>
    string? ReadElementText(XmlReader xml, string where, bool keep)
    {
        if (xml.IsEmptyElement)
        {
            return keep ? "" : null;
        }

        var depth = xml.Depth;
        var start = keep ? new System.Text.StringBuilder() : null;
        var length = 0L;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                continue;
            }

            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                length += read;
                if (length > limits.MaxTextLength)
                {
                    throw TooBig($"{where} är längre än de {Number(limits.MaxTextLength)} tecken som en cell kan ha");
                }

                start?.Append(chunk, 0, Math.Min(read, Math.Max(0, 64 - start.Length)));
            }
        }

        return start?.ToString();
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
