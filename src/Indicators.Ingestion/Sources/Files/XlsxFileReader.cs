using Indicators.Core.Formatting;
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook: the first non-empty row is the header, the rows under it are data,
/// and a row's number is the row number Excel shows. Numbers stored as numbers are taken as they are; text cells go
/// through the same parsing as a text file's fields, with either decimal mark.
/// </summary>
public static class XlsxFileReader
{
    public static SourceReadResult Read(Stream content, string fileName, FileMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(mapping);

        using var reader = Open(content, fileName);
        var (header, headerRow) = ReadHeader(reader, fileName);
        var collector = new RowCollector(mapping, header, fileName, DecimalMark.Either);
        var fields = new string?[header.Count];
        var row = headerRow;
        while (reader.Read())
        {
            // ExcelDataReader yields empty rows for the gaps between stored rows, so counting reads gives Excel's row number.
            row++;
            var empty = true;
            decimal? numericValue = null;
            for (var i = 0; i < fields.Length; i++)
            {
                var cell = i < reader.FieldCount ? reader.GetValue(i) : null;
                if (i == collector.ValueColumn && cell is double number)
                {
                    numericValue = (decimal)number;
                }

                fields[i] = CellText(cell);
                empty &= string.IsNullOrWhiteSpace(fields[i]);
            }

            if (!empty)
            {
                collector.Add(row, fields, numericValue);
            }
        }

        return collector.Finish();
    }

    /// <summary>The first worksheet's header row, for <see cref="FileSource.Detect"/>.</summary>
    public static IReadOnlyList<string> ReadColumns(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = Open(content, fileName);
        return ReadHeader(reader, fileName).Header;
    }

    static IExcelDataReader Open(Stream content, string fileName)
    {
        // ExcelDataReader's configuration asks Encoding.GetEncoding(1252) for old .xls files even when it reads .xlsx;
        // registering the code-page provider is idempotent and only adds encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException)
        {
            throw new SourceReadException($"'{fileName}' går inte att läsa som en Excel-arbetsbok (.xlsx).", e);
        }
    }

    static (List<string> Header, int Row) ReadHeader(IExcelDataReader reader, string fileName)
    {
        var row = 0;
        while (reader.Read())
        {
            row++;
            var header = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                header.Add(CellText(reader.GetValue(i))?.Trim() ?? "");
            }

            // Trailing empty header cells belong to no column (formatting that reaches further than the data).
            while (header.Count > 0 && header[^1].Length == 0)
            {
                header.RemoveAt(header.Count - 1);
            }

            if (header.Count > 0)
            {
                return (header, row);
            }
        }

        throw new SourceReadException($"Första bladet i '{fileName}' är tomt: det saknar rubrikrad.");
    }

    static string? CellText(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        // Excel turns "2025-08" typed into a cell into the date 2025-08-01: the first of a month is that month.
        DateTime date when date.Day == 1 && date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
