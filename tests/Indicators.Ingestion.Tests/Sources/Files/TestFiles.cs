using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Indicators.Ingestion.Tests.Sources.Files;

/// <summary>Builds the files under test in code, byte for byte, so each test shows exactly what it reads.</summary>
internal static class TestFiles
{
    public const string RegionHeader = "indicator;period;area;gender;value;status";

    public static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static MemoryStream Text(string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(text);
        // A UTF8Encoding made without a BOM has an empty preamble: take the BOM from one that has it.
        var preamble = !bom ? [] : encoding is UTF8Encoding ? Encoding.UTF8.GetPreamble() : encoding.GetPreamble();
        return new MemoryStream([.. preamble, .. bytes]);
    }

    /// <summary>Lines joined with CRLF, as Excel writes them.</summary>
    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>A cell written as given after its reference: its attributes (e.g. <c> t="e"</c>) and its content.</summary>
    public sealed record RawCell(string Attributes, string Content);

    /// <summary>A formula cell as tools other than Excel write it: the formula, but no cached value.</summary>
    public static RawCell Formula(string formula) => new("", $"<f>{SecurityElement.Escape(formula)}</f>");

    /// <summary>A formula cell whose cached value is an Excel error such as #DIV/0!.</summary>
    public static RawCell ErrorCell(string error) => new(" t=\"e\"", $"<f>1/0</f><v>{SecurityElement.Escape(error)}</v>");

    /// <summary>A numeric cell holding exactly <paramref name="text"/> as its value ("1e300", "NaN").</summary>
    public static RawCell NumberCell(string text) => new("", $"<v>{text}</v>");

    /// <summary>
    /// A minimal .xlsx: one worksheet with the given rows at the given (1-based) row numbers. Strings go to the shared
    /// string table as Excel stores them; numbers are numeric cells; a <see cref="RawCell"/> is written as given.
    /// </summary>
    public static MemoryStream Xlsx(params (int Row, object?[] Cells)[] rows)
    {
        var strings = new List<string>();
        var sheet = new StringBuilder();
        foreach (var (row, cells) in rows)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = $"{(char)('A' + i)}{row}";
                switch (cells[i])
                {
                    case null:
                        break;
                    case string s:
                        strings.Add(s);
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                        break;
                    case RawCell raw:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"{raw.Attributes}>{raw.Content}</c>");
                        break;
                    case IFormattable number:
                        sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        throw new ArgumentException($"Unsupported cell {cells[i]}");
                }
            }

            sheet.Append("</row>");
        }

        return Workbook(sheet.ToString(), strings.Select(s => $"<t>{SecurityElement.Escape(s)}</t>"));
    }

    /// <summary>
    /// A workbook whose first sheet's <c>sheetData</c> holds <paramref name="sheetData"/> as given, with the shared strings
    /// (each the content of one <c>si</c>, e.g. <c>&lt;t&gt;0022&lt;/t&gt;</c>); <paramref name="replace"/> swaps a part's bytes
    /// for others (a part named there that the workbook lacks is added).
    /// </summary>
    public static MemoryStream Workbook(string sheetData, IEnumerable<string> sharedStrings, IReadOnlyDictionary<string, byte[]>? replace = null)
    {
        var items = sharedStrings.ToList();
        var shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{items.Count}\" uniqueCount=\"{items.Count}\">");
        foreach (var item in items)
        {
            shared.Append(CultureInfo.InvariantCulture, $"<si>{item}</si>");
        }

        shared.Append("</sst>");
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["[Content_Types].xml"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>"),
            ["_rels/.rels"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"),
            ["xl/workbook.xml"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Utfall\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ["xl/_rels/workbook.xml.rels"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>"),
            ["xl/worksheets/sheet1.xml"] = Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetData}</sheetData></worksheet>"),
            ["xl/sharedStrings.xml"] = Utf8(shared.ToString()),
        };
        foreach (var (name, bytes) in replace ?? new Dictionary<string, byte[]>())
        {
            parts[name] = bytes;
        }

        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>The XML of a worksheet whose <c>sheetData</c> holds <paramref name="sheetData"/>, for <see cref="Workbook"/>'s replacements.</summary>
    public static byte[] SheetXml(string sheetData) => Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{sheetData}</sheetData></worksheet>");

    static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
