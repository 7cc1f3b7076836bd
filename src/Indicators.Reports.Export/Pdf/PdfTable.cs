namespace Indicators.Reports.Export.Pdf;

/// <summary>A table column: its header, its share of the width (relative to the others) and its alignment.</summary>
public sealed record PdfColumn(string Header, double Weight, bool AlignRight = false);

/// <summary>
/// A table cell: its text, wrapped within the column, and an optional <see cref="Note"/> under it in smaller grey type
/// (an outcome's period, a forecast's status).
/// </summary>
public sealed record PdfCell(string Text, string? Note = null, bool Bold = false)
{
    public static implicit operator PdfCell(string text) => new(text);
}

/// <summary>A table to lay out: columns and rows. Its header row is repeated on each page the table continues on.</summary>
public sealed record PdfTable(IReadOnlyList<PdfColumn> Columns, IReadOnlyList<IReadOnlyList<PdfCell>> Rows);

/// <summary>One box of a row of boxes: a small label, a value in bold, and an optional note under them.</summary>
public sealed record PdfBox(string Label, string Value, string? Note = null);

/// <summary>A drawing to place with <see cref="PdfLayout.Figures"/>: its text alternative and how it draws into its box.</summary>
public sealed record PdfFigure(string Alt, Action<PdfFigureBox> Draw);

/// <summary>The box a figure draws in (points from the page's top left) and the means to draw there.</summary>
public sealed class PdfFigureBox
{
    readonly PdfLayout layout;

    internal PdfFigureBox(PdfLayout layout, PdfCanvas canvas, double x, double y, double width, double height)
    {
        this.layout = layout;
        Canvas = canvas;
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    public PdfCanvas Canvas { get; }

    public double X { get; }

    public double Y { get; }

    public double Width { get; }

    public double Height { get; }

    public void Text(string text, PdfFont font, double x, double baseline, PdfColor color) =>
        layout.FigureText(Canvas, text, font, x, baseline, color);
}
