using Hangfire;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// What Hangfire runs. Retries are few because each HTTP call already retries inside its resilience pipeline; the two
/// multiply. A job that fails is kept (failed state) for an administrator to see and retry.
/// </summary>
public sealed class SourceJobs(IngestionRunner runner)
{
    public const string Queue = "ingest";

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunScheduledAsync(int sourceId, RunMode mode, CancellationToken cancellationToken) =>
        runner.RunAsync(sourceId, RunTrigger.Scheduled, mode, cancellationToken);

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunNowAsync(int sourceId, CancellationToken cancellationToken) =>
        runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, cancellationToken);

    /// <summary>
    /// Runs a source again after a failed run, marked <c>retry</c>. Incremental: the failed run stored nothing, so "since
    /// the last success" still covers everything it would have fetched.
    /// </summary>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public Task RetryAsync(int sourceId, CancellationToken cancellationToken) =>
        runner.RunAsync(sourceId, RunTrigger.Retry, RunMode.Incremental, cancellationToken);
}
