namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// How a file's columns map onto outcomes. Column names are matched case-insensitively against the header (first row).
/// A mapped column the header lacks rejects the whole file. <see cref="FixedIndicatorCode"/> and <see cref="FixedAreaCode"/>
/// take precedence over their columns, for files that hold one indicator or one area and so have no such column.
/// </summary>
public sealed record FileMapping
{
    public string? IndicatorColumn { get; init; } = "indicator";

    public string PeriodColumn { get; init; } = "period";

    public string? AreaColumn { get; init; } = "area";

    /// <summary>Null: the file has no gender column and every row is T (totalt).</summary>
    public string? GenderColumn { get; init; }

    public string ValueColumn { get; init; } = "value";

    /// <summary>Null: the status follows from the value (a value is Ok, a missing value is Missing).</summary>
    public string? StatusColumn { get; init; }

    public string? FixedIndicatorCode { get; init; }

    public string? FixedAreaCode { get; init; }

    /// <summary>
    /// The stated rule: when more than this share of the data rows is rejected, or no row is valid, the whole file is
    /// rejected; otherwise the good rows are kept and the bad ones reported. A file that bad is more likely the wrong
    /// file or a wrong mapping than a few typing errors.
    /// </summary>
    public decimal MaxRejectedShare { get; init; } = 0.10m;

    /// <summary>
    /// The mapping the source form's fields describe, blank fields being none: a fixed indicator or area replaces its
    /// column, and a blank period or value column stays blank (the settings' rules then say so).
    /// </summary>
    public static FileMapping FromFields(
        string? indicatorColumn, string? fixedIndicator, string? periodColumn, string? areaColumn, string? fixedArea,
        string? genderColumn, string? valueColumn, string? statusColumn) => new()
        {
            IndicatorColumn = Clean(fixedIndicator) is null ? Clean(indicatorColumn) : null,
            FixedIndicatorCode = Clean(fixedIndicator),
            PeriodColumn = Clean(periodColumn) ?? "",
            AreaColumn = Clean(fixedArea) is null ? Clean(areaColumn) : null,
            FixedAreaCode = Clean(fixedArea),
            GenderColumn = Clean(genderColumn),
            ValueColumn = Clean(valueColumn) ?? "",
            StatusColumn = Clean(statusColumn),
        };

    static string? Clean(string? text) => Core.Editing.Validation.Clean(text);

    /// <summary>The region's own export, as in sql/demo/outcomes.csv: indicator;period;area;gender;value;status.</summary>
    public static FileMapping RegionFile { get; } = new() { GenderColumn = "gender", StatusColumn = "status" };
}
