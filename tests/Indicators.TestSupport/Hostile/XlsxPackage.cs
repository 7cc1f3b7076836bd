using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// An .xlsx workbook built part by part, so every part can be made wrong on purpose: the sheet's XML is raw text, cells
/// are written as given (any reference, any type, formulas without values), and parts can be left out, renamed or blown
/// up. <see cref="Sound"/> makes a workbook Excel and ExcelDataReader both read.
/// </summary>
public sealed class XlsxPackage
{
    public const string SheetPart = "xl/worksheets/sheet1.xml";
    public const string SharedStringsPart = "xl/sharedStrings.xml";
    public const string WorkbookPart = "xl/workbook.xml";
    public const string WorkbookRelsPart = "xl/_rels/workbook.xml.rels";
    public const string ContentTypesPart = "[Content_Types].xml";

    const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    static readonly ConcurrentDictionary<long, byte[]> Bombs = new();

    /// <summary>Part name → content, in the order they go into the zip.</summary>
    public List<KeyValuePair<string, byte[]>> Parts { get; } = [];

    /// <summary>A workbook with one sheet of the given rows (each a list of cell XML strings) and, if any, shared strings.</summary>
    public static XlsxPackage Sound(IEnumerable<IEnumerable<string>> rows, IReadOnlyList<string>? sharedStrings = null, string? dimension = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = new StringBuilder(Xml).Append(CultureInfo.InvariantCulture, $"<worksheet xmlns=\"{Main}\">");
        if (dimension is not null)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<dimension ref=\"{dimension}\"/>");
        }

        sheet.Append("<sheetData>");
        var number = 0;
        foreach (var row in rows)
        {
            number++;
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\">").Append(string.Concat(row)).Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        return WithSheet(sheet.ToString(), sharedStrings);
    }

    /// <summary>A workbook around a raw sheet part.</summary>
    public static XlsxPackage WithSheet(string sheetXml, IReadOnlyList<string>? sharedStrings = null)
    {
        var package = new XlsxPackage();
        package.Add(ContentTypesPart, Xml + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
            + "</Types>");
        package.Add("_rels/.rels", Xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>");
        package.Add(WorkbookPart, Xml + $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        package.Add(WorkbookRelsPart, Xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
            + "</Relationships>");
        package.Add(SheetPart, sheetXml);
        if (sharedStrings is not null)
        {
            package.Add(SharedStringsPart, Xml + $"<sst xmlns=\"{Main}\" count=\"{sharedStrings.Count}\" uniqueCount=\"{sharedStrings.Count}\">"
                + string.Concat(sharedStrings.Select(s => $"<si><t xml:space=\"preserve\">{s}</t></si>")) + "</sst>");
        }

        return package;
    }

    public void Add(string name, string content) => Add(name, Encoding.UTF8.GetBytes(content));

    public void Add(string name, byte[] content) => Parts.Add(new(name, content));

    public void Replace(string name, string content)
    {
        Parts.RemoveAll(p => p.Key == name);
        Add(name, content);
    }

    public string Text(string name) => Encoding.UTF8.GetString(Parts.First(p => p.Key == name).Value);

    public byte[] ToBytes(CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in Parts)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A cell holding text inline (XML-escaped unless <paramref name="raw"/>).</summary>
    public static string TextCell(string reference, string text, bool raw = false) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{(raw ? text : Escape(text))}</t></is></c>";

    /// <summary>A cell with a raw value and optional type and formula: <c>&lt;c r t&gt;&lt;f/&gt;&lt;v/&gt;&lt;/c&gt;</c>.</summary>
    public static string Cell(string reference, string? value, string? type = null, string? formula = null) =>
        $"<c r=\"{reference}\"{(type is null ? "" : $" t=\"{type}\"")}>{(formula is null ? "" : $"<f>{Escape(formula)}</f>")}{(value is null ? "" : $"<v>{value}</v>")}</c>";

    /// <summary>XML escape, with characters XML 1.0 forbids written as character references (which a strict reader refuses).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = SecurityElement.Escape(text) ?? "";
        var builder = new StringBuilder(escaped.Length);
        foreach (var c in escaped)
        {
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r')
            {
                builder.Append(CultureInfo.InvariantCulture, $"&#{(int)c};");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A1-style reference of a 0-based column and 1-based row.</summary>
    public static string Reference(int column, long row)
    {
        var name = new StringBuilder();
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((c - 1) % 26)));
        }

        return name.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>
    /// A whole workbook whose sheet decompresses to about <paramref name="bytes"/> of rows (a zip bomb): a sound header and
    /// then the same short row again and again. Made once per size and process (compressing a gigabyte takes seconds).
    /// </summary>
    public static byte[] Bomb(long bytes) => Bombs.GetOrAdd(bytes, size =>
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var shell = WithSheet("");
            foreach (var (name, content) in shell.Parts.Where(p => p.Key != SheetPart))
            {
                using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                part.Write(content);
            }

            using var sheet = zip.CreateEntry(SheetPart, CompressionLevel.Optimal).Open();
            var head = Encoding.UTF8.GetBytes(Xml + $"<worksheet xmlns=\"{Main}\"><sheetData><row>"
                + string.Concat(HostileCsv.Header.Select((h, i) => TextCell(Reference(i, 1), h))) + "</row>");
            sheet.Write(head);
            var row = Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>P01</t></is></c><c><v>2024</v></c></row>");
            var block = new byte[row.Length * 4096];
            for (var i = 0; i < 4096; i++)
            {
                row.CopyTo(block, i * row.Length);
            }

            for (long written = head.Length; written < size; written += block.Length)
            {
                sheet.Write(block);
            }

            sheet.Write(Encoding.UTF8.GetBytes("</sheetData></worksheet>"));
        }

        return stream.ToArray();
    });
}
