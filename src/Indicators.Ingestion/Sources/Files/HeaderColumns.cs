using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// How a file's first row may be quoted in a message (a refused upload, a run that misses a mapped column). Only a file
/// that is a table is quoted — at least two columns and no NUL, which binary files are full of — so the first line of
/// some other file a folder or upload holds (a password, /etc/shadow) never reaches a message anyone can read; and only
/// a bounded amount of it: the first <see cref="Listed"/> columns, each cut to <see cref="ColumnLength"/> characters,
/// control characters replaced.
/// </summary>
public static class HeaderColumns
{
    public const int Listed = 20;

    public const int ColumnLength = 60;

    /// <summary>The reason, for a message, that a file whose first row is no table has no usable columns.</summary>
    public const string NoTable =
        "filen är ingen tabell (dess första rad har inte flera kolumner åtskilda med semikolon, komma eller tabb)";

    public static bool IsTable(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Count >= 2 && !header.Any(column => column.Contains('\0', StringComparison.Ordinal));
    }

    /// <summary>"'a', 'b', 'c'" — or, for a wide header, the first columns and "… och 9 980 till".</summary>
    public static string List(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var shown = string.Join(", ", header.Take(Listed).Select(c => $"'{StorableText.Excerpt(c, ColumnLength)}'"));
        return header.Count > Listed ? $"{shown} … och {SwedishFormat.Number(header.Count - Listed, 0)} till" : shown;
    }
}
