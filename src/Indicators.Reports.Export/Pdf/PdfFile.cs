using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// A minimal PDF 1.7 writer: A4 pages of text, lines and filled rectangles, with TrueType fonts embedded as subsets
/// (Type 0, Identity-H, with a ToUnicode map so every character can be searched and copied), document information
/// (title, subject, author) and the document's language. It is a tagged PDF (PDF/UA-1 in intent): text belongs to
/// elements of a logical structure (<see cref="PdfElement"/>: headings, paragraphs, tables with header cells), and lines,
/// fills, repeated table headers and page footers are marked as artifacts, so a screen reader reads the report in order
/// and a table as a table.
/// </summary>
/// <remarks>
/// Why our own writer and not a library (issue 17 tried it): PDFsharp 6.2.4 is MIT-licensed and restores here (6.5 is
/// AGPL-3.0 and is not to be used), and it does embed subsets with ToUnicode maps, tag content (UAManager,
/// StructureBuilder) and write bookmarks. It cannot keep all of what this writer gives: (1) its save
/// (PdfDocument.PrepareForSave) always replaces the catalog's XMP metadata with its own, which lacks the PDF/UA
/// identifier (pdfuaid:part; the code for it is disabled in 6.2.4) and does not escape the title, so a nämnd named
/// with "&amp;" gives ill-formed metadata; (2) its StructureBuilder is a stack that follows the drawing order and can only
/// begin new elements, so a table row that runs onto the next page becomes extra cells rather than one row whose cells
/// continue, and it draws only on the newest page, so the footers' "Sida i av N" would need a second layout pass;
/// (3) it names the embedded subsets after the font's family name ("ABCDEF+DejaVu Sans,Bold") rather than its
/// PostScript name ("DejaVuSans-Bold"). QuestPDF's licence does not suit public bodies; MigraDoc is not served.
/// </remarks>
public sealed class PdfFile
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    readonly List<TrueTypeFont> fonts = [];
    readonly List<HashSet<ushort>> usedGlyphs = [];
    readonly List<Dictionary<ushort, int>> glyphText = [];

    readonly List<(string Title, int Level, PdfCanvas Page, double Y)> bookmarks = [];

    public List<PdfCanvas> Pages { get; } = [];

    /// <summary>The root of the logical structure; what a layout tags goes under it, in reading order.</summary>
    public PdfElement Root { get; } = new("Document", null);

    /// <summary>A new structure element of <paramref name="type"/> (H1, P, Table, TR, TH, TD, Div…), the last child of <paramref name="parent"/> or of the root.</summary>
    public PdfElement Tag(string type, PdfElement? parent = null, string? scope = null)
    {
        var element = new PdfElement(type, scope);
        (parent ?? Root).Kids.Add(element);
        return element;
    }

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
        for (var i = 0; i < Pages.Count; i++)
        {
            var page = Pages[i];
            var pageRef = Reserve();
            var content = Reserve();
            SetStream(content, "", Encoding.ASCII.GetBytes(page.Content));
            // StructParents: the page's key in the parent tree; Tabs /S: tab order follows the structure.
            Set(pageRef, Invariant($"<< /Type /Page /Parent {pagesNode} 0 R /MediaBox [0 0 {page.Width:0.##} {page.Height:0.##}] ")
                + Invariant($"/Resources << /Font << {fontResources} >> >> /Contents {content} 0 R /StructParents {i} /Tabs /S >>"));
            pageRefs.Add(pageRef);
        }

        Set(pagesNode, $"<< /Type /Pages /Kids [{string.Join(' ', pageRefs.Select(r => $"{r} 0 R"))}] /Count {pageRefs.Count} >>");
        var outline = bookmarks.Count == 0 ? "" : $" /Outlines {WriteOutline(pageRefs, Reserve, Set)} 0 R /PageMode /UseOutlines";
        var structure = WriteStructure(pageRefs, Reserve, Set);
        var created = DateTimeOffset.UtcNow;
        var metadata = Reserve();
        var xmp = Encoding.UTF8.GetBytes(Metadata(created));
        objects[metadata - 1] = [.. Encoding.ASCII.GetBytes($"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n"), .. xmp, .. "\nendstream"u8.ToArray()];
        Set(catalog, $"<< /Type /Catalog /Pages {pagesNode} 0 R /Lang {Literal(Language)} /ViewerPreferences << /DisplayDocTitle true >>{outline}"
            + $" /MarkInfo << /Marked true >> /StructTreeRoot {structure} 0 R /Metadata {metadata} 0 R >>");
        Set(info, $"<< /Title {TextString(Title)} /Subject {TextString(Subject)} /Author {TextString(Author)} /Creator (Indicators) /Producer (Indicators)"
            + $" /CreationDate (D:{created.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z) >>");

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

    /// <summary>
    /// The structure tree: every element with its kids (elements, or marked content on a page by its MCID), and the parent
    /// tree that leads from each page's marked content back to its element. Returns the structure tree root.
    /// </summary>
    int WriteStructure(List<int> pageRefs, Func<int> reserve, Action<int, string> set)
    {
        var root = reserve();
        var parentTree = reserve();
        var numbers = new Dictionary<PdfElement, int>(ReferenceEqualityComparer.Instance);
        void Number(PdfElement element)
        {
            numbers[element] = reserve();
            foreach (var kid in element.Kids.OfType<PdfElement>())
            {
                Number(kid);
            }
        }

        Number(Root);
        foreach (var (element, number) in numbers)
        {
            var parent = element == Root ? root : numbers[element.Parent!];
            var kids = string.Join(' ', element.Kids.Select(kid => kid switch
            {
                PdfElement child => $"{numbers[child]} 0 R",
                PdfMarkedContent marked => $"<< /Type /MCR /Pg {pageRefs[Pages.IndexOf(marked.Page)]} 0 R /MCID {marked.Id} >>",
                _ => throw new InvalidOperationException("A structure element's kid is an element or marked content."),
            }));
            var attributes = element.Scope is null ? "" : $" /A << /O /Table /Scope /{element.Scope} >>";
            if (element.BoundingBox is { } box)
            {
                attributes += Invariant($" /A << /O /Layout /Placement /Block /BBox [{box.Left:0.##} {box.Bottom:0.##} {box.Right:0.##} {box.Top:0.##}] >>");
            }

            if (element.Alt is { } alt)
            {
                attributes += $" /Alt {TextString(alt)}";
            }

            set(number, $"<< /Type /StructElem /S /{element.Type} /P {parent} 0 R /K [{kids}]{attributes} >>");
        }

        var entries = Pages.Select((page, i) => $"{i} [{string.Join(' ', page.MarkedOwners.Select(owner => $"{numbers[owner]} 0 R"))}]");
        set(parentTree, $"<< /Nums [{string.Join(' ', entries)}] >>");
        set(root, $"<< /Type /StructTreeRoot /K [{numbers[Root]} 0 R] /ParentTree {parentTree} 0 R /ParentTreeNextKey {Pages.Count} >>");
        return root;
    }

    /// <summary>The XMP metadata: title, language, dates, and the PDF/UA-1 identification.</summary>
    string Metadata(DateTimeOffset created)
    {
        static string Xml(string text) => System.Security.SecurityElement.Escape(text);
        var at = created.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                  xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Xml(Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Xml(Subject)}</rdf:li></rdf:Alt></dc:description>
               <dc:creator><rdf:Seq><rdf:li>{Xml(Author)}</rdf:li></rdf:Seq></dc:creator>
               <dc:language><rdf:Bag><rdf:li>{Xml(Language)}</rdf:li></rdf:Bag></dc:language>
               <xmp:CreateDate>{at}</xmp:CreateDate>
               <xmp:CreatorTool>Indicators</xmp:CreatorTool>
               <pdf:Producer>Indicators</pdf:Producer>
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
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
        set(descriptor, Invariant($"<< /Type /FontDescriptor /FontName /{name} /Flags 32 ")
            + Invariant($"/FontBBox [{Scaled(box[0]):0} {Scaled(box[1]):0} {Scaled(box[2]):0} {Scaled(box[3]):0}] /ItalicAngle 0 ")
            + Invariant($"/Ascent {Scaled(font.Ascent):0} /Descent {Scaled(font.Descent):0} /CapHeight {Scaled(font.CapHeight):0} /StemV 80 /FontFile2 {file} 0 R >>"));
        var widths = string.Join(' ', used.Order().Select(g => Invariant($"{g} [{Scaled(font.Advance(g)):0.#}]")));
        set(cidFont, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            + $" /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [{widths}] >>");
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
