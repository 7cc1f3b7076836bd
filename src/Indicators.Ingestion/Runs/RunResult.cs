using Indicators.Data.Observations;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>How a run is started: by its schedule, by a person ("kör nu"), or again after a failure.</summary>
public enum RunTrigger
{
    Scheduled,
    Manual,
    Retry,
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
