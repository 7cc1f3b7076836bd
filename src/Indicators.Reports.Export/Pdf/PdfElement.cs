namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// An element of a tagged PDF's logical structure: its standard type (Document, H1–H3, P, Div, Table, TR, TH, TD), a
/// scope for a header cell (Column or Row), and its kids in reading order: elements, and runs of text on pages.
/// </summary>
public sealed class PdfElement
{
    internal PdfElement(string type, string? scope)
    {
        Type = type;
        Scope = scope;
    }

    public string Type { get; }

    public string? Scope { get; }

    /// <summary>A figure's text alternative (/Alt): what a screen reader reads instead of the drawing.</summary>
    public string? Alt { get; set; }

    /// <summary>A figure's bounding box on its page, in PDF coordinates (left, bottom, right, top).</summary>
    public (double Left, double Bottom, double Right, double Top)? BoundingBox { get; set; }

    internal PdfElement? Parent { get; private set; }

    internal ElementKids Kids => kids ??= new ElementKids(this);

    ElementKids? kids;

    /// <summary>The kids, which know their parent once added.</summary>
    internal sealed class ElementKids(PdfElement owner) : System.Collections.ObjectModel.Collection<object>
    {
        protected override void InsertItem(int index, object item)
        {
            if (item is PdfElement element)
            {
                element.Parent = owner;
            }

            base.InsertItem(index, item);
        }
    }
}

/// <summary>A run of text on a page that belongs to a structure element: the page and its marked-content id there.</summary>
sealed record PdfMarkedContent(PdfCanvas Page, int Id);
