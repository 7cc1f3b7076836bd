namespace Indicators.Reports.Export.Excel;

/// <summary>How a cell looks: <see cref="Wrapped"/> text wraps within the column, a number shows its decimals.</summary>
public enum ExcelStyle
{
    Text,
    Wrapped,
    Header,
    Title,
    Bold,
    Number,
}

/// <summary>One cell: text, or a number shown with <see cref="Decimals"/> decimals (an empty cell when both are null).</summary>
public sealed record ExcelCell(string? Text, decimal? Number = null, ExcelStyle Style = ExcelStyle.Text, int Decimals = 0)
{
    public static ExcelCell Empty { get; } = new(Text: null);

    public static ExcelCell Of(string? text, ExcelStyle style = ExcelStyle.Text) => new(text, null, style);

    /// <summary>A wrapped text cell; empty when the text is.</summary>
    public static ExcelCell Wrapped(string? text) => new(string.IsNullOrEmpty(text) ? null : text, null, ExcelStyle.Wrapped);

    /// <summary>A numeric cell formatted with <paramref name="decimals"/> decimals; empty when there is no value.</summary>
    public static ExcelCell Of(decimal? value, int decimals) => new(null, value, ExcelStyle.Number, decimals);
}

/// <summary>
/// A worksheet to write: a name, rows of cells, and which row (if any) is a header to print bold and keep in view.
/// <see cref="MaxWidths"/> caps a column's width (in characters) where long texts should wrap instead.
/// </summary>
public sealed class ExcelSheet(string name)
{
    public string Name { get; } = name;

    public List<IReadOnlyList<ExcelCell>> Rows { get; } = [];

    /// <summary>The 1-based row that heads the table: frozen and filterable. Null for a sheet without one.</summary>
    public int? HeaderRow { get; set; }

    public Dictionary<int, double> MaxWidths { get; } = [];

    public void Add(params ExcelCell[] cells) => Rows.Add(cells);

    /// <summary>A header row: bold, and the row the sheet keeps in view.</summary>
    public void AddHeader(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Rows.Add([.. names.Select(n => ExcelCell.Of(n, ExcelStyle.Header))]);
        HeaderRow = Rows.Count;
    }
}
