using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Indicators.Reports.Export.Tests;

/// <summary>One cell as ExcelDataReader reads it: its value (a double for a number) and its number format.</summary>
sealed record ReadCell(object? Value, string? NumberFormat);

/// <summary>Reads exports back as a person's tools would: the workbook's sheets and cells, the PDF's text per page.</summary>
static partial class ExportReading
{
    /// <summary>Sheet name → rows of cells, in the workbook's order.</summary>
    public static Dictionary<string, List<ReadCell[]>> Workbook(byte[] xlsx)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(xlsx);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<ReadCell[]>>();
        do
        {
            var rows = new List<ReadCell[]>();
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => new ReadCell(reader.GetValue(i), reader.GetNumberFormatString(i)))]);
            }

            sheets.Add(reader.Name, rows);
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>The value in the column named <paramref name="header"/> (of the first row) of a data row.</summary>
    public static object? Column(List<ReadCell[]> sheet, ReadCell[] row, string header)
    {
        var index = Array.FindIndex(sheet[0], c => c.Value as string == header);
        Assert.True(index >= 0, $"No column '{header}' in {string.Join(", ", sheet[0].Select(c => c.Value))}");
        return index < row.Length ? row[index].Value : null;
    }

    public static ReadCell Cell(List<ReadCell[]> sheet, ReadCell[] row, string header) =>
        row[Array.FindIndex(sheet[0], c => c.Value as string == header)];

    /// <summary>
    /// Each page's text in the order it was written (a cell's lines together, a box's lines together), words joined by
    /// single spaces, so text wrapped over lines reads as one.
    /// </summary>
    public static List<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(PageText)];
    }

    static string PageText(Page page)
    {
        var text = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null)
            {
                var newLine = Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 0.5;
                var gap = letter.StartBaseLine.X - previous.EndBaseLine.X;
                if (newLine || gap > letter.PointSize * 0.2 || gap < -0.5)
                {
                    text.Append(' ');
                }
            }

            text.Append(letter.Value);
            previous = letter;
        }

        return Words(text.ToString());
    }

    /// <summary>All pages' text as one string of words.</summary>
    public static string PdfText(byte[] pdf) => string.Join(' ', PdfPages(pdf));

    /// <summary>The text's words joined by single spaces (no-break spaces too): what <see cref="PdfText"/> finds for it.</summary>
    public static string Words(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"[\s\u00A0\u202F]+")]
    private static partial Regex Spaces();
}
