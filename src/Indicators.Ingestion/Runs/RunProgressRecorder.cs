using System.Data;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Writes a run's progress and renews its lease on its ingestion_run row while the run goes on, on the run's lock
/// connection — outside the data transaction, so other sessions see it at once. Reports only keep the latest value; a
/// background loop writes it at most once per <see cref="Interval"/> (the first report at once, the last one after the
/// pause), so reporting per row or per page costs nothing in round trips. Without progress the loop still renews the
/// lease every <see cref="RunLeaseOptions.HeartbeatInterval"/> (the heartbeat). When the lock connection is found
/// broken, the source's advisory lock has gone with its session: the loop says so (<see cref="LockLost"/>) and calls
/// <c>lockLost</c>, so the run stops instead of writing without its lock. Must be stopped before the run's own
/// statements use the connection again. The run's events (<see cref="RunEvent"/>: HTTP retries) go the same way, into
/// ingestion_run_event, in the same writes; the ones still queued are written when the recorder stops.
/// </summary>
sealed class RunProgressRecorder : IAsyncDisposable, IRunEvents
{
    /// <summary>The most events kept on a run: a run retries a few times per call; a flood says enough at this length.</summary>
    public const int MaxEvents = 200;

    /// <summary>The least time between two progress writes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    readonly NpgsqlConnection connection;
    readonly long runId;
    readonly RunLeaseOptions lease;
    readonly Action lockLost;
    readonly ILogger logger;
    readonly SemaphoreSlim signal = new(0);
    readonly CancellationTokenSource stopping = new();
    readonly Lock gate = new();
    readonly Task loop;
    readonly System.Collections.Concurrent.ConcurrentQueue<RunEvent> events = new();
    RunProgress current;
    int eventCount;
    int dirty;
    int stopped;
    volatile bool lost;

    public RunProgressRecorder(NpgsqlConnection connection, long runId, RunLeaseOptions lease, Action lockLost, ILogger logger)
    {
        this.connection = connection;
        this.runId = runId;
        this.lease = lease;
        this.lockLost = lockLost;
        this.logger = logger;
        current = new RunProgress(RunPhase.Reading, 0, 0);
        loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>True once a write found the lock connection broken: the run no longer holds its source's lock.</summary>
    public bool LockLost => lost;

    /// <summary>For the reader: rows read so far, in the reading phase.</summary>
    public IProgress<ReadProgress> Reading => new Callback<ReadProgress>(p => Update(c => c with { Phase = RunPhase.Reading, RowsRead = p.RowsRead }));

    /// <summary>The writing phase has begun; <paramref name="rowsRead"/> is the final count of rows read.</summary>
    public void Writing(int rowsRead, int rowsDone) => Update(c => c with { Phase = RunPhase.Writing, RowsRead = rowsRead, RowsDone = rowsDone });

    /// <summary>Queues an event for the next write; past <see cref="MaxEvents"/> they are dropped.</summary>
    public void Record(RunEvent runEvent)
    {
        if (Interlocked.Increment(ref eventCount) <= MaxEvents)
        {
            events.Enqueue(runEvent);
            Update(c => c);
        }
    }

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
        if (!events.IsEmpty && !lost && connection.FullState == ConnectionState.Open)
        {
            try
            {
                await WriteEventsAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not record the events of run {RunId}", runId);
            }
        }
    }

    /// <summary>Writes the queued events, oldest first, in one statement.</summary>
    async Task WriteEventsAsync()
    {
        var batch = new List<RunEvent>();
        while (events.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        if (batch.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(EventSql, new
        {
            RunId = runId,
            Statuses = batch.Select(e => e.HttpStatus).ToArray(),
            Attempts = batch.Select(e => e.Attempt).ToArray(),
            Waits = batch.Select(e => (int)Math.Min(int.MaxValue, Math.Max(0, e.Wait.TotalMilliseconds))).ToArray(),
            Messages = batch.Select(e => RunMessage.Sanitize(e.Message, RunMessage.MaxProblemLength)).ToArray(),
        }, cancellationToken: CancellationToken.None));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    async Task WriteLoopAsync()
    {
        while (true)
        {
            bool progressed;
            try
            {
                progressed = await signal.WaitAsync(lease.HeartbeatInterval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!await WriteAsync(progressed))
            {
                return;
            }

            try
            {
                if (progressed)
                {
                    await Task.Delay(Interval, stopping.Token);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Writes the progress (or only the lease); false when the lock connection is gone and the loop must end.</summary>
    async Task<bool> WriteAsync(bool progressed)
    {
        try
        {
            // Never cancelled half-way: the connection must be left idle for the runner's next statement.
            if (progressed)
            {
                Interlocked.Exchange(ref dirty, 0);
                await WriteEventsAsync();
                RunProgress snapshot;
                lock (gate)
                {
                    snapshot = current;
                }

                await connection.ExecuteAsync(new CommandDefinition(ProgressSql,
                    new { RunId = runId, snapshot.Phase, snapshot.RowsRead, snapshot.RowsDone, lease.Lease }, cancellationToken: CancellationToken.None));
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition(HeartbeatSql, new { RunId = runId, lease.Lease }, cancellationToken: CancellationToken.None));
            }

            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            if (connection.FullState.HasFlag(ConnectionState.Open) && !connection.FullState.HasFlag(ConnectionState.Broken))
            {
                // Progress is a courtesy to onlookers, and the lock (not the lease) is what keeps others off a live run.
                logger.LogWarning(e, "Could not record the progress of run {RunId}", runId);
                return true;
            }

            lost = true;
            logger.LogWarning(e, "Run {RunId} lost its lock connection; stopping it", runId);
            lockLost();
            return false;
        }
    }

    sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    // Only a running run: a late write must never touch a run that has finished or been marked failed.
    // clock_timestamp(), not now(): the moment of the write, whatever transaction it may be in.
    const string ProgressSql = """
        update ingestion_run
        set phase = @Phase, rows_read = @RowsRead, rows_done = @RowsDone, progress_at = clock_timestamp(), lease_until = clock_timestamp() + @Lease
        where id = @RunId and status = 'running'
        """;

    // One row per event, in the order met; an array per column keeps it one round trip.
    const string EventSql = """
        insert into ingestion_run_event (run_id, kind, http_status, attempt, wait_ms, message)
        select @RunId, 'retry', e.status, e.attempt, e.wait_ms, e.message
        from unnest(@Statuses::integer[], @Attempts::integer[], @Waits::integer[], @Messages::text[]) with ordinality as e(status, attempt, wait_ms, message, n)
        order by e.n
        """;

    const string HeartbeatSql = """
        update ingestion_run set lease_until = clock_timestamp() + @Lease where id = @RunId and status = 'running'
        """;
}
