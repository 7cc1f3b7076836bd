using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Writes a run's progress to its ingestion_run row while the run goes on, on the run's lock connection — outside the
/// data transaction, so other sessions see it at once. Reports only keep the latest value; a background loop writes it at
/// most once per <see cref="Interval"/> (the first report at once, the last one after the pause), so reporting per row or
/// per page costs nothing in round trips. Must be stopped before the run's own statements use the connection again.
/// </summary>
sealed class RunProgressRecorder : IAsyncDisposable
{
    /// <summary>The least time between two progress writes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    readonly NpgsqlConnection connection;
    readonly long runId;
    readonly ILogger logger;
    readonly SemaphoreSlim signal = new(0);
    readonly CancellationTokenSource stopping = new();
    readonly Lock gate = new();
    readonly Task loop;
    RunProgress current;
    int dirty;
    int stopped;

    public RunProgressRecorder(NpgsqlConnection connection, long runId, ILogger logger)
    {
        this.connection = connection;
        this.runId = runId;
        this.logger = logger;
        current = new RunProgress(RunPhase.Reading, 0, 0);
        loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>For the reader: rows read so far, in the reading phase.</summary>
    public IProgress<ReadProgress> Reading => new Callback<ReadProgress>(p => Update(c => c with { Phase = RunPhase.Reading, RowsRead = p.RowsRead }));

    /// <summary>The writing phase has begun; <paramref name="rowsRead"/> is the final count of rows read.</summary>
    public void Writing(int rowsRead, int rowsDone) => Update(c => c with { Phase = RunPhase.Writing, RowsRead = rowsRead, RowsDone = rowsDone });

    void Update(Func<RunProgress, RunProgress> change)
    {
        lock (gate)
        {
            current = change(current);
        }

        if (Interlocked.Exchange(ref dirty, 1) == 0)
        {
            signal.Release();
        }
    }

    /// <summary>Stops the loop after any write in flight; the connection is the caller's again afterwards.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
        signal.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    async Task WriteLoopAsync()
    {
        while (true)
        {
            try
            {
                await signal.WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Exchange(ref dirty, 0);
            RunProgress snapshot;
            lock (gate)
            {
                snapshot = current;
            }

            try
            {
                // Never cancelled half-way: the connection must be left idle for the runner's next statement.
                await connection.ExecuteAsync(new CommandDefinition(ProgressSql,
                    new { RunId = runId, snapshot.Phase, snapshot.RowsRead, snapshot.RowsDone }, cancellationToken: CancellationToken.None));
            }
            catch (NpgsqlException e)
            {
                // Progress is a courtesy to onlookers; the run itself decides success or failure.
                logger.LogWarning(e, "Could not record the progress of run {RunId}", runId);
            }

            try
            {
                await Task.Delay(Interval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    // Only a running run: a late write must never touch a run that has finished or been marked failed.
    const string ProgressSql = """
        update ingestion_run set phase = @Phase, rows_read = @RowsRead, rows_done = @RowsDone, progress_at = now()
        where id = @RunId and status = 'running'
        """;
}
