using System.Security.Cryptography;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>A file in a watched folder as last seen: its full path, size and last write time.</summary>
public sealed record FolderFile(string Path, string Name, long Size, DateTime LastWriteUtc);

/// <summary>Lists and fingerprints the files of a watched folder.</summary>
public static class WatchedFolder
{
    /// <summary>
    /// The files matching the patterns, oldest first (top folder only). Skipped: hidden files, Excel's lock files
    /// ("~$…") and partial downloads, which are not deliveries.
    /// </summary>
    public static IReadOnlyList<FolderFile> List(string folder, IReadOnlyList<string> patterns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<FolderFile>();
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

                var info = new FileInfo(path);
                files.Add(new FolderFile(path, name, info.Length, info.LastWriteTimeUtc));
            }
        }

        return [.. files.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    public static async Task<byte[]> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, useAsync: true);
        return await SHA256.HashDataAsync(stream, cancellationToken);
    }
}
