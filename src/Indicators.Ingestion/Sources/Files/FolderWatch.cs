using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// Finds which file sources have a new or changed file in their watched folder. A file counts once its size and last
/// write time are the same on two polls in a row (a file still being copied keeps growing), and only if this source has
/// not read its content before. Each state of a file is acted on once: a file that failed its run is not retried until it
/// changes (or the source's own schedule runs it).
/// </summary>
public sealed class FolderScanner(SourceQueries sources, SourceFiles files, FileRoots roots, ILogger<FolderScanner> logger)
{
    readonly Dictionary<string, (long Size, DateTime LastWrite)> lastSeen = new(StringComparer.Ordinal);
    readonly Dictionary<string, (long Size, DateTime LastWrite)> actedOn = new(StringComparer.Ordinal);

    /// <summary>One poll: the ids of the enabled file sources that should run now.</summary>
    public async Task<IReadOnlyList<int>> PollAsync(CancellationToken cancellationToken)
    {
        var due = new List<int>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            if (!source.Kind.Is(SourceKind.File) || !source.Enabled)
            {
                continue;
            }

            IReadOnlyList<FolderFile> listed;
            try
            {
                var settings = FileSourceSettings.Parse(source.Settings, source.Name);
                if (string.IsNullOrWhiteSpace(settings.Folder))
                {
                    continue;
                }

                // Checked at every poll: the roots and the symlinks on the way may have changed since the source was saved.
                var folder = roots.Resolve(settings.Folder.Trim(), source.Name);
                if (!Directory.Exists(folder) && !Path.IsPathRooted(settings.Folder.Trim()))
                {
                    // A folder under the root is ours to make (the demo's inbox); an absolute one, often a share, is not.
                    Directory.CreateDirectory(folder);
                }

                if (!Directory.Exists(folder))
                {
                    continue;
                }

                listed = WatchedFolder.List(folder, settings.Patterns, roots).Files;
            }
            catch (Exception e) when (e is SourceReadException or IOException or UnauthorizedAccessException)
            {
                // The run reports an unreadable folder or bad settings; the watcher only says so in the log.
                logger.LogWarning(e, "Watched folder of source {SourceId} could not be listed", source.Id);
                continue;
            }

            HashSet<string>? ingested = null;
            var changed = false;
            foreach (var file in listed)
            {
                var key = $"{source.Id}|{file.Path}";
                present.Add(key);
                var state = (file.Size, file.LastWriteUtc);
                var stable = lastSeen.TryGetValue(key, out var before) && before == state;
                lastSeen[key] = state;
                if (!stable || (actedOn.TryGetValue(key, out var done) && done == state))
                {
                    continue;
                }

                actedOn[key] = state;
                ingested ??= await files.SettledHashesAsync(source.Id, cancellationToken);
                try
                {
                    changed |= !ingested.Contains(Convert.ToHexString(await WatchedFolder.Sha256Async(file.Path, cancellationToken)));
                }
                catch (IOException e)
                {
                    // Still locked by whoever writes it: look again next time.
                    actedOn.Remove(key);
                    logger.LogDebug(e, "{File} is not readable yet", file.Path);
                }
            }

            if (changed)
            {
                due.Add(source.Id);
            }
        }

        // Forget files that went away, so a file put back later counts again.
        foreach (var key in lastSeen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            lastSeen.Remove(key);
            actedOn.Remove(key);
        }

        return due;
    }
}

/// <summary>
/// Polls the watched folders every <see cref="FileSourceOptions.PollInterval"/> and queues a run of each file source that
/// has a new file (<see cref="SourceSchedule.RunWatchedFolder"/>). Polling rather than FileSystemWatcher: change events are not
/// delivered reliably on network shares, where these folders usually are. Several processes may each queue a run; the
/// source's run lock and the files' read marks make the extra runs find nothing to do.
/// </summary>
public sealed class FolderWatcher(FolderScanner scanner, SourceSchedule schedule, FileSourceOptions options, TimeProvider time, ILogger<FolderWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollInterval <= TimeSpan.Zero)
        {
            logger.LogInformation("Watched folders are not polled in this process (Sources:Files:PollInterval is zero)");
            return;
        }

        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                foreach (var sourceId in await scanner.PollAsync(stoppingToken))
                {
                    var job = schedule.RunWatchedFolder(sourceId);
                    logger.LogInformation("New file in the watched folder of source {SourceId}: queued run {JobId}", sourceId, job);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly away must not stop the watcher for good.
                logger.LogWarning(e, "Polling the watched folders failed; trying again in {Interval}", options.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
