using Indicators.Core.Formatting;
using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Reads the first worksheet of an .xlsx workbook: the first non-empty row is the header, the rows under it are data,
/// and a row's number is the row number Excel shows. Numbers stored as numbers are taken as they are; text cells go
/// through the same parsing as a text file's fields, with either decimal mark.
/// <para>
/// Before ExcelDataReader sees the workbook, <see cref="XlsxInspection"/> checks it against <see cref="XlsxLimits"/> (a
/// 1.5 KB workbook can otherwise make the reader allocate gigabytes) and lists the cells the reader would read as empty
/// although they are not: a formula without a cached value, an Excel error. In a mapped column each rejects its row with
/// the reason, like a number the value column cannot hold (NaN, ±∞, beyond ±7,9·10²⁸); none is ever a silent missing value.
/// </para>
/// </summary>
public static class XlsxFileReader
{
    public static SourceReadResult Read(Stream content, string fileName, FileMapping mapping, bool applyShareRule = true) =>
        Read(content, fileName, mapping, XlsxLimits.Default, applyShareRule);

    internal static SourceReadResult Read(Stream content, string fileName, FileMapping mapping, XlsxLimits limits, bool applyShareRule = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(mapping);

        var inspection = XlsxInspection.Inspect(content, fileName, limits);
        using var reader = Open(content, fileName);
        var (header, headerRow) = ReadHeader(reader, fileName);
        var collector = new RowCollector(mapping, header, fileName, DecimalMark.Either);
        var fields = new string?[header.Count];
        var problems = new List<(int Column, string Reason)>();
        var row = headerRow;
        try
        {
            while (reader.Read())
            {
                // ExcelDataReader yields empty rows for the gaps between stored rows, so counting reads gives Excel's row number.
                row++;
                var empty = true;
                decimal? numericValue = null;
                problems.Clear();
                for (var i = 0; i < fields.Length; i++)
                {
                    var cell = i < reader.FieldCount ? reader.GetValue(i) : null;
                    if (inspection.CellProblems.Count > 0 && inspection.CellProblems.TryGetValue((row, i), out var problem) && collector.IsMapped(i))
                    {
                        problems.Add((i, problem));
                    }
                    else if (i == collector.ValueColumn && cell is double number)
                    {
                        if (FileValues.TryToDecimal(number, out var value))
                        {
                            numericValue = value;
                        }
                        else
                        {
                            problems.Add((i, FileValues.UnstorableNumber(CellText(cell)!)));
                        }
                    }

                    fields[i] = CellText(cell);
                    empty &= string.IsNullOrWhiteSpace(fields[i]);
                }

                if (!empty || problems.Count > 0)
                {
                    collector.Add(row, fields, numericValue, problems);
                }
            }
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(fileName, e);
        }

        return collector.Finish(applyShareRule);
    }

    /// <summary>The first worksheet's header row, for <see cref="FileSource.Detect"/>; the workbook is checked as for a read.</summary>
    public static IReadOnlyList<string> ReadColumns(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        XlsxInspection.Inspect(content, fileName, XlsxLimits.Default);
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
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(fileName, e);
        }
    }

    static SourceReadException Unreadable(string fileName, Exception e) =>
        new($"'{fileName}' går inte att läsa som en Excel-arbetsbok (.xlsx).", e);

    /// <summary>
    /// What ExcelDataReader throws on a damaged workbook: besides its own exceptions, whatever its parsing meets (a sheet
    /// id that is no number, a reference it cannot place). Our own refusals and cancellation pass through.
    /// </summary>
    static bool IsDamage(Exception e) => e is InvalidDataException or IOException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException
        or FormatException or OverflowException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException
        or KeyNotFoundException or InvalidOperationException;

    static (List<string> Header, int Row) ReadHeader(IExcelDataReader reader, string fileName)
    {
        try
        {
            return ReadHeaderRow(reader, fileName);
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Unreadable(fileName, e);
        }
    }

    static (List<string> Header, int Row) ReadHeaderRow(IExcelDataReader reader, string fileName)
    {
        var row = 0;
        while (reader.Read())
        {
            row++;
            var header = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                // Column names end up in messages and in a source's saved mapping: a NUL there could not be stored.
                header.Add(StorableText.Printable(CellText(reader.GetValue(i))?.Trim() ?? ""));
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
