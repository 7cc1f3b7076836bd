using System.Text;

namespace Indicators.Core.Formatting;

/// <summary>
/// The one way a CSV is made for Swedish Excel: ';' between fields, CRLF between rows, UTF-8 with a BOM (or Excel reads
/// å, ä, ö as Windows-1252), Swedish headers. A cell that Excel would take for a formula (=, +, -, @, tab, carriage
/// return first) gets a leading apostrophe: the values come from users and files, so they are not to be trusted.
/// </summary>
public static class SwedishCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Create(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendRow(text, headers);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    static void AppendRow(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            text.Append(i == 0 ? "" : ";").Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>One cell: defused when it starts like a formula, quoted when it holds ';', '"' or a line break.</summary>
    public static string Field(string? value)
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
