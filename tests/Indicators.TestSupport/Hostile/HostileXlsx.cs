using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// Hostile .xlsx workbooks: hostile cell values, numbers past every limit, references far outside any sheet
/// (<c>ZZZZZZ1</c>), formulas without a cached value, zip bombs, XML entity expansion and external entities, broken
/// packages, and random damage to a sound workbook. Same columns and rows as <see cref="HostileCsv"/>.
/// </summary>
public static class HostileXlsx
{
    static readonly string[] Strategies = HostileInputs.Cycle(
        ("hostile-cells", 4), ("numeric-extremes", 4), ("huge-reference", 3), ("formula-without-value", 3), ("cell-types", 4), ("zip-bomb", 1),
        ("entity-expansion", 1), ("external-entity", 1), ("structure", 4), ("deep-nesting", 1), ("wide-and-long", 1), ("mutated-zip", 4),
        ("mutated-xml", 4), ("shared-strings", 2), ("not-a-workbook", 2));

    public static HostileInput Generate(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var strategy = Strategies[number % Strategies.Length];
        var content = strategy switch
        {
            "hostile-cells" => Rows(random, random.Next(1, 40), (cell, _) => random.Next(4) == 0 ? Text(HostileStrings.Pick(random)) : cell).ToBytes(),
            "numeric-extremes" => Rows(random, random.Next(3, 30), (cell, column) => column == 4 && random.Next(2) == 0 ? Raw(ExtremeValue(random)) : cell).ToBytes(),
            "huge-reference" => HugeReference(random).ToBytes(),
            "formula-without-value" => Rows(random, random.Next(3, 30), (cell, column) => column == 4 && random.Next(2) == 0
                ? (r => XlsxPackage.Cell(r, random.Next(4) == 0 ? "" : null, random.Next(3) == 0 ? "str" : null, "SUM(1,2)*A1"))
                : cell).ToBytes(),
            "cell-types" => Rows(random, random.Next(3, 30), (cell, column) => random.Next(3) == 0 ? Raw(CellType(random)) : cell).ToBytes(),
            "zip-bomb" => XlsxPackage.Bomb(random.Next(10) switch { < 6 => 64L << 20, < 9 => 512L << 20, _ => 1536L << 20 }),
            "entity-expansion" => EntityExpansion(random).ToBytes(),
            "external-entity" => ExternalEntity(random).ToBytes(),
            "structure" => Structure(random),
            "deep-nesting" => XlsxPackage.WithSheet("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + new StringBuilder().Insert(0, "<row>", random.Next(1_000, 200_000)) + "</sheetData></worksheet>").ToBytes(),
            "wide-and-long" => WideAndLong(random).ToBytes(),
            "mutated-zip" => HostileStrings.Mutate(random, Rows(random, random.Next(3, 50), null).ToBytes(), random.Next(1, 20)),
            "mutated-xml" => MutatedXml(random),
            "shared-strings" => SharedStrings(random).ToBytes(),
            "not-a-workbook" => NotAWorkbook(random),
            _ => throw new InvalidOperationException(strategy),
        };
        var name = random.Next(10) == 0 ? new[] { $"fil-{number}.csv", $"fil-{number}", $"fil-{number}.XLSX", $"~$fil-{number}.xlsx", $"fil-{number}.xlsm" }[random.Next(5)] : $"fil-{number}.xlsx";
        return new HostileInput(HostileKind.Xlsx, number, "xlsx/" + strategy, name, content);
    }

    /// <summary>A cell factory: given the cell's reference, its XML.</summary>
    delegate string CellXml(string reference);

    static CellXml Text(string text) => r => XlsxPackage.TextCell(r, text);

    static CellXml Raw(string inner) => r => inner.Replace("{r}", r, StringComparison.Ordinal);

    /// <summary>A header and sound rows (numbers as numeric cells), each cell passed through <paramref name="change"/>.</summary>
    static XlsxPackage Rows(Random random, int count, Func<CellXml, int, CellXml>? change)
    {
        var rows = new List<IEnumerable<string>> { HostileCsv.Header.Select((h, i) => XlsxPackage.TextCell(XlsxPackage.Reference(i, 1), h)) };
        for (var row = 2; row < count + 2; row++)
        {
            var sound = HostileCsv.SoundRow(random);
            var cells = new List<string>();
            for (var c = 0; c < sound.Length; c++)
            {
                CellXml cell = c is 1 or 4 && decimal.TryParse(sound[c], NumberStyles.Number, CultureInfo.GetCultureInfo("sv-SE"), out var number)
                    ? r => XlsxPackage.Cell(r, number.ToString(CultureInfo.InvariantCulture))
                    : Text(sound[c]);
                cells.Add((change?.Invoke(cell, c) ?? cell)(XlsxPackage.Reference(c, row)));
            }

            rows.Add(cells);
        }

        return XlsxPackage.Sound(rows);
    }

    static string ExtremeValue(Random random) => new[]
    {
        "<c r=\"{r}\"><v>NaN</v></c>", "<c r=\"{r}\"><v>INF</v></c>", "<c r=\"{r}\"><v>-INF</v></c>", "<c r=\"{r}\"><v>1e300</v></c>",
        "<c r=\"{r}\"><v>-1.7976931348623157E+308</v></c>", "<c r=\"{r}\"><v>1e400</v></c>", "<c r=\"{r}\"><v>4.9e-324</v></c>",
        "<c r=\"{r}\"><v>79228162514264337593543950336</v></c>", "<c r=\"{r}\"><v>abc</v></c>", "<c r=\"{r}\"><v></v></c>",
        "<c r=\"{r}\"><v>1,5</v></c>", "<c r=\"{r}\"><v> 12 </v></c>", "<c r=\"{r}\" t=\"n\"><v>0x10</v></c>",
        "<c r=\"{r}\" t=\"inlineStr\"><is><t>NaN</t></is></c>", "<c r=\"{r}\" t=\"inlineStr\"><is><t>1e300</t></is></c>",
    }[random.Next(15)];

    static string CellType(Random random) => new[]
    {
        "<c r=\"{r}\" t=\"e\"><v>#DIV/0!</v></c>", "<c r=\"{r}\" t=\"e\"><v>#N/A</v></c>", "<c r=\"{r}\" t=\"b\"><v>1</v></c>",
        "<c r=\"{r}\" t=\"b\"><v>2</v></c>", "<c r=\"{r}\" t=\"d\"><v>2024-13-45T25:61:00</v></c>", "<c r=\"{r}\" t=\"d\"><v>2024-01-01</v></c>",
        "<c r=\"{r}\" t=\"s\"><v>99999</v></c>", "<c r=\"{r}\" t=\"s\"><v>-1</v></c>", "<c r=\"{r}\" t=\"s\"><v>x</v></c>", "<c r=\"{r}\" t=\"zz\"><v>1</v></c>",
        "<c r=\"{r}\" s=\"99999\"><v>45000</v></c>", "<c r=\"{r}\" t=\"inlineStr\"><is><r><t>fe</t></r><r><t>t</t></r></is></c>",
        "<c r=\"{r}\" t=\"inlineStr\"><is><t>&#0;</t></is></c>", "<c r=\"{r}\" t=\"inlineStr\"><is><t>\u0000</t></is></c>", "<c r=\"{r}\"/>",
    }[random.Next(15)];

    static XlsxPackage HugeReference(Random random)
    {
        var far = new[] { "ZZZZZZ1", "XFD1048576", "ZZZZZZ1048576", "A2147483648", "AAAAAAAAAAAAA1", "A0", "1A", "", "A-1", "XFE1" }[random.Next(10)];
        var package = Rows(random, random.Next(1, 10), null);
        var sheet = package.Text(XlsxPackage.SheetPart);
        sheet = random.Next(3) switch
        {
            0 => sheet.Replace("<sheetData>", $"<dimension ref=\"A1:{far}\"/><sheetData>", StringComparison.Ordinal),
            1 => sheet.Replace("</sheetData>", $"<row r=\"{(far.Length > 0 && char.IsDigit(far[^1]) ? new string(far.Where(char.IsDigit).ToArray()) : "7")}\">{XlsxPackage.Cell(far, "1")}</row></sheetData>", StringComparison.Ordinal),
            _ => sheet.Replace("</sheetData>", $"<row r=\"{new[] { "1048577", "2147483648", "-1", "0", "99999999999999" }[random.Next(5)]}\"><c r=\"A1\"><v>1</v></c></row></sheetData>", StringComparison.Ordinal),
        };
        package.Replace(XlsxPackage.SheetPart, sheet);
        return package;
    }

    static XlsxPackage EntityExpansion(Random random)
    {
        var doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY a0 \"lollollollollol\">");
        for (var i = 1; i < 10; i++)
        {
            doctype.Append(CultureInfo.InvariantCulture, $"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">");
        }

        doctype.Append("]>");
        var target = random.Next(3);
        var package = Rows(random, 3, null);
        var part = target switch { 0 => XlsxPackage.SheetPart, 1 => XlsxPackage.WorkbookPart, _ => XlsxPackage.ContentTypesPart };
        var text = package.Text(part);
        var afterDeclaration = text.IndexOf("?>", StringComparison.Ordinal) + 2;
        text = text[..afterDeclaration] + doctype + text[afterDeclaration..];
        if (target == 0)
        {
            text = text.Replace("<t xml:space=\"preserve\">P0", "<t xml:space=\"preserve\">&a9;P0", StringComparison.Ordinal);
        }

        package.Replace(part, text);
        return package;
    }

    static XlsxPackage ExternalEntity(Random random)
    {
        var package = Rows(random, 3, null);
        var text = package.Text(XlsxPackage.SheetPart);
        var system = new[] { "file:///etc/passwd", "file:///etc/shadow", "http://127.0.0.1:1/x", "/proc/self/environ" }[random.Next(4)];
        var afterDeclaration = text.IndexOf("?>", StringComparison.Ordinal) + 2;
        text = text[..afterDeclaration] + $"<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"{system}\">]>" + text[afterDeclaration..];
        text = text.Replace("<t xml:space=\"preserve\">indicator", "<t xml:space=\"preserve\">&xxe;indicator", StringComparison.Ordinal);
        package.Replace(XlsxPackage.SheetPart, text);
        return package;
    }

    static byte[] Structure(Random random)
    {
        var package = Rows(random, random.Next(2, 10), null);
        switch (random.Next(9))
        {
            case 0:
                package.Parts.RemoveAll(p => p.Key == XlsxPackage.WorkbookPart);
                break;
            case 1:
                package.Parts.RemoveAll(p => p.Key == XlsxPackage.SheetPart);
                break;
            case 2:
                package.Replace(XlsxPackage.WorkbookRelsPart, package.Text(XlsxPackage.WorkbookRelsPart).Replace("worksheets/sheet1.xml", "../../../../../etc/passwd", StringComparison.Ordinal));
                break;
            case 3:
                package.Replace(XlsxPackage.WorkbookPart, "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
                break;
            case 4:
                package.Parts.RemoveAll(p => p.Key == XlsxPackage.ContentTypesPart);
                break;
            case 5:
                for (var i = 0; i < random.Next(100, 3_000); i++)
                {
                    package.Add($"xl/extra/{i}.xml", "<x/>");
                }

                break;
            case 6:
                package.Add("../../evil.xml", "<x/>");
                break;
            case 7:
                package.Replace(XlsxPackage.SheetPart, "");
                break;
            default:
                var bytes = package.ToBytes();
                return bytes[..random.Next(1, bytes.Length)];
        }

        return package.ToBytes(random.Next(2) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
    }

    static XlsxPackage WideAndLong(Random random)
    {
        var columns = random.Next(2) == 0 ? 16_384 : 6;
        var rows = columns > 6 ? random.Next(2, 5) : random.Next(20_000, 60_000);
        var sheet = new StringBuilder("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var row = 1; row <= rows; row++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
            for (var c = 0; c < columns; c++)
            {
                var sound = row == 1 ? (c < 6 ? HostileCsv.Header[c] : $"k{c}") : c < 6 ? HostileCsv.SoundRow(random)[c] : "1";
                sheet.Append(XlsxPackage.TextCell(XlsxPackage.Reference(c, row), sound));
            }

            sheet.Append("</row>");
        }

        return XlsxPackage.WithSheet(sheet.Append("</sheetData></worksheet>").ToString());
    }

    static byte[] MutatedXml(Random random)
    {
        var package = Rows(random, random.Next(3, 30), null);
        var part = new[] { XlsxPackage.SheetPart, XlsxPackage.WorkbookPart, XlsxPackage.WorkbookRelsPart, XlsxPackage.ContentTypesPart }[random.Next(4)];
        var mutated = HostileStrings.Mutate(random, Encoding.UTF8.GetBytes(package.Text(part)), random.Next(1, 10));
        package.Parts.RemoveAll(p => p.Key == part);
        package.Add(part, mutated);
        return package.ToBytes();
    }

    static XlsxPackage SharedStrings(Random random)
    {
        var strings = HostileCsv.Header.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => XlsxPackage.Escape(HostileStrings.Pick(random)))).ToList();
        if (random.Next(3) == 0)
        {
            strings.Add(new string('a', random.Next(1_000_000, 20_000_000)));
        }

        var rows = new List<IEnumerable<string>> { HostileCsv.Header.Select((_, i) => XlsxPackage.Cell(XlsxPackage.Reference(i, 1), i.ToString(CultureInfo.InvariantCulture), "s")) };
        for (var row = 2; row < random.Next(3, 30); row++)
        {
            rows.Add(Enumerable.Range(0, 6).Select(c => XlsxPackage.Cell(XlsxPackage.Reference(c, row), random.Next(-2, strings.Count + 3).ToString(CultureInfo.InvariantCulture), "s")));
        }

        return XlsxPackage.Sound(rows, strings);
    }

    static byte[] NotAWorkbook(Random random) => random.Next(5) switch
    {
        0 => Encoding.UTF8.GetBytes(string.Join(';', HostileCsv.Header) + "\n" + string.Join(';', HostileCsv.SoundRow(random)) + "\n"),
        1 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. HostileStrings.Bytes(random, random.Next(512, 20_000))],
        2 => [(byte)'P', (byte)'K', 5, 6, .. new byte[18]],
        3 => [],
        _ => [(byte)'P', (byte)'K', 3, 4, .. HostileStrings.Bytes(random, random.Next(10, 20_000))],
    };
}
