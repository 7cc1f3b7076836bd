using Indicators.Core.Formatting;
using System.Text;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>Reads a delimited text file (CSV, semicolon or tab) into outcomes, streaming: one record in memory at a time.</summary>
public static class CsvFileReader
{
    /// <summary>
    /// Reads <paramref name="content"/> as <paramref name="format"/> says (from <see cref="FileFormatDetector"/>, or as an
    /// analyst corrected it). The header is the first non-blank record; blank records are skipped, not counted.
    /// </summary>
    public static SourceReadResult Read(Stream content, string fileName, FileMapping mapping, DetectedFormat format, bool applyShareRule = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(format);

        var encoding = FileFormatDetector.EncodingFor(format.Encoding);
        using var text = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var parser = new CsvParser(text, format.Delimiter);
        var fields = new List<string>();
        try
        {
            while (parser.ReadRecord(fields) && FileFormatDetector.IsBlank(fields))
            {
            }

            if (fields.Count == 0 || FileFormatDetector.IsBlank(fields))
            {
                throw new SourceReadException($"'{fileName}' är tom: den saknar rubrikrad.");
            }

            if (parser.FieldTooLong)
            {
                throw new SourceReadException($"Rubrikraden i '{fileName}' har ett fält längre än de {SwedishFormat.Number(CsvParser.MaxFieldLength, 0)} tecken som ett fält kan ha.");
            }

            // Column names end up in messages and in a source's saved mapping: a NUL there could not be stored.
            var header = fields.ConvertAll(f => StorableText.Printable(f.Trim()));
            var collector = new RowCollector(mapping, header, fileName, format.DecimalComma ? DecimalMark.Comma : DecimalMark.Point);
            while (parser.ReadRecord(fields))
            {
                if (parser.UnclosedQuote)
                {
                    collector.RejectRow(parser.RecordLine, "ett citattecken (\") avslutas aldrig; resten av filen hör till raden");
                }
                else if (parser.FieldTooLong)
                {
                    collector.RejectRow(parser.RecordLine, $"ett fält är längre än de {SwedishFormat.Number(CsvParser.MaxFieldLength, 0)} tecken som ett fält kan ha");
                }
                else if (FileFormatDetector.IsBlank(fields))
                {
                    continue;
                }
                else if (fields.Count != collector.ColumnCount)
                {
                    collector.RejectRow(parser.RecordLine, $"raden har {fields.Count} fält men rubrikraden har {collector.ColumnCount} (avgränsare '{Describe(format.Delimiter)}')");
                }
                else
                {
                    collector.Add(parser.RecordLine, fields);
                }
            }

            return collector.Finish(applyShareRule);
        }
        catch (DecoderFallbackException e)
        {
            throw new SourceReadException($"'{fileName}' är inte giltig {format.Encoding}: välj en annan teckenkodning.", e);
        }
    }

    static string Describe(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();
}
