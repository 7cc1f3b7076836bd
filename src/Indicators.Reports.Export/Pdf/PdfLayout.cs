namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// A small flowing layout on <see cref="PdfFile"/>: headings kept with what follows, wrapped paragraphs, rows of boxes and tables whose
/// rows wrap and whose header row is repeated after a page break, on A4 pages that <see cref="Finish"/> numbers
/// "Sida 1 av N" under a footer line. Everything it draws is tagged: a heading as H1–H3, text as P, a box as a Div of
/// paragraphs, a table as Table, TR, TH (scope Column) and TD; a header row repeated on a later page and the footers
/// are artifacts. Text goes through <see cref="ReportFonts.Printable"/>, so a character the font
/// lacks shows as "?" rather than vanishing.
/// </summary>
public sealed class PdfLayout
{
    const double Margin = 50;
    const double BottomMargin = 62;
    const double CellPadding = 3.5;
    const double LineSpacing = 1.18;
    const double BoxGap = 8;
    const double BoxPadding = 6;

    // Text colours of the whole report, charts included.
    internal static readonly PdfColor Ink = new(0x1A, 0x1A, 0x1A);
    internal static readonly PdfColor Muted = new(0x4A, 0x50, 0x57);
    static readonly PdfColor Rule = new(0xB4, 0xBC, 0xC6);
    static readonly PdfColor Shade = new(0xE4, 0xEA, 0xF1);
    static readonly PdfColor BoxShade = new(0xF2, 0xF4, 0xF7);
    static readonly PdfColor BoxEdge = new(0x5B, 0x7A, 0x99);

    readonly PdfFile document;
    readonly int regular;
    readonly int bold;
    PdfCanvas page;

    public PdfLayout(PdfFile document)
    {
        ArgumentNullException.ThrowIfNull(document);
        this.document = document;
        regular = document.AddFont(ReportFonts.Regular);
        bold = document.AddFont(ReportFonts.Bold);
        page = document.AddPage();
        Y = Margin;
    }

    /// <summary>Body text size in points.</summary>
    public double BodySize { get; init; } = 9.5;

    /// <summary>Table text size in points.</summary>
    public double TableSize { get; init; } = 8;

    /// <summary>Where the next thing goes, in points from the page's top.</summary>
    public double Y { get; private set; }

    double Width => page.Width - (2 * Margin);

    double Bottom => page.Height - BottomMargin;

    public static PdfFont Font(double size, bool bold = false) => new(bold, size);

    static double LineHeight(PdfFont font) => font.Size * LineSpacing;

    void DrawText(PdfCanvas canvas, string text, PdfFont font, double x, double baseline, PdfColor color, PdfElement? element) =>
        canvas.Text(text, font.Bold ? bold : regular, font.Size, x, baseline, color, element);

