namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// A file an analyst uploads: CSV/semicolon/tab text or an .xlsx workbook, chosen by content (an .xlsx is a zip and
/// starts with "PK") before the extension, since files get renamed.
/// </summary>
public static class FileSource
{
    /// <summary>
    /// The largest file a run reads: a file is read into memory whole (uploads are smaller still, see
    /// <see cref="FileSourceOptions.MaxUploadBytes"/>). A million-row CSV is some 30 MB.
    /// </summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>
    /// Reads a file's rows; <paramref name="applyShareRule"/> false for a run's reader, which applies the rejected-share
    /// rule itself (and quarantines the file).
    /// </summary>
    public static SourceReadResult Read(Stream content, string fileName, FileMapping mapping, bool applyShareRule = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(mapping);
        var seekable = Seekable(content);
        try
        {
            return IsXlsx(seekable, fileName)
                ? XlsxFileReader.Read(seekable, fileName, mapping, applyShareRule)
                : CsvFileReader.Read(seekable, fileName, mapping, FileFormatDetector.Detect(seekable), applyShareRule);
        }
        finally
        {
            if (!ReferenceEquals(seekable, content))
            {
                seekable.Dispose();
            }
        }
    }

    public static DetectedFormat Detect(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var seekable = Seekable(content);
        try
        {
            return IsXlsx(seekable, fileName)
                ? new DetectedFormat(DetectedFormat.Xlsx, '\0', false, XlsxFileReader.ReadColumns(seekable, fileName))
                : FileFormatDetector.Detect(seekable);
        }
        finally
        {
            if (!ReferenceEquals(seekable, content))
            {
                seekable.Dispose();
            }
        }
    }

    /// <summary>Detection reads the file twice (the encoding check covers it all), so an upload stream is buffered first.</summary>
    static Stream Seekable(Stream content)
    {
        if (content.CanSeek)
        {
            content.Position = 0;
            return content;
        }

        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    static bool IsXlsx(Stream content, string fileName)
    {
        Span<byte> start = stackalloc byte[4];
        var read = content.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 4 && start[0] == 0xD0 && start[1] == 0xCF && start[2] == 0x11 && start[3] == 0xE0)
        {
            throw new SourceReadException($"'{fileName}' är en äldre Excel-fil (.xls). Spara den som .xlsx eller CSV och ladda upp den igen.");
        }

        var zip = read == 4 && start[0] == (byte)'P' && start[1] == (byte)'K' && start[2] == 3 && start[3] == 4;
        return zip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
    }
}
