namespace Indicators.Ingestion.Runs;

/// <summary>
/// A run stopped because its database connection went away (a restart, a terminated session, a lost lock session),
/// not because of its source. The run has been recorded failed with <see cref="Exception.Message"/>; running it again
/// later is expected to work, so the Hangfire jobs retry on this exception (see SourceJobs).
/// </summary>
public sealed class RunInterruptedException(string message, Exception? inner = null) : Exception(message, inner);
