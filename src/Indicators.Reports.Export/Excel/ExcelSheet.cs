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

/// <summary>
/// How a number is written and shown: rounded to <see cref="Decimals"/> (half away from zero, as the app shows it), with
/// <see cref="Unit"/> after it ("84,3 %", "−412 mnkr") and, for a difference, always with its sign ("+2,1 p.e.").
/// The value stays a plain number: a percent is stored as 84.3, not 0.843.
/// </summary>
public sealed record ExcelNumberFormat(int Decimals, string Unit = "", bool ShowsSign = false)
{
    /// <summary>A difference of two percentages is in procentenheter, not per cent.</summary>
    public const string PercentagePoints = "p.e.";

    /// <summary>The format of a difference between two values of <paramref name="unit"/>: signed, "%" becoming "p.e.".</summary>
    public static ExcelNumberFormat Difference(int decimals, string unit) =>
        new(decimals, unit.Trim() == "%" ? PercentagePoints : unit, ShowsSign: true);

    /// <summary>
    /// The format code, in Excel's locale-independent notation ("#,##0.0" shows as "1 234,5" in Swedish Excel), the unit
    /// quoted so that "%" is text and not Excel's ×100: <c>#,##0.0" %"</c>; signed: <c>+#,##0.0" p.e.";-#,##0.0" p.e.";0.0" p.e."</c>.
    /// </summary>
    public string Code
    {
        get
        {
            var fraction = Decimals > 0 ? "." + new string('0', Decimals) : "";
            var unit = Unit.Replace("\"", "", StringComparison.Ordinal).Trim();
            var suffix = unit.Length == 0 ? "" : $"\" {unit}\"";
            var number = $"#,##0{fraction}{suffix}";
            return ShowsSign ? $"+{number};-{number};0{fraction}{suffix}" : number;
        }
    }

    public decimal Round(decimal value) => Math.Round(value, Math.Clamp(Decimals, 0, 28), MidpointRounding.AwayFromZero);
}

/// <summary>One cell: text, or a number written and shown as <see cref="Format"/> says (an empty cell when both are null).</summary>
public sealed record ExcelCell(string? Text, decimal? Number = null, ExcelStyle Style = ExcelStyle.Text, ExcelNumberFormat? Format = null)
{
    public static ExcelCell Empty { get; } = new(Text: null);

    public static ExcelCell Of(string? text, ExcelStyle style = ExcelStyle.Text) => new(text, null, style);

    /// <summary>A wrapped text cell; empty when the text is.</summary>
    public static ExcelCell Wrapped(string? text) => new(string.IsNullOrEmpty(text) ? null : text, null, ExcelStyle.Wrapped);

    /// <summary>A numeric cell rounded to and shown with <paramref name="decimals"/> decimals; empty when there is no value.</summary>
    public static ExcelCell Of(decimal? value, int decimals) => Of(value, new ExcelNumberFormat(decimals));

    /// <summary>A numeric cell rounded and shown as <paramref name="format"/> says; empty when there is no value.</summary>
    public static ExcelCell Of(decimal? value, ExcelNumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new(null, value is { } v ? format.Round(v) : null, ExcelStyle.Number, format);
    }
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
