using System.Security.Cryptography;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// A file in a watched folder as last seen: its name in the folder, the real path it is read through (where a symlink
/// leads), its size and last write time.
/// </summary>
public sealed record FolderFile(string Path, string Name, long Size, DateTime LastWriteUtc);

/// <summary>What a watched folder holds for a source: the files to read, and the names of files refused by the roots' rule.</summary>
public sealed record FolderListing(IReadOnlyList<FolderFile> Files, IReadOnlyList<string> Refused);

/// <summary>Lists and fingerprints the files of a watched folder.</summary>
public static class WatchedFolder
{
    /// <summary>
    /// The files matching the patterns in <paramref name="folder"/> (a real path from <see cref="FileRoots.Resolve"/>),
    /// oldest first (top folder only). Skipped: hidden files, Excel's lock files ("~$…") and partial downloads, which are
    /// not deliveries. Refused: a file that is a symlink leading out of the roots. A pattern that is more than a file-name
    /// glob fails the whole listing: the system would otherwise search where the pattern's path leads.
    /// </summary>
    public static FolderListing List(string folder, IReadOnlyList<string> patterns, FileRoots roots)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(roots);
        if (FilePattern.Error(string.Join(';', patterns)) is { } patternError)
        {
            throw new SourceReadException(patternError + " Inget lästes.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<FolderFile>();
        var refused = new List<string>();
        foreach (var pattern in patterns)
        {
            foreach (var path in Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive }))
            {
                var name = System.IO.Path.GetFileName(path);
                if (!seen.Add(path) || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
                    || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (roots.RealFile(path) is not { } real)
                {
                    refused.Add(name);
                    continue;
                }

                var info = new FileInfo(real);
                if (!info.Exists)
                {
                    continue; // a symlink to nothing, or gone since it was listed
                }

                files.Add(new FolderFile(real, name, info.Length, info.LastWriteTimeUtc));
            }
        }

        return new FolderListing([.. files.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.Name, StringComparer.Ordinal)], refused);
    }

    public static async Task<byte[]> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, useAsync: true);
        return await SHA256.HashDataAsync(stream, cancellationToken);
    }
}
