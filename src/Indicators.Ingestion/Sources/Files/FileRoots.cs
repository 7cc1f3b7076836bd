using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// The folders file sources may read, and the one rule about them, applied when a source is saved (the editor's
/// <see cref="Core.Sources.FolderCheck"/>) and again, in every process, whenever a folder is listed or a file read —
/// configuration and symlinks may have changed since the save.
/// <list type="bullet">
/// <item>The roots are <see cref="FileSourceOptions.DataFolder"/> (<c>Sources:Files:Root</c>, default the data folder),
/// which relative folders are relative to, and <see cref="FileSourceOptions.AllowedFolders"/>
/// (<c>Sources:Files:AllowedFolders</c>, absolute paths).</item>
/// <item>A folder is resolved to its real path, every symlink on the way followed, and must lie inside a root (or be one).
/// A file in it that is a symlink is followed too and must end inside a root.</item>
/// <item>The app's data folder itself and its <c>pgdata</c> are never read, even when the data folder is the root: the
/// embedded database keeps its password there. Its subfolders (the demo's <c>inbox</c>) are fine.</item>
/// </list>
/// Messages quote the folder as it was typed, never where a symlink leads.
/// </summary>
public sealed class FileRoots(FileSourceOptions options)
{
    const int MaxLinks = 40;

    /// <summary>The roots as configured (absolute), the root first.</summary>
    public IReadOnlyList<string> Configured { get; } =
        [Path.GetFullPath(options.DataFolder), .. options.AllowedFolders.Select(f => Path.GetFullPath(f))];

    static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The Swedish reason <paramref name="folder"/> may not be read, or null: the editor's folder check.</summary>
    public string? Check(string folder) => TryResolve(folder, out _);

    /// <summary>
    /// The real path of a source's watched folder, for listing and reading; a folder the rule refuses fails the run with
    /// the Swedish reason.
    /// </summary>
    public string Resolve(string folder, string sourceName) =>
        TryResolve(folder, out var real) is { } error
            ? throw new SourceReadException($"Källan '{sourceName}' läser inte sin bevakade mapp: {error} Inget lästes.")
            : real;

    /// <summary>
    /// The real path of a file listed in a resolved folder, or null when it is a symlink that leads out of the roots or
    /// into the database's files (or cannot be followed).
    /// </summary>
    public string? RealFile(string path)
    {
        try
        {
            var real = RealPath(path);
            return Inside(real) && !Reserved(Path.GetDirectoryName(real) ?? real) ? real : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    string? TryResolve(string folder, out string real)
    {
        real = "";
        var typed = $"'{StorableText.Excerpt(folder, 200)}'";
        if (string.IsNullOrWhiteSpace(folder) || folder.Any(char.IsControl))
        {
            return $"Mappen {typed} är ingen giltig sökväg.";
        }

        try
        {
            real = RealPath(Path.Combine(Configured[0], folder.Trim()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"Mappen {typed} går inte att nå.";
        }

        if (!Inside(real))
        {
            return $"Mappen {typed} ligger utanför de mappar som filkällor får läsa (Sources:Files:Root och Sources:Files:AllowedFolders, "
                + "som en administratör anger).";
        }

        return Reserved(real)
            ? $"Mappen {typed} är datamappen, där den inbyggda databasen har sitt lösenord, eller databasens egen mapp (pgdata); "
                + "välj en egen undermapp, till exempel inbox."
            : null;
    }

    bool Inside(string real) => Configured.Select(Real).Any(root => root is not null && Within(real, root));

    /// <summary>The data folder itself (its files: password, port) and everything in its pgdata.</summary>
    bool Reserved(string realFolder)
    {
        if (Real(options.DatabaseFolder ?? options.DataFolder) is not { } data)
        {
            return false;
        }

        return string.Equals(realFolder, data, PathComparison) || Within(realFolder, Path.Combine(data, "pgdata"));
    }

    static string? Real(string path)
    {
        try
        {
            return RealPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    static bool Within(string path, string root)
    {
        if (string.Equals(path, root, PathComparison))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    /// <summary>
    /// The path with every symlink on the way replaced by where it leads, like realpath(3); parts that do not exist yet
    /// are kept as written. "..", lexically resolved first, is resolved again after each link is followed, and the caller
    /// reads through the path returned, so what is checked is what is read.
    /// </summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var links = 0; links <= MaxLinks; links++)
        {
            var root = Path.GetPathRoot(full) ?? "";
            var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            string? followed = null;
            for (var i = 0; i < parts.Length && followed is null; i++)
            {
                var next = Path.Combine(current, parts[i]);
                if (new FileInfo(next).LinkTarget is { } target)
                {
                    followed = Path.Combine([Path.GetFullPath(target, current), .. parts[(i + 1)..]]);
                }
                else
                {
                    current = next;
                }
            }

            if (followed is null)
            {
                return current;
            }

            full = Path.GetFullPath(followed);
        }

        throw new IOException($"Too many symbolic links in {path}.");
    }
}
