namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// What a workbook may be before it is read. An .xlsx is a zip of XML, so 1.5 KB can describe a sheet of 321 million
/// columns (one cell at ZZZZZZ1), and ExcelDataReader sizes its row buffer by the widest row before it hands out the
/// first one: it allocated 2.5 GB for that file. <see cref="XlsxInspection"/> checks these limits by streaming the parts
/// ExcelDataReader will read, before it reads them; a workbook over any limit is refused with a Swedish message naming
/// the file. The defaults are Excel's own limits where Excel has one, and far above any region's file elsewhere.
/// </summary>
public sealed record XlsxLimits
{
    public static XlsxLimits Default { get; } = new();

    /// <summary>Columns of the first sheet: Excel's own limit (XFD).</summary>
    public int MaxColumns { get; init; } = 16_384;

    /// <summary>Rows of the first sheet: Excel's own limit.</summary>
    public int MaxRows { get; init; } = 1_048_576;

    /// <summary>Cells stored in the first sheet.</summary>
    public long MaxCells { get; init; } = 10_000_000;

    /// <summary>
    /// Rows × columns of the first sheet. ExcelDataReader clears a row buffer as wide as the widest row for every row, so
    /// one stray cell at XFD1 above a million rows costs 17 billion steps although the file holds two cells.
    /// </summary>
    public long MaxSheetArea { get; init; } = 50_000_000;

    /// <summary>Strings in the shared string table, all of which ExcelDataReader holds in memory.</summary>
    public int MaxSharedStrings { get; init; } = 1_000_000;

    /// <summary>Characters in one cell or shared string: Excel's own limit.</summary>
    public int MaxTextLength { get; init; } = 32_767;

    /// <summary>Formatted pieces (runs) of one rich-text string; ExcelDataReader joins them one by one, in quadratic time.</summary>
    public int MaxTextRuns { get; init; } = 100;

    /// <summary>Entries in the zip.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>The first sheet's XML, unpacked (it is streamed, never held whole).</summary>
    public long MaxSheetBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The shared string table's XML, unpacked (held in memory as strings).</summary>
    public long MaxSharedStringBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Every other part, unpacked: the workbook, its relationships and styles.</summary>
    public long MaxOtherPartBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>All entries together, unpacked, as the zip's directory declares them.</summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Unpacked size over packed size of an entry over 1 MB; XML packs 10–30 times, a zip bomb thousands.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Cells read as empty that hold a formula without a cached value or an Excel error, each a rejected row.</summary>
    public int MaxCellProblems { get; init; } = 100_000;
}
