using Indicators.Core.Formatting;
using System.Text;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Finds how a delimited text file is written: encoding, delimiter, decimal mark and header. Swedish files come from
/// Excel ("CSV (semikolonavgränsad)": Windows-1252 or UTF-8 with BOM, ';', decimal comma), from statistics
/// sites (UTF-8, ',' or tab, decimal point) and from "Unicode-text" exports (UTF-16, tab).
/// </summary>
public static class FileFormatDetector
{
    const int SampleChars = 64 * 1024;
    const int SampleLines = 50;
    static readonly char[] Delimiters = [';', '\t', ','];

    /// <summary>Detects the format of a delimited text file; the stream must be seekable and is left at its start.</summary>
    public static DetectedFormat Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var encodingName = DetectEncoding(content);
        var sample = ReadSample(content, encodingName, out var truncated);
        var lines = SampleLinesOf(sample, truncated);
        var delimiter = DetectDelimiter(lines);

        var records = new List<List<string>>();
        using (var text = new StringReader(sample))
        {
            var parser = new CsvParser(text, delimiter);
            var fields = new List<string>();
            while (records.Count < SampleLines && parser.ReadRecord(fields))
            {
                if (!IsBlank(fields))
                {
                    records.Add([.. fields]);
                }
            }
        }

        // The last record of a cut-off sample may be cut off too.
        if (truncated && records.Count > 1)
        {
            records.RemoveAt(records.Count - 1);
        }

        // Shown to the analyst and saved into the source's mapping: a NUL in a column name could not be stored.
        var columns = records.Count > 0 ? records[0].ConvertAll(c => StorableText.Printable(c.Trim())) : [];
        return new DetectedFormat(encodingName, delimiter, DetectDecimalComma(records, delimiter), columns);
    }

    internal static Encoding EncodingFor(string name) => name switch
    {
        DetectedFormat.Utf8 or DetectedFormat.Utf8WithBom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        DetectedFormat.Utf16 => new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true),
        // From the provider directly rather than registering it process-wide: nothing else needs code pages.
        DetectedFormat.Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)
            ?? throw new InvalidOperationException("Windows-1252 is not available."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown encoding name."),
    };

    internal static bool IsBlank(List<string> fields)
    {
        // Excel leaves ";;;;;" for rows that once held something: as empty as an empty line.
        foreach (var f in fields)
        {
            if (!string.IsNullOrWhiteSpace(f))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A byte order mark decides; otherwise the whole file is decoded as strict UTF-8 and falls back to Windows-1252 on
    /// the first invalid byte. The whole file, not a sample: an 'å' may first appear on row 500 000.
    /// </summary>
    static string DetectEncoding(Stream content)
    {
        content.Position = 0;
        Span<byte> start = stackalloc byte[3];
        var read = content.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        content.Position = 0;
        if (read >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF)
        {
            return DetectedFormat.Utf8WithBom;
        }

        if (read >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        {
            return DetectedFormat.Utf16;
        }

        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        try
        {
            int count;
            while ((count = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetCharCount(bytes, 0, count, flush: false);
            }

            decoder.GetCharCount([], 0, 0, flush: true);
            return DetectedFormat.Utf8;
        }
        catch (DecoderFallbackException)
        {
            return DetectedFormat.Windows1252;
        }
        finally
        {
            content.Position = 0;
        }
    }

    static string ReadSample(Stream content, string encodingName, out bool truncated)
    {
        // Lenient here: a sample may end inside a multi-byte character.
        var encoding = encodingName == DetectedFormat.Windows1252 ? EncodingFor(encodingName) : encodingName == DetectedFormat.Utf16 ? Encoding.Unicode : Encoding.UTF8;
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var chars = new char[SampleChars];
        var count = reader.ReadBlock(chars, 0, chars.Length);
        truncated = count == chars.Length && reader.Peek() >= 0;
        content.Position = 0;
        return new string(chars, 0, count);
    }

    static List<string> SampleLinesOf(string sample, bool truncated)
    {
        var lines = new List<string>();
        foreach (var line in sample.AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                lines.Add(line.ToString());
            }

            if (lines.Count > SampleLines)
            {
                break;
            }
        }

        if (truncated && lines.Count > 1)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>
    /// The delimiter that splits the header into more than one column and splits the most lines into the same number
    /// of columns as the header. Counting outside quotes keeps "12,5" in a comma file from counting.
    /// </summary>
    static char DetectDelimiter(List<string> lines)
    {
        var best = ';';
        var bestConsistent = -1;
        var bestHeaderCount = 0;
        if (lines.Count == 0)
        {
            return best;
        }

        foreach (var candidate in Delimiters)
        {
            var headerCount = CountOutsideQuotes(lines[0], candidate);
            if (headerCount == 0)
            {
                continue;
            }

            var consistent = 0;
            foreach (var line in lines)
            {
                if (CountOutsideQuotes(line, candidate) == headerCount)
                {
                    consistent++;
                }
            }

            if (consistent > bestConsistent || (consistent == bestConsistent && headerCount > bestHeaderCount))
            {
                best = candidate;
                bestConsistent = consistent;
                bestHeaderCount = headerCount;
            }
        }

        return best;
    }

    static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Counts the data fields written as decimals with a comma ("1 234,5") against those with a point ("1234.5");
    /// without either, a ';' or tab file is taken as Swedish (comma) and a ',' file as decimal point.
    /// </summary>
    static bool DetectDecimalComma(List<List<string>> records, char delimiter)
    {
        var comma = 0;
        var point = 0;
        for (var r = 1; r < records.Count; r++)
        {
            foreach (var field in records[r])
            {
                switch (DecimalMarkOf(field))
                {
                    case ',': comma++; break;
                    case '.': point++; break;
                    default: break;
                }
            }
        }

        return comma != point ? comma > point : delimiter != ',';
    }

    /// <summary>',' or '.' when the field is a number with exactly one of them followed by digits; otherwise '\0'.</summary>
    static char DecimalMarkOf(string field)
    {
        var text = field.AsSpan().Trim();
        if (text.Length > 0 && text[0] is '-' or '−')
        {
            text = text[1..];
        }

        var mark = '\0';
        var digitsAfter = 0;
        var digitsBefore = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (mark == '\0')
                {
                    digitsBefore++;
                }
                else
                {
                    digitsAfter++;
                }
            }
            else if (c is ',' or '.' && mark == '\0')
            {
                mark = c;
            }
            else if (!(c is ' ' or '\u00A0' or '\u202F' && mark == '\0'))
            {
                return '\0';
            }
        }

        return digitsBefore > 0 && digitsAfter > 0 ? mark : '\0';
    }
}
