using System.IO.Compression;
using System.Xml;
using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Reads a workbook's parts for <see cref="XlsxInspection"/> and <see cref="XlsxSheetScan"/> within
/// <see cref="XlsxLimits"/>: an entry is opened so that it cannot unpack to more than the limit or than the zip declares,
/// and text is counted a chunk at a time so that a huge string is never held. Every refusal names the file.
/// </summary>
internal sealed class XlsxPartReader(string fileName, XlsxLimits limits)
{
    public const string SpreadsheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true
    };

    readonly char[] chunk = new char[4096];

    public XlsxLimits Limits => limits;

    public SourceReadException TooBig(string what) =>
        new($"'{fileName}' är för stor för att läsas: {what}. Inget i filen lästes.");

    public static string Number(long value) => SwedishFormat.Number(value, 0);

    public static string Printable(string text) => StorableText.Excerpt(text, 60);

    /// <summary>Opens an entry so that reading more than <paramref name="limit"/> or more than it declared stops the read.</summary>
    public BoundedStream Open(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit)
        {
            throw TooBig($"delen {Printable(entry.FullName)} packas upp till {Number(entry.Length / (1024 * 1024))} MB, "
                + $"mer än de {Number(Math.Max(1, limit / (1024 * 1024)))} MB som tas emot");
        }

        return new BoundedStream(entry.Open(), entry.Length, () => new SourceReadException(
            $"'{fileName}' är skadad: delen {Printable(entry.FullName)} packas upp till mer än de {Number(entry.Length)} byte "
            + "som zip-filen anger. Inget i filen lästes."));
    }

    /// <summary>Reads an entry to its end, only to count what it unpacks to.</summary>
    public void Drain(ZipArchiveEntry? entry, long limit)
    {
        if (entry is null)
        {
            return;
        }

        using var stream = Open(entry, limit);
        stream.CopyTo(Stream.Null);
    }

    /// <summary>
    /// Reads a string item (<c>si</c> or <c>is</c>: <c>t</c> elements, or rich-text runs <c>r</c> each with a <c>t</c>) from
    /// its start element to its end, counting characters a chunk at a time and the runs.
    /// </summary>
    public void ReadText(XmlReader xml, string where)
    {
        var depth = xml.Depth;
        var length = 0L;
        var runs = 0;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "r" && ++runs > limits.MaxTextRuns)
            {
                throw TooBig($"{where} består av fler än {Number(limits.MaxTextRuns)} formaterade delar");
            }

            length += TextLength(xml);
            if (length > limits.MaxTextLength)
            {
                throw TooBig($"{where} är längre än de {Number(limits.MaxTextLength)} tecken som en cell kan ha");
            }
        }
    }

    /// <summary>The characters of the text node the reader is on, read in chunks so that a huge one is never held; 0 elsewhere.</summary>
    long TextLength(XmlReader xml)
    {
        if (!IsText(xml))
        {
            return 0;
        }

        if (!xml.CanReadValueChunk)
        {
            return xml.Value.Length;
        }

        long length = 0;
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            length += read;
            if (length > limits.MaxTextLength)
            {
                break;
            }
        }

        return length;
    }

    /// <summary>
    /// An element's text (a value, a formula) from its start element to its end, refused over the cell limit; with
    /// <paramref name="keep"/> its first 64 characters are returned, otherwise only counted.
    /// </summary>
    public string? ReadElementText(XmlReader xml, string where, bool keep)
    {
        if (xml.IsEmptyElement)
        {
            return keep ? "" : null;
        }

        var depth = xml.Depth;
        var start = keep ? new System.Text.StringBuilder() : null;
        var length = 0L;
        while (xml.Read() && xml.Depth > depth)
        {
            if (!IsText(xml))
            {
                continue;
            }

            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                length += read;
                if (length > limits.MaxTextLength)
                {
                    throw TooBig($"{where} är längre än de {Number(limits.MaxTextLength)} tecken som en cell kan ha");
                }

                start?.Append(chunk, 0, Math.Min(read, Math.Max(0, 64 - start.Length)));
            }
        }

        return start?.ToString();
    }

    static bool IsText(XmlReader xml) =>
        xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;
}
