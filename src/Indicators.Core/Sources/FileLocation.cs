using Indicators.Core.Formatting;

namespace Indicators.Core.Sources;

/// <summary>
/// Says in Swedish why a file source may not read the watched folder <c>folder</c> (as typed: relative to the root, or
/// absolute), or null when it may. Core does no I/O: the ingestion side supplies the check (FileRoots.Check), which knows
/// the roots an administrator configured and follows symlinks, so a draft passes exactly what a run would read.
/// </summary>
public delegate string? FolderCheck(string folder);

/// <summary>
/// A file source's file-name pattern: one or more globs separated by ';' (<c>*.csv;*.xlsx</c>), each a file name with
/// <c>*</c> and <c>?</c> only. No folder part, no <c>..</c>, no drive or stream (':'): the folder is chosen, and checked
/// against the roots, by the folder setting alone; a pattern such as <c>../../etc/shadow</c> would otherwise be a path.
/// </summary>
public static class FilePattern
{
    public const string Default = "*.csv;*.xlsx";

    const int MaxLength = 255;

    /// <summary>The globs of <paramref name="pattern"/> (the default when it is empty), trimmed.</summary>
    public static IReadOnlyList<string> Split(string? pattern) =>
        (string.IsNullOrWhiteSpace(pattern) ? Default : pattern)
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The Swedish reason the first unusable glob is refused, or null when every glob is a file-name glob.</summary>
    public static string? Error(string? pattern)
    {
        foreach (var glob in Split(pattern))
        {
            if (glob.Length > MaxLength || glob.Contains("..", StringComparison.Ordinal)
                || glob.AsSpan().IndexOfAny(['/', '\\', ':']) >= 0 || glob.Any(char.IsControl))
            {
                return $"Filnamnsmönstret '{StorableText.Excerpt(glob, 100)}' får bara vara ett filnamn med * och ? "
                    + "(till exempel *.csv), utan mappar (/ eller \\), '..' eller ':'. Mappen anges i fältet för bevakad mapp.";
            }
        }

        return null;
    }
}
