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