    public void NewPage()
    {
        page = document.AddPage();
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom && Y > Margin)
        {
            NewPage();
        }
    }

    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>
    /// A heading (level 0 the title, 1 a målområde, 2 a mål), kept on the same page as a few lines after it, or as
    /// <paramref name="keepWith"/> points of what follows when that is more. Headings below the title are bookmarked.
    /// </summary>
    public void Heading(string text, int level, double keepWith = 0)
    {
        var size = level switch { 0 => 20, 1 => 14, 2 => 11.5, _ => 10 };
        var font = Font(size, bold: true);
        var lines = font.Wrap(text, Width);
        Space(level switch { 0 => 0, 1 => 10, _ => 6 });

        // What follows a heading (a box, a table's first rows) comes on the same page.
        EnsureSpace((lines.Count * LineHeight(font)) + Math.Max(keepWith, level switch { 0 => 4, 1 => 9, _ => 7 } * LineHeight(Font(BodySize))));
        if (level > 0)
        {
            document.AddBookmark(text, level - 1, page, Y);
        }

        DrawLines(lines, font, Ink, Margin, document.Tag($"H{Math.Min(level + 1, 6)}"));
        if (level == 1)
        {
            page.Line(Margin, Y + 1, Margin + Width, Y + 1, 0.8, Rule);
            Y += 4;
        }

        Y += 2;
    }

    /// <summary>Wrapped text; each line break in <paramref name="text"/> starts a new line. Pages break between lines.</summary>
    /// <remarks><paramref name="structure"/>: what the text is in the PDF's structure, P unless it heads what follows (H4).</remarks>
    public void Paragraph(string text, double? size = null, bool bold = false, bool muted = false, double indent = 0, string structure = "P")
    {
        var font = Font(size ?? BodySize, bold);
        DrawLines(font.Wrap(text, Width - indent), font, muted ? Muted : Ink, Margin + indent, document.Tag(structure));
        Y += 3;
    }

    /// <summary>A bold label (a fourth-level heading in the structure) and its text under it, kept together for the label and the first lines.</summary>
    public void Labelled(string label, string text, bool muted = false)
    {
        var font = Font(BodySize);
        EnsureSpace(3 * LineHeight(font));
        Paragraph(label, bold: true, structure: "H4");
        Y -= 2;
        Paragraph(text, muted: muted);
    }

    /// <summary>How tall <see cref="Boxes"/> draws these boxes, with the space after them.</summary>
    public double BoxesHeight(IReadOnlyList<PdfBox> boxes) => LayOut(boxes).Height + BoxGap;

    (double Width, double Height, List<(List<string> Label, List<string> Value, List<string> Note)> Boxes) LayOut(IReadOnlyList<PdfBox> boxes)
    {
        var boxWidth = (Width - (BoxGap * (boxes.Count - 1))) / boxes.Count;
        var inner = boxWidth - (2 * BoxPadding);
        var laidOut = boxes.Select(b => (
            Label: LabelFont.Wrap(b.Label, inner),
            Value: ValueFont.Wrap(b.Value, inner),
            Note: b.Note is null ? [] : NoteFont.Wrap(b.Note, inner))).ToList();
        var height = laidOut.Max(b => (b.Label.Count * LineHeight(LabelFont)) + (b.Value.Count * LineHeight(ValueFont))
            + (b.Note.Count * LineHeight(NoteFont)) + (b.Note.Count > 0 ? 3 : 0)) + (2 * BoxPadding);
        return (boxWidth, height, laidOut);
    }

    PdfFont LabelFont => Font(TableSize);

    PdfFont NoteFont => Font(TableSize);

    static PdfFont ValueFont => Font(11, bold: true);

    /// <summary>Boxes side by side on a shaded background, each a label, a bold value and a note; never split.</summary>
    public void Boxes(IReadOnlyList<PdfBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var (boxWidth, height, laidOut) = LayOut(boxes);
        EnsureSpace(height);
        var top = Y;
        for (var i = 0; i < laidOut.Count; i++)
        {
            var x = Margin + (i * (boxWidth + BoxGap));
            page.Rectangle(x, top, boxWidth, height, BoxShade);
            page.Line(x + 1, top, x + 1, top + height, 2, BoxEdge);
            Y = top + BoxPadding;
            var box = document.Tag("Div");
            DrawLines(laidOut[i].Label, LabelFont, Muted, x + BoxPadding, document.Tag("P", box));
            DrawLines(laidOut[i].Value, ValueFont, Ink, x + BoxPadding, document.Tag("P", box));
            if (laidOut[i].Note.Count > 0)
            {
                Y += 3;
                DrawLines(laidOut[i].Note, NoteFont, Muted, x + BoxPadding, document.Tag("P", box));
            }
        }

        Y = top + height + BoxGap;
    }

    /// <summary>
    /// A table: the header row shaded and repeated on every page the table runs onto; a row that does not fit starts a
    /// new page, and a row taller than a page is split between its lines.
    /// </summary>
    public void Table(PdfTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var totalWeight = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => Width * c.Weight / totalWeight).ToArray();
        var font = Font(TableSize);
        var bold = Font(TableSize, bold: true);
        var noteFont = Font(TableSize - 1);
        var header = table.Columns.Select((c, i) => Lines(new PdfCell(c.Header, Bold: true), widths[i], bold, bold, noteFont)).ToList();
        var headerHeight = header.Max(h => h.Sum(l => l.Height)) + (2 * CellPadding);
        var rows = table.Rows.Select(r => r.Select((cell, i) => Lines(cell, widths[i], font, bold, noteFont)).ToList()).ToList();

        // The header and the first row (or its first lines) stay together.
        var first = rows.Count == 0 ? 0 : Math.Min(rows[0].Max(c => c.Sum(l => l.Height)), 4 * LineHeight(font));
        EnsureSpace(headerHeight + first + (2 * CellPadding));
        var element = document.Tag("Table");
        var headerRow = document.Tag("TR", element);
        DrawRow(table, widths, header, shaded: true, [.. table.Columns.Select(_ => document.Tag("TH", headerRow, scope: "Column"))]);
        foreach (var row in rows)
        {
            var rowHeight = row.Max(c => c.Sum(l => l.Height)) + (2 * CellPadding);
            if (Y + rowHeight > Bottom && rowHeight <= Bottom - Margin - headerHeight)
            {
                NewPage();
                DrawRow(table, widths, header, shaded: true, cells: null);
            }

            // A row split over two pages is still one row of cells in the structure.
            var rowElement = document.Tag("TR", element);
            var cells = row.Select(_ => document.Tag("TD", rowElement)).ToList();
            var remaining = row.Select(c => new Queue<Line>(c)).ToList();
            while (remaining.Any(q => q.Count > 0))
            {
                if (Bottom - Y - (2 * CellPadding) < remaining.Where(q => q.Count > 0).Max(q => q.Peek().Height))
                {
                    NewPage();
                    DrawRow(table, widths, header, shaded: true, cells: null);
                }

                var slice = remaining.Select(q => TakeFitting(q, Bottom - Y - (2 * CellPadding))).ToList();
                DrawRow(table, widths, slice, shaded: false, cells);
            }
        }

        Y += 6;
    }

    /// <summary>
    /// Figures side by side in <paramref name="columns"/> columns (a row of fewer keeps the column width), <paramref name="height"/>
    /// points tall, never split over pages: each is tagged as a Figure with its text alternative and bounding box, and
    /// everything it draws is one run of that Figure's content.
    /// </summary>
    public void Figures(IReadOnlyList<PdfFigure> figures, double height, int columns)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0)
        {
            return;
        }

        EnsureSpace(height);
        columns = Math.Max(columns, figures.Count);
        var width = (Width - (BoxGap * (columns - 1))) / columns;
        for (var i = 0; i < figures.Count; i++)
        {
            var x = Margin + (i * (width + BoxGap));
            var element = document.Tag("Figure");
            element.Alt = figures[i].Alt;
            element.BoundingBox = (x, page.Height - Y - height, x + width, page.Height - Y);
            var box = new PdfFigureBox(this, page, x, Y, width, height);
            page.Marked(element, () => figures[i].Draw(box));
        }

        Y += height + BoxGap;
    }

    /// <summary>Text in a figure (inside its marked content), through the same fonts and fallback as the rest.</summary>
    internal void FigureText(PdfCanvas canvas, string text, PdfFont font, double x, double baseline, PdfColor color) =>
        DrawText(canvas, ReportFonts.Printable(text), font, x, baseline, color, element: null);

    /// <summary>Puts the footer on every page: a line, <paramref name="footer"/> on the left and "Sida i av N" on the right.</summary>
    public void Finish(string footer)
    {
        var font = Font(7.5);
        var count = document.Pages.Count;
        for (var i = 0; i < count; i++)
        {
            var current = document.Pages[i];
            var y = current.Height - BottomMargin + 22;
            var width = current.Width - (2 * Margin);
            current.Line(Margin, y, Margin + width, y, 0.6, Rule);
            var pageText = $"Sida {i + 1} av {count}";
            var pageWidth = font.Width(pageText);
            var left = font.Fit(ReportFonts.Printable(footer.ReplaceLineEndings(" ")), width - pageWidth - 12);
            DrawText(current, left, font, Margin, y + 11, Muted, element: null);
            DrawText(current, pageText, font, Margin + width - pageWidth, y + 11, Muted, element: null);
        }
    }

    /// <summary>A line of a table cell: its text, font and colour.</summary>
    sealed record Line(string Text, PdfFont Font, PdfColor Color, double Height);

    static List<Line> Lines(PdfCell cell, double width, PdfFont font, PdfFont bold, PdfFont noteFont)
    {
        var inner = width - (2 * CellPadding);
        var main = cell.Bold ? bold : font;
        var lines = main.Wrap(cell.Text, inner).Select(t => new Line(t, main, Ink, LineHeight(main))).ToList();
        if (!string.IsNullOrEmpty(cell.Note))
        {
            lines.AddRange(noteFont.Wrap(cell.Note, inner).Select(t => new Line(t, noteFont, Muted, LineHeight(noteFont))));
        }

        return lines;
    }

    static List<Line> TakeFitting(Queue<Line> lines, double height)
    {
        var taken = new List<Line>();
        var used = 0.0;
        while (lines.Count > 0 && used + lines.Peek().Height <= height)
        {
            used += lines.Peek().Height;
            taken.Add(lines.Dequeue());
        }

        return taken;
    }

    /// <summary>A row of cells, each cell's lines tagged as content of its element; without elements (a repeated header) an artifact.</summary>
    void DrawRow(PdfTable table, double[] widths, IReadOnlyList<List<Line>> lines, bool shaded, List<PdfElement>? cells)
    {
        var height = lines.Max(c => c.Sum(l => l.Height)) + (2 * CellPadding);
        if (shaded)
        {
            page.Rectangle(Margin, Y, Width, height, Shade);
        }

        var x = Margin;
        for (var i = 0; i < lines.Count; i++)
        {
            var y = Y + CellPadding;
            foreach (var line in lines[i])
            {
                var lineX = table.Columns[i].AlignRight ? x + widths[i] - CellPadding - line.Font.Width(line.Text) : x + CellPadding;
                DrawText(page, line.Text, line.Font, lineX, y + Ascent(line.Font), line.Color, cells?[i]);
                y += line.Height;
            }

            x += widths[i];
        }

        Y += height;
        page.Line(Margin, Y, Margin + Width, Y, shaded ? 0.9 : 0.5, Rule);
    }

    void DrawLines(IReadOnlyList<string> lines, PdfFont font, PdfColor color, double x, PdfElement element)
    {
        foreach (var line in lines)
        {
            if (Y + LineHeight(font) > Bottom)
            {
                NewPage();
            }

            DrawText(page, line, font, x, Y + Ascent(font), color, element);
            Y += LineHeight(font);
        }
    }

    /// <summary>Where the baseline sits below a line's top.</summary>
    static double Ascent(PdfFont font) => font.Size * 0.95;
}
