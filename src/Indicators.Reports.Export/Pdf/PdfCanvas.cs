using System.Globalization;
using System.Text;

namespace Indicators.Reports.Export.Pdf;

/// <summary>An RGB colour for text, lines and fills.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    internal string Operands => string.Create(CultureInfo.InvariantCulture, $"{R / 255.0:0.###} {G / 255.0:0.###} {B / 255.0:0.###}");
}

/// <summary>The shape of a chart's marker; series differ by shape as well as colour.</summary>
public enum PdfMarker
{
    Circle,
    Square,
    Diamond,
    Triangle,
}

/// <summary>
/// One page to draw on, in points from the top left (PDF's own origin is the bottom left): text on a baseline, lines,
/// filled rectangles, and for charts polylines (dashed or not) and markers.
/// </summary>
public sealed class PdfCanvas(PdfFile file, double width, double height)
{
    readonly StringBuilder content = new();
    readonly List<PdfElement> markedOwners = [];

    /// <summary>Inside <see cref="Marked"/>: what is drawn belongs to that element, so nothing is wrapped on its own.</summary>
    bool insideMarked;

    /// <summary>The element each marked-content id (its index) on this page belongs to: the page's entry in the parent tree.</summary>
    internal IReadOnlyList<PdfElement> MarkedOwners => markedOwners;

    public double Width { get; } = width;

    public double Height { get; } = height;

    internal string Content => content.ToString();

    /// <summary>
    /// Text with its baseline at <paramref name="baseline"/> points from the top, as content of <paramref name="element"/>;
    /// without an element it is an artifact (a repeated table header, a page footer), which assistive technology skips.
    /// </summary>
    public void Text(string text, int font, double size, double x, double baseline, PdfColor color, PdfElement? element)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }

        var show = string.Create(CultureInfo.InvariantCulture,
            $"BT {color.Operands} rg /F{font} {size:0.##} Tf 1 0 0 1 {x:0.##} {Height - baseline:0.##} Tm <{file.Encode(font, text)}> Tj ET");
        if (insideMarked)
        {
            content.Append(show).Append('\n');
            return;
        }

        if (element is null)
        {
            content.Append("/Artifact BMC ").Append(show).Append(" EMC\n");
            return;
        }

        element.Kids.Add(new PdfMarkedContent(this, markedOwners.Count));
        content.Append(CultureInfo.InvariantCulture, $"/{element.Type} << /MCID {markedOwners.Count} >> BDC {show} EMC\n");
        markedOwners.Add(element);
    }

    /// <summary>A line; lines only decorate, so they are artifacts (unless drawn inside <see cref="Marked"/>).</summary>
    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color) =>
        Draw(string.Create(CultureInfo.InvariantCulture,
            $"{color.Operands} RG {lineWidth:0.##} w {x1:0.##} {Height - y1:0.##} m {x2:0.##} {Height - y2:0.##} l S"));

    /// <summary>A filled rectangle (an artifact) with its top left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Rectangle(double x, double y, double width, double height, PdfColor color) =>
        Draw(string.Create(CultureInfo.InvariantCulture, $"{color.Operands} rg {x:0.##} {Height - y - height:0.##} {width:0.##} {height:0.##} re f"));

    /// <summary>
    /// Everything <paramref name="draw"/> draws on this page as one run of content of <paramref name="element"/> (a
    /// Figure: its lines, shapes and labels together), not text tagged piece by piece with the lines as artifacts.
    /// </summary>
    public void Marked(PdfElement element, Action draw)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(draw);
        if (insideMarked)
        {
            throw new InvalidOperationException("Marked content does not nest here.");
        }

        element.Kids.Add(new PdfMarkedContent(this, markedOwners.Count));
        content.Append(CultureInfo.InvariantCulture, $"/{element.Type} << /MCID {markedOwners.Count} >> BDC\n");
        markedOwners.Add(element);
        insideMarked = true;
        try
        {
            draw();
        }
        finally
        {
            insideMarked = false;
            content.Append("EMC\n");
        }
    }

    /// <summary>
    /// A polyline through <paramref name="points"/>, solid or with a <paramref name="dash"/> pattern (on, off, … in
    /// points), with round joins.
    /// </summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, double lineWidth, PdfColor color, IReadOnlyList<double>? dash = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return;
        }

        var path = new StringBuilder();
        var pattern = dash is { Count: > 0 } ? string.Join(' ', dash.Select(d => d.ToString("0.##", CultureInfo.InvariantCulture))) : "";
        path.Append(CultureInfo.InvariantCulture, $"q {color.Operands} RG {lineWidth:0.##} w 1 j 0 J [{pattern}] 0 d ");
        for (var i = 0; i < points.Count; i++)
        {
            path.Append(CultureInfo.InvariantCulture, $"{points[i].X:0.##} {Height - points[i].Y:0.##} {(i == 0 ? "m" : "l")} ");
        }

        Draw(path.Append("S Q").ToString());
    }

    /// <summary>A marker of <paramref name="size"/> points centred on (x, y): filled, or hollow (white inside) with its outline.</summary>
    public void Marker(PdfMarker shape, double x, double y, double size, PdfColor color, bool filled = true)
    {
        var r = size / 2;
        var y0 = Height - y;
        var outline = shape switch
        {
            PdfMarker.Square => Invariant($"{x - r:0.##} {y0 - r:0.##} {size:0.##} {size:0.##} re"),
            PdfMarker.Diamond => Invariant($"{x:0.##} {y0 + r:0.##} m {x + r:0.##} {y0:0.##} l {x:0.##} {y0 - r:0.##} l {x - r:0.##} {y0:0.##} l h"),
            PdfMarker.Triangle => Invariant($"{x:0.##} {y0 + (r * 1.15):0.##} m {x + (r * 1.1):0.##} {y0 - (r * 0.8):0.##} l {x - (r * 1.1):0.##} {y0 - (r * 0.8):0.##} l h"),
            _ => Circle(x, y0, r),
        };
        var paint = filled ? $"{color.Operands} rg" : "1 1 1 rg";
        Draw(Invariant($"q {paint} {color.Operands} RG 1 w [] 0 d {outline} B Q"));
    }

    /// <summary>A circle as four Bézier curves.</summary>
    static string Circle(double x, double y, double r)
    {
        var k = r * 0.5523;
        return Invariant($"{x + r:0.##} {y:0.##} m {x + r:0.##} {y + k:0.##} {x + k:0.##} {y + r:0.##} {x:0.##} {y + r:0.##} c ")
            + Invariant($"{x - k:0.##} {y + r:0.##} {x - r:0.##} {y + k:0.##} {x - r:0.##} {y:0.##} c ")
            + Invariant($"{x - r:0.##} {y - k:0.##} {x - k:0.##} {y - r:0.##} {x:0.##} {y - r:0.##} c ")
            + Invariant($"{x + k:0.##} {y - r:0.##} {x + r:0.##} {y - k:0.##} {x + r:0.##} {y:0.##} c h");
    }

    /// <summary>Graphics as an artifact, or as they are inside <see cref="Marked"/>.</summary>
    void Draw(string operators) =>
        content.Append(insideMarked ? operators : $"/Artifact BMC {operators} EMC").Append('\n');

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
