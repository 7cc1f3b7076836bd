using Indicators.Core.Formatting;
using Indicators.Ingestion.Sources.Files;

namespace Indicators.Web.Sources;

/// <summary>A quarantined file's rejected rows as a CSV Excel opens as it is in Sweden (<see cref="SwedishCsv"/>).</summary>
public static class RejectedRowsCsv
{
    public const string ContentType = SwedishCsv.ContentType;

    public static byte[] Create(IReadOnlyList<RejectedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return SwedishCsv.Create(
            ["Rad", "Kolumn", "Värde", "Orsak"],
            rows.Select(row => new[] { row.Row?.ToString(SwedishFormat.Culture), row.Column, row.Value, row.Reason }));
    }

    /// <summary>"avvisade rader – utfall.csv" for the file "utfall.csv".</summary>
    public static string FileName(string fileName) => $"avvisade rader – {Path.GetFileNameWithoutExtension(fileName)}.csv";
}
