using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Indicators.Web.Components.Reports.Export.Pdf;

/// <summary>An RGB colour for text, lines and fills.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    internal string Operands => string.Create(CultureInfo.InvariantCulture, $"{R / 255.0:0.###} {G / 255.0:0.###} {B / 255.0:0.###}");
}

/// <summary>
/// A minimal PDF 1.7 writer: A4 pages of text, lines and filled rectangles, with TrueType fonts embedded as subsets
/// (Type 0, Identity-H, with a ToUnicode map so every character can be searched and copied), document information
/// (title, subject, author) and the document's language. Written here rather than taken from a library: the one PDF
/// writer the package registry serves here, PDFsharp 6.5, is AGPL-3.0-only (it refuses to run until that licence or a
/// bought key is loaded), and QuestPDF's licence does not suit public bodies.
/// </summary>
public sealed class PdfFile
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    readonly List<TrueTypeFont> fonts = [];
    readonly List<HashSet<ushort>> usedGlyphs = [];
    readonly List<Dictionary<ushort, int>> glyphText = [];

    readonly List<(string Title, int Level, PdfCanvas Page, double Y)> bookmarks = [];

    public List<PdfCanvas> Pages { get; } = [];

    public string Title { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Author { get; set; } = "";

    /// <summary>The document's natural language, e.g. "sv-SE", for screen readers and text-to-speech.</summary>
    public string Language { get; set; } = "sv-SE";

    /// <summary>Adds a font and returns the index a canvas draws with.</summary>
    public int AddFont(TrueTypeFont font)
    {
        fonts.Add(font);
        usedGlyphs.Add([]);
        glyphText.Add([]);
        return fonts.Count - 1;
    }

    public TrueTypeFont Font(int index) => fonts[index];

    /// <summary>
    /// A bookmark (an entry of the viewer's outline) to a place on a page, <paramref name="y"/> points from its top;
    /// level 0 is top level, level 1 under the last level 0, and so on.
    /// </summary>
    public void AddBookmark(string title, int level, PdfCanvas page, double y) => bookmarks.Add((title, level, page, y));

    public PdfCanvas AddPage()
    {
        var page = new PdfCanvas(this, A4Width, A4Height);
        Pages.Add(page);
        return page;
    }

    /// <summary>The text as 2-byte glyph ids, noting each glyph and its character for the subset and ToUnicode map.</summary>
    internal string Encode(int font, string text)
    {
        var hex = new StringBuilder(text.Length * 4);
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = fonts[font].GlyphOf(rune.Value);
            usedGlyphs[font].Add(glyph);
            if (glyph != 0)
            {
                glyphText[font].TryAdd(glyph, rune.Value);
            }

            hex.Append(glyph.ToString("X4", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    public byte[] Save()
    {
        var objects = new List<byte[]>();
        int Reserve()
        {
            objects.Add([]);
            return objects.Count;
        }

        void Set(int number, string body) => objects[number - 1] = Encoding.ASCII.GetBytes(body);
        void SetStream(int number, string dictionary, byte[] content)
        {
            var compressed = Deflate(content);
            using var body = new MemoryStream();
            body.Write(Encoding.ASCII.GetBytes($"<< {dictionary} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"));
            body.Write(compressed);
            body.Write("\nendstream"u8);
            objects[number - 1] = body.ToArray();
        }

        var catalog = Reserve();
        var pagesNode = Reserve();
        var info = Reserve();
        var fontRefs = new List<int>();
        for (var f = 0; f < fonts.Count; f++)
        {
            fontRefs.Add(WriteFont(f, Reserve, Set, SetStream));
        }

        var fontResources = string.Join(' ', fontRefs.Select((r, i) => $"/F{i} {r} 0 R"));
        var pageRefs = new List<int>();
        foreach (var page in Pages)
        {
            var pageRef = Reserve();
            var content = Reserve();
            SetStream(content, "", Encoding.ASCII.GetBytes(page.Content));
            Set(pageRef, Invariant($"<< /Type /Page /Parent {pagesNode} 0 R /MediaBox [0 0 {page.Width:0.##} {page.Height:0.##}] /Resources << /Font << {fontResources} >> >> /Contents {content} 0 R >>"));
            pageRefs.Add(pageRef);
        }

        Set(pagesNode, $"<< /Type /Pages /Kids [{string.Join(' ', pageRefs.Select(r => $"{r} 0 R"))}] /Count {pageRefs.Count} >>");
        var outline = bookmarks.Count == 0 ? "" : $" /Outlines {WriteOutline(pageRefs, Reserve, Set)} 0 R /PageMode /UseOutlines";
        Set(catalog, $"<< /Type /Catalog /Pages {pagesNode} 0 R /Lang {Literal(Language)} /ViewerPreferences << /DisplayDocTitle true >>{outline} >>");
        var created = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Set(info, $"<< /Title {TextString(Title)} /Subject {TextString(Subject)} /Author {TextString(Author)} /Creator (Indicators) /Producer (Indicators) /CreationDate (D:{created}Z) >>");

        using var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write("\nendobj\n"u8);
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return output.ToArray();
    }

    /// <summary>The outline: each bookmark under the last one of a lower level, linked to its siblings; returns the root.</summary>
    int WriteOutline(List<int> pageRefs, Func<int> reserve, Action<int, string> set)
    {
        var root = reserve();
        var numbers = bookmarks.Select(_ => reserve()).ToList();
        var parents = new int[bookmarks.Count];
        for (var i = 0; i < bookmarks.Count; i++)
        {
            parents[i] = -1;
            for (var j = i - 1; j >= 0; j--)
            {
                if (bookmarks[j].Level < bookmarks[i].Level)
                {
                    parents[i] = j;
                    break;
                }
            }
        }

        List<int> ChildrenOf(int parent) => [.. Enumerable.Range(0, bookmarks.Count).Where(i => parents[i] == parent)];
        int Descendants(int parent) => ChildrenOf(parent).Sum(c => 1 + Descendants(c));
        for (var i = 0; i < bookmarks.Count; i++)
        {
            var (title, _, page, y) = bookmarks[i];
            var siblings = ChildrenOf(parents[i]);
            var at = siblings.IndexOf(i);
            var children = ChildrenOf(i);
            var links = new StringBuilder();
            links.Append(CultureInfo.InvariantCulture, $"/Parent {(parents[i] < 0 ? root : numbers[parents[i]])} 0 R");
            if (at > 0)
            {
                links.Append(CultureInfo.InvariantCulture, $" /Prev {numbers[siblings[at - 1]]} 0 R");
            }

            if (at < siblings.Count - 1)
            {
                links.Append(CultureInfo.InvariantCulture, $" /Next {numbers[siblings[at + 1]]} 0 R");
            }

            if (children.Count > 0)
            {
                // Open: a positive count of the entries shown under it.
                links.Append(CultureInfo.InvariantCulture, $" /First {numbers[children[0]]} 0 R /Last {numbers[children[^1]]} 0 R /Count {Descendants(i)}");
            }

            var pageRef = pageRefs[Pages.IndexOf(page)];
            set(numbers[i], Invariant($"<< /Title {TextString(title)} {links} /Dest [{pageRef} 0 R /XYZ 0 {page.Height - y:0.##} null] >>"));
        }

        var top = ChildrenOf(-1);
        set(root, $"<< /Type /Outlines /First {numbers[top[0]]} 0 R /Last {numbers[top[^1]]} 0 R /Count {bookmarks.Count} >>");
        return root;
    }

    int WriteFont(int index, Func<int> reserve, Action<int, string> set, Action<int, string, byte[]> setStream)
    {
        var font = fonts[index];
        var used = usedGlyphs[index];
        var type0 = reserve();
        var cidFont = reserve();
        var descriptor = reserve();
        var file = reserve();
        var toUnicode = reserve();
        double Scaled(int units) => units * 1000.0 / font.UnitsPerEm;

        // A subset's name starts with six capitals and a plus sign; the same glyphs give the same tag.
        var tag = new string([.. Enumerable.Range(0, 6).Select(i => (char)('A' + ((used.Sum(g => g * (i + 7)) + (i * 5)) % 26)))]);
        var name = $"{tag}+{font.PostScriptName}";
        var subset = font.Subset(used);
        setStream(file, $"/Length1 {subset.Length}", subset);
        var box = font.BoundingBox;
        set(descriptor, Invariant($"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{Scaled(box[0]):0} {Scaled(box[1]):0} {Scaled(box[2]):0} {Scaled(box[3]):0}] /ItalicAngle 0 /Ascent {Scaled(font.Ascent):0} /Descent {Scaled(font.Descent):0} /CapHeight {Scaled(font.CapHeight):0} /StemV 80 /FontFile2 {file} 0 R >>"));
        var widths = string.Join(' ', used.Order().Select(g => Invariant($"{g} [{Scaled(font.Advance(g)):0.#}]")));
        set(cidFont, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [{widths}] >>");
        setStream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicodeMap(glyphText[index])));
        set(type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
        return type0;
    }

    static string ToUnicodeMap(Dictionary<ushort, int> glyphs)
    {
        var map = new StringBuilder("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """);
        foreach (var chunk in glyphs.OrderBy(g => g.Key).Chunk(100))
        {
            map.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (glyph, codePoint) in chunk)
            {
                var utf16 = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(codePoint)));
                map.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <{utf16}>\n");
            }

            map.Append("endbfchar\n");
        }

        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return map.ToString();
    }

    static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>A text string as UTF-16BE with a byte order mark, in hex: any character, nothing to escape.</summary>
    static string TextString(string text) => $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>";

    /// <summary>An ASCII literal string, escaped.</summary>
    static string Literal(string text) => $"({text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)})";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One page to draw on, in points from the top left (PDF's own origin is the bottom left): text on a baseline, lines and
/// filled rectangles.
/// </summary>
public sealed class PdfCanvas(PdfFile file, double width, double height)
{
    readonly StringBuilder content = new();

    public double Width { get; } = width;

    public double Height { get; } = height;

    internal string Content => content.ToString();

    /// <summary>Text with its baseline at <paramref name="baseline"/> points from the top.</summary>
    public void Text(string text, int font, double size, double x, double baseline, PdfColor color)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }

        content.Append(CultureInfo.InvariantCulture,
            $"BT {color.Operands} rg /F{font} {size:0.##} Tf 1 0 0 1 {x:0.##} {Height - baseline:0.##} Tm <{file.Encode(font, text)}> Tj ET\n");
    }

    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color) =>
        content.Append(CultureInfo.InvariantCulture,
            $"{color.Operands} RG {lineWidth:0.##} w {x1:0.##} {Height - y1:0.##} m {x2:0.##} {Height - y2:0.##} l S\n");

    /// <summary>A filled rectangle with its top left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Rectangle(double x, double y, double width, double height, PdfColor color) =>
        content.Append(CultureInfo.InvariantCulture,
            $"{color.Operands} rg {x:0.##} {Height - y - height:0.##} {width:0.##} {height:0.##} re f\n");
}
