using Hangfire;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// What Hangfire runs, and when Hangfire runs it again. A source that fails in an expected way (unreachable after its
/// HTTP retries, a bad answer, a bad file: <see cref="RunFailure.IsExpected"/>) has its failure recorded on its run, which
/// the source's pages show; the job then ends as succeeded — no failed job with a stack trace in Hangfire, and no job
/// retry, since each HTTP call already retried inside its resilience pipeline and the next scheduled run comes anyway.
/// Any other failure of a scheduled run is retried twice, after 1 and 5 minutes. A run started by a person (Kör nu,
/// Försök igen, an upload) is not retried when it fails otherwise — the person sees the failure. Every run, however
/// started, is retried when the database went away under it (<see cref="RunInterruptedException"/>: a restart, a lost
/// connection), after 30 s, 2 and 10 minutes (a scheduled one after 1 and 5). A job that fails for good is kept (failed
/// state) for an administrator to see and retry. A job whose process died is taken up again by another server once
/// Hangfire's invisibility timeout has passed (HangfireSetup). The methods without a user are kept for jobs queued
/// before runs recorded who started them.
/// </summary>
public sealed class SourceJobs(IngestionRunner runner)
{
    public const string Queue = "ingest";

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunScheduledAsync(int sourceId, RunMode mode, CancellationToken cancellationToken) =>
        RecordedAsync(runner.RunAsync(sourceId, RunTrigger.Scheduled, mode, cancellationToken));

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunNowAsync(int sourceId, CancellationToken cancellationToken) => RunNowAsync(sourceId, null, cancellationToken);

    /// <summary>"Kör nu", by <paramref name="startedBy"/> (a user name).</summary>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunNowAsync(int sourceId, string? startedBy, CancellationToken cancellationToken) =>
        RecordedAsync(runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, cancellationToken, startedBy));

    /// <summary>An upload by <paramref name="startedBy"/> with "Läs in filen direkt".</summary>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunUploadAsync(int sourceId, string? startedBy, CancellationToken cancellationToken) =>
        RecordedAsync(runner.RunAsync(sourceId, RunTrigger.Upload, RunMode.Incremental, cancellationToken, startedBy));

    /// <summary>A new or changed file in the source's watched folder.</summary>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunWatchedFolderAsync(int sourceId, CancellationToken cancellationToken) =>
        RecordedAsync(runner.RunAsync(sourceId, RunTrigger.WatchedFolder, RunMode.Incremental, cancellationToken));

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RetryAsync(int sourceId, CancellationToken cancellationToken) => RetryAsync(sourceId, null, cancellationToken);

    /// <summary>
    /// Runs a source again after a failed run, marked <c>retry</c>. Incremental: the failed run stored nothing, so "since
    /// the last success" still covers everything it would have fetched.
    /// </summary>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RetryAsync(int sourceId, string? startedBy, CancellationToken cancellationToken) =>
        RecordedAsync(runner.RunAsync(sourceId, RunTrigger.Retry, RunMode.Incremental, cancellationToken, startedBy));

    /// <summary>The run; an expected failure, already recorded on the run and logged by the runner, ends the job normally.</summary>
    static async Task RecordedAsync(Task<RunResult> run)
    {
        try
        {
            await run;
        }
        catch (Exception e) when (RunFailure.IsExpected(e))
        {
            // Recorded on the run row; see the class comment.
        }
    }
}
