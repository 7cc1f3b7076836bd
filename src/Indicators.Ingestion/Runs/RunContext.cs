namespace Indicators.Ingestion.Runs;

/// <summary>
/// Something a run met on its way that its counts do not tell: an HTTP call answered 429 or 5xx, or not at all, and
/// retried after <see cref="Wait"/>. <see cref="HttpStatus"/> is null when there was no answer (a timeout, a refused
/// connection); <see cref="Attempt"/> is the attempt that failed (1 = the first call).
/// </summary>
public sealed record RunEvent(int? HttpStatus, int Attempt, TimeSpan Wait, string Message);

/// <summary>Where the events of the run in progress go (the run's progress recorder writes them on its row's connection).</summary>
public interface IRunEvents
{
    void Record(RunEvent runEvent);
}

/// <summary>
/// The run the current code works for. The HTTP pipeline knows nothing of runs, yet its retries belong on the run's
/// page: the runner sets <see cref="Current"/> around the read, and an AsyncLocal carries it down every await into the
/// pipeline's callbacks. Outside a run (a preview, a KPI search) it is null and nothing is recorded.
/// </summary>
public static class RunContext
{
    static readonly AsyncLocal<IRunEvents?> current = new();

    public static IRunEvents? Current => current.Value;

    /// <summary>
    /// Makes <paramref name="events"/> the current run's for the caller's async flow. Called inside an async method, the
    /// change ends when that method returns; <see cref="Scope.Dispose"/> ends it earlier.
    /// </summary>
    public static Scope Enter(IRunEvents events)
    {
        var before = current.Value;
        current.Value = events;
        return new Scope(before);
    }

    public readonly struct Scope(IRunEvents? before) : IDisposable
    {
        public void Dispose() => current.Value = before;
    }
}
