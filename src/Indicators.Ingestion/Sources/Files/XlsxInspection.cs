using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Looks at a workbook before ExcelDataReader reads it: checks <see cref="XlsxLimits"/> against the zip's directory (entry
/// count, declared and packed sizes) and then streams the parts ExcelDataReader reads — workbook, relationships, styles,
/// shared strings and the first sheet — counting what they really unpack to, so that a zip that understates a size is
/// caught too (<see cref="XlsxPartReader"/>). Memory stays small whatever the file claims: nothing is held but counts and
/// the cells listed below.
/// <para>
/// It also finds what ExcelDataReader reads as an empty cell although the cell is not empty: a formula without a cached
/// value (written by a tool that never calculated it) and an Excel error such as #DIV/0!. They are listed by the row as
/// the reader counts rows (its read count, which is Excel's row number in any ordinary sheet) and the column, to be
/// rejected rows instead of silent missing values. <see cref="XlsxSheetScan"/> walks the sheet as ExcelDataReader 3.6
/// walks it, to agree with the reader on both.
/// </para>
/// </summary>
internal sealed class XlsxInspection
{
    const string SpreadsheetMl = XlsxPartReader.SpreadsheetMl;
    const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const long RatioCheckedFrom = 1024 * 1024;

    static readonly XmlReaderSettings Xml = XlsxPartReader.Xml;

    readonly XlsxPartReader parts;
    readonly XlsxLimits limits;
    IReadOnlyDictionary<(int Row, int Column), string> cellProblems = new Dictionary<(int Row, int Column), string>();

    XlsxInspection(string fileName, XlsxLimits limits)
    {
        parts = new XlsxPartReader(fileName, limits);
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

    SourceReadException TooBig(string what) => parts.TooBig(what);

    static string Number(long value) => XlsxPartReader.Number(value);

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
        parts.Drain(Find(zip, "xl/styles.xml"), limits.MaxOtherPartBytes);
        ScanSharedStrings(Find(zip, "xl/sharedStrings.xml"));
        if (!string.IsNullOrEmpty(sheetPath))
        {
            var sheet = Find(zip, sheetPath.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase) ? sheetPath[1..] : "xl/" + sheetPath);
            cellProblems = XlsxSheetScan.CellProblems(parts, sheet);
        }
    }

    /// <summary>The first entry of that name, ignoring case and with '\' as '/', as ExcelDataReader looks entries up.</summary>
    static ZipArchiveEntry? Find(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/').Equals(name, StringComparison.OrdinalIgnoreCase));

    static string Printable(string text) => XlsxPartReader.Printable(text);

    /// <summary>The relationship id of the workbook's first sheet, the one that is read.</summary>
    string? FirstSheetRelation(ZipArchiveEntry workbook)
    {
        using var stream = parts.Open(workbook, limits.MaxOtherPartBytes);
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

        using var stream = parts.Open(relationships, limits.MaxOtherPartBytes);
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

        using var stream = parts.Open(entry, limits.MaxSharedStringBytes);
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

                parts.ReadText(xml, $"text nr {Number(count)} i arbetsbokens texttabell");
            }
        }
    }
}
