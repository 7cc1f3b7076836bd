using Hangfire;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// What Hangfire runs, and when Hangfire runs it again. A scheduled run is retried twice, after 1 and 5 minutes, whatever
/// failed; the retries are few because each HTTP call already retries inside its resilience pipeline, and the two
/// multiply. A run started by a person (Kör nu, Försök igen) is not retried when its source fails — the person sees the
/// failure — but it is, like a scheduled one, when the database went away under it (<see cref="RunInterruptedException"/>:
/// a restart, a lost connection), after 30 s, 2 and 10 minutes. A job that fails for good is kept (failed state) for an
/// administrator to see and retry. A job whose process died is taken up again by another server once Hangfire's
/// invisibility timeout has passed (HangfireSetup).
/// </summary>
public sealed class SourceJobs(IngestionRunner runner)
{
    public const string Queue = "ingest";

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunScheduledAsync(int sourceId, RunMode mode, CancellationToken cancellationToken) =>
        runner.RunAsync(sourceId, RunTrigger.Scheduled, mode, cancellationToken);

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunNowAsync(int sourceId, CancellationToken cancellationToken) =>
        runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, cancellationToken);

    /// <summary>
    /// Runs a source again after a failed run, marked <c>retry</c>. Incremental: the failed run stored nothing, so "since
    /// the last success" still covers everything it would have fetched.
    /// </summary>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnlyOn = [typeof(RunInterruptedException)], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RetryAsync(int sourceId, CancellationToken cancellationToken) =>
        runner.RunAsync(sourceId, RunTrigger.Retry, RunMode.Incremental, cancellationToken);
}
