using Indicators.Data.Observations;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Who or what started a run: its schedule, a person's "Kör nu" (<see cref="Manual"/>), "Försök igen" after a failure, an
/// upload with "Läs in filen direkt", or a new file in the watched folder. Stored in ingestion_run.trigger as
/// <see cref="RunTriggers.Text"/>.
/// </summary>
public enum RunTrigger
{
    Scheduled,
    Manual,
    Retry,
    Upload,
    WatchedFolder,
}

public static class RunTriggers
{
    /// <summary>The stored text, one of the words ingestion_run.trigger's check allows.</summary>
    public static string Text(this RunTrigger trigger) => trigger switch
    {
        RunTrigger.Scheduled => "scheduled",
        RunTrigger.Manual => "manual",
        RunTrigger.Retry => "retry",
        RunTrigger.Upload => "upload",
        RunTrigger.WatchedFolder => "watched_folder",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}

/// <summary>
/// The end of a run. <see cref="RunId"/> is null when the run did not start because the same source was already running.
/// <see cref="Status"/> is the stored status: succeeded, succeeded_with_warnings, failed or skipped.
/// </summary>
public sealed record RunResult(long? RunId, string Status, MergeCounts Counts, int Rejected, IReadOnlyList<SourceProblem> Problems, string? Message)
{
    public static RunResult AlreadyRunning(int sourceId) =>
        new(null, "skipped", new MergeCounts(0, 0, 0, 0), 0, [], $"Källan {sourceId} körs redan; den här körningen hoppades över.");
}
