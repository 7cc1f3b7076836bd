using System.Globalization;
using System.Text;

namespace Indicators.Reports.Export.Pdf;

/// <summary>An RGB colour for text, lines and fills.</summary>
public readonly record struct PdfColor(byte R, byte G, byte B)
{
    internal string Operands => string.Create(CultureInfo.InvariantCulture, $"{R / 255.0:0.###} {G / 255.0:0.###} {B / 255.0:0.###}");
}

/// <summary>
/// One page to draw on, in points from the top left (PDF's own origin is the bottom left): text on a baseline, lines and
/// filled rectangles.
/// </summary>
public sealed class PdfCanvas(PdfFile file, double width, double height)
{
    readonly StringBuilder content = new();
    readonly List<PdfElement> markedOwners = [];

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
        if (element is null)
        {
            content.Append("/Artifact BMC ").Append(show).Append(" EMC\n");
            return;
        }

        element.Kids.Add(new PdfMarkedContent(this, markedOwners.Count));
        content.Append(CultureInfo.InvariantCulture, $"/{element.Type} << /MCID {markedOwners.Count} >> BDC {show} EMC\n");
        markedOwners.Add(element);
    }

    /// <summary>A line; lines only decorate, so they are artifacts.</summary>
    public void Line(double x1, double y1, double x2, double y2, double lineWidth, PdfColor color) =>
        content.Append(CultureInfo.InvariantCulture,
            $"/Artifact BMC {color.Operands} RG {lineWidth:0.##} w {x1:0.##} {Height - y1:0.##} m {x2:0.##} {Height - y2:0.##} l S EMC\n");

    /// <summary>A filled rectangle (an artifact) with its top left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Rectangle(double x, double y, double width, double height, PdfColor color) =>
        content.Append(CultureInfo.InvariantCulture,
            $"/Artifact BMC {color.Operands} rg {x:0.##} {Height - y - height:0.##} {width:0.##} {height:0.##} re f EMC\n");
}
