namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// What <see cref="FileSource.Detect"/> found, for an analyst to see (and correct) before importing:
/// the text encoding ("UTF-8", "UTF-8 med BOM", "UTF-16", "Windows-1252"), the delimiter, whether decimals are
/// written with a comma, and the header's columns. An Excel workbook has <see cref="Encoding"/> "xlsx" and no delimiter.
/// </summary>
public sealed record DetectedFormat(string Encoding, char Delimiter, bool DecimalComma, IReadOnlyList<string> Columns)
{
    public const string Utf8 = "UTF-8";
    public const string Utf8WithBom = "UTF-8 med BOM";
    public const string Utf16 = "UTF-16";
    public const string Windows1252 = "Windows-1252";
    public const string Xlsx = "xlsx";

    public bool IsSpreadsheet => Encoding == Xlsx;
}
