using System.Text;
using Indicators.Core.Formatting;
using Indicators.Ingestion.Sources.Files;

namespace Indicators.Web.Sources;

/// <summary>
/// A quarantined file's rejected rows as a CSV Excel opens as it is in Sweden: ';' between fields, UTF-8 with a BOM (or
/// Excel reads å, ä, ö as Windows-1252), Swedish headers. A cell that Excel would take for a formula (=, +, -, @, tab,
/// carriage return first) gets a leading apostrophe: the values come from the file, so they are not to be trusted.
/// </summary>
public static class RejectedRowsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Create(IReadOnlyList<RejectedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder("Rad;Kolumn;Värde;Orsak\r\n");
        foreach (var row in rows)
        {
            text.Append(Field(row.Row?.ToString(SwedishFormat.Culture))).Append(';')
                .Append(Field(row.Column)).Append(';')
                .Append(Field(row.Value)).Append(';')
                .Append(Field(row.Reason)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>"avvisade rader – utfall.csv" for the file "utfall.csv".</summary>
    public static string FileName(string fileName) => $"avvisade rader – {Path.GetFileNameWithoutExtension(fileName)}.csv";

    static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
