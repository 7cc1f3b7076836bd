using System.Text.Json;
using Dapper;
using Indicators.Data.Observations;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Runs a source: read it, resolve its rows, and write them with the run's counts in one transaction — all or nothing.
/// A source never runs twice at once, in this process or another: the run holds a PostgreSQL advisory lock on the source
/// for as long as it lasts, and the lock dies with the connection if the process does. While it runs, the run renews its
/// lease (<see cref="RunLeaseOptions"/>) so that other processes can tell when it has died; a failure is recorded with its
/// real cause, on a new connection when the lock connection has gone with the database.
/// </summary>
public sealed class IngestionRunner(
    NpgsqlDataSource dataSource, SourceQueries sources, IEnumerable<ISourceReader> readers, IOptions<RunLeaseOptions> leaseOptions,
    ILogger<IngestionRunner> logger)
{
    /// <summary>The most problems kept on a run; the counts still say how many there were.</summary>
    public const int MaxStoredProblems = 200;

    /// <summary>Runs the source; <paramref name="startedBy"/> is the user name of the person who started it, if one did.</summary>
    public async Task<RunResult> RunAsync(int sourceId, RunTrigger trigger, RunMode mode, CancellationToken cancellationToken, string? startedBy = null)
    {
        var lease = leaseOptions.Value;
        await using var lockConnection = dataSource.CreateConnection();
        try
        {
            await lockConnection.OpenAsync(cancellationToken);
            if (!await lockConnection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "select pg_try_advisory_lock(@Space, @SourceId)", new { Space = AbandonedRuns.SourceLockSpace, SourceId = sourceId }, cancellationToken: cancellationToken)))
            {
                logger.LogInformation("Source {SourceId} is already running; skipped", sourceId);
                return RunResult.AlreadyRunning(sourceId);
            }
        }
        catch (Exception e) when (DatabaseFaults.IsConnectionLoss(e))
        {
            throw new RunInterruptedException(RunFailure.CouldNotStart, e);
        }

        try
        {
            // Holding the lock, any run of this source still marked running belongs to a process that died mid-run.
            await AbandonedRuns.MarkOfLockedSourceAsync(lockConnection, sourceId, cancellationToken);

            var source = await sources.FindAsync(sourceId, cancellationToken)
                ?? throw new InvalidOperationException($"Source {sourceId} does not exist.");
            var lastSuccess = await lockConnection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(LastSuccessSql, new { SourceId = sourceId }, cancellationToken: cancellationToken));
            // A quarantined file stops only its own run: while other files wait, the next run starts at once. Each run
            // quarantines one more file, so this ends; the bound holds even if a quarantine could not be recorded.
            for (var quarantines = 1; ; quarantines++)
            {
                var runId = await lockConnection.ExecuteScalarAsync<long>(new CommandDefinition(StartSql,
                    new { SourceId = sourceId, Trigger = trigger.Text(), StartedBy = startedBy, lease.Lease }, cancellationToken: cancellationToken));
                try
                {
                    return await RunLockedAsync(source, runId, lockConnection, lastSuccess, mode, lease, cancellationToken);
                }
                catch (FileQuarantinedException e) when (quarantines < e.Quarantine.PendingFiles)
                {
                }
            }
        }
        catch (Exception e) when (e is not RunInterruptedException && DatabaseFaults.IsConnectionLoss(e))
        {
            // Before the run had a row of its own: nothing to record, nothing stored.
            throw new RunInterruptedException(RunFailure.CouldNotStart, e);
        }
        finally
        {
            await UnlockAsync(lockConnection, sourceId);
        }
    }

    /// <summary>The run itself, holding the source's lock, with its row written.</summary>
    async Task<RunResult> RunLockedAsync(
        SourceDefinition source, long runId, NpgsqlConnection lockConnection, DateTime? lastSuccess, RunMode mode, RunLeaseOptions lease,
        CancellationToken cancellationToken)
    {
        // Cancelled by the job's own token, or by the heartbeat when the lock connection (and with it the lock) is gone.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var progress = new RunProgressRecorder(lockConnection, runId, lease, running.Cancel, logger);
        var token = running.Token;
        // The HTTP pipeline records its retries on this run (RunContext); the change ends when this method returns.
        using var context = RunContext.Enter(progress);
        try
        {
            var reader = readers.FirstOrDefault(r => source.Kind.Is(r.Kind))
                ?? throw new SourceReadException($"Det finns ingen läsare för källtypen '{source.Kind}'.");
            var read = await reader.ReadAsync(source, mode,
                lastSuccess is { } last ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : null, progress.Reading, token);
            var indicators = await sources.IndicatorsOfAsync(source.Id, token);
            var (rows, unresolved) = RowResolver.Resolve(read.Rows, indicators, await sources.AreaIdsAsync(token));
            var rejected = read.Rejected.Concat(unresolved).ToList();
            var problems = read.Warnings.Select(p => Problem("varning", p)).Concat(rejected.Select(p => Problem("avvisad", p))).ToList();

            var rowsRead = read.Rows.Count + read.Rejected.Count;
            progress.Writing(rowsRead, 0);
            await using var connection = await dataSource.OpenConnectionAsync(token);
            await using var transaction = await connection.BeginTransactionAsync(token);
            var counts = await ObservationWriter.MergeAsync(connection, transaction, runId,
                ProgressCounting.Count(rows, done => progress.Writing(rowsRead, done)), source.IsDemo, token);
            if (read.OnCommit is { } onCommit)
            {
                await onCommit(connection, transaction, runId, token);
            }

            // Before the run's own row is updated in the data transaction: a progress write waiting on that row lock
            // while we wait for the progress loop would never end.
            await progress.StopAsync();
            token.ThrowIfCancellationRequested();
            var status = (read.Warnings.Count > 0 || rejected.Count > 0 ? RunState.SucceededWithWarnings : RunState.Succeeded).Text();
            var message = Summary(counts, rejected.Count, read.Warnings.Count);
            var finished = await connection.ExecuteAsync(new CommandDefinition(FinishSql, new
            {
                RunId = runId,
                Status = status,
                RowsRead = rowsRead,
                RowsDone = rows.Count,
                counts.Inserted,
                counts.Updated,
                counts.Unchanged,
                counts.Retracted,
                Rejected = rejected.Count,
                Message = message,
                Problems = JsonSerializer.Serialize(problems.Take(MaxStoredProblems)),
            }, transaction, cancellationToken: token));

            // The row is no longer running only when someone else marked it failed (its lock must have gone unnoticed):
            // then none of this may be stored.
            if (finished != 1)
            {
                throw new RunInterruptedException(RunFailure.DatabaseLost);
            }

            await transaction.CommitAsync(token);

            logger.LogInformation("Source {SourceId} run {RunId}: {Message}", source.Id, runId, message);
            return new RunResult(runId, status, counts, rejected.Count, read.Warnings.Concat(rejected).ToList(), message);
        }
        catch (Exception e)
        {
            // The data transaction has rolled back; the run row, written outside it, records why.
            await progress.StopAsync();
            var (message, databaseLost) = RunFailure.Of(e, progress.LockLost, cancellationToken);
            await RecordFailureAsync(lockConnection, runId, message, lease, cancellationToken);
            await FileQuarantine.TryRecordAsync(dataSource, e, runId, message, logger);
            if (RunFailure.IsExpected(e))
            {
                // A source that cannot be read is the source's news, not ours: the run says why, no stack trace needed.
                logger.LogWarning("Source {SourceId} run {RunId} failed: {Message}", source.Id, runId, message);
            }
            else
            {
                logger.LogWarning(e, "Source {SourceId} run {RunId} failed: {Message}", source.Id, runId, message);
            }

            if (databaseLost && e is not RunInterruptedException)
            {
                throw new RunInterruptedException(message, e);
            }

            throw;
        }
    }

    /// <summary>
    /// Marks the run failed: on the lock connection when it is still there (a source that failed), else on new
    /// connections, tried again while the database comes back, for up to <see cref="RunLeaseOptions.FailureRecordingTimeout"/>
    /// or until the process stops. Never throws: a failure it cannot record is left for the sweep, whose lease check
    /// sees the run as abandoned.
    /// </summary>
    async Task RecordFailureAsync(NpgsqlConnection lockConnection, long runId, string message, RunLeaseOptions lease, CancellationToken stopping)
    {
        if (IsOpen(lockConnection))
        {
            try
            {
                await MarkFailedAsync(lockConnection, runId, message);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                logger.LogInformation(e, "Run {RunId}: its failure could not be recorded on the lock connection; trying a new one", runId);
            }
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
                await MarkFailedAsync(connection, runId, message);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                if (waited.Elapsed + pause > lease.FailureRecordingTimeout || stopping.IsCancellationRequested)
                {
                    logger.LogError(e, "Run {RunId}: its failure could not be recorded; the sweep will mark it failed once its lease has run out", runId);
                    return;
                }
            }

            try
            {
                await Task.Delay(pause, stopping);
            }
            catch (OperationCanceledException)
            {
                logger.LogError("Run {RunId}: the process stopped before the run's failure could be recorded; the sweep will mark it failed", runId);
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
        }
    }

    /// <summary>
    /// Sets the run failed with the message — or, should PostgreSQL still refuse the message's text, with a fixed one.
    /// A run that another process already marked failed (the sweep) gets the real cause instead of the sweep's guess;
    /// a run that succeeded (a commit whose answer was lost with the connection) is left as it is.
    /// </summary>
    static async Task MarkFailedAsync(NpgsqlConnection connection, long runId, string message)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(FailSql, new { RunId = runId, Message = message }, cancellationToken: CancellationToken.None));
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(FailSql, new { RunId = runId, Message = RunFailure.Unrecordable }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>Gives the source's lock back; a broken lock connection has already lost it with its session.</summary>
    async Task UnlockAsync(NpgsqlConnection lockConnection, int sourceId)
    {
        if (!IsOpen(lockConnection))
        {
            return;
        }

        try
        {
            await lockConnection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_unlock(@Space, @SourceId)", new { Space = AbandonedRuns.SourceLockSpace, SourceId = sourceId }, cancellationToken: CancellationToken.None));
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The session, and the lock with it, ends when the broken connection is discarded.
            logger.LogInformation(e, "Could not release the lock of source {SourceId}; it ends with its session", sourceId);
        }
    }

    static bool IsOpen(NpgsqlConnection connection) => connection.FullState == System.Data.ConnectionState.Open;

    internal static object Problem(string kind, SourceProblem problem) => new
    {
        kind,
        row = problem.Row,
        column = problem.Column is { } column ? RunMessage.Sanitize(column, RunMessage.MaxProblemLength) : null,
        value = problem.Value is { } value ? RunMessage.Sanitize(value, FileQuarantine.MaxValueLength) : null,
        reason = RunMessage.Sanitize(problem.Reason, RunMessage.MaxProblemLength),
    };

    static string Summary(MergeCounts counts, int rejected, int warnings) =>
        new RunCounts(counts.Inserted, counts.Updated, counts.Unchanged, counts.Retracted, rejected, warnings).Text() + ".";

    const string LastSuccessSql = """
        select max(started_at) from ingestion_run
        where source_id = @SourceId and status in ('succeeded', 'succeeded_with_warnings')
        """;

    // Every run timestamp is clock_timestamp(), the moment of the statement: now() is the start of the transaction, and
    // the finish is written in the data transaction, which began before the (possibly long) merge.
    const string StartSql = """
        insert into ingestion_run (source_id, trigger, started_by, status, phase, started_at, progress_at, lease_until)
        select @SourceId, @Trigger, @StartedBy, 'running', 'läser', start.moment, start.moment, start.moment + @Lease
        from (select clock_timestamp() as moment) start
        returning id
        """;

    const string FinishSql = """
        update ingestion_run
        set status = @Status, phase = 'klar', progress_at = finish.moment, finished_at = finish.moment, lease_until = null,
            rows_read = @RowsRead, rows_done = @RowsDone, inserted = @Inserted, updated = @Updated, unchanged = @Unchanged,
            retracted = @Retracted, rejected = @Rejected, message = @Message, problems = @Problems::jsonb
        from (select clock_timestamp() as moment) finish
        where id = @RunId and status = 'running'
        """;

    const string FailSql = """
        update ingestion_run
        set status = 'failed', finished_at = coalesce(finished_at, clock_timestamp()), lease_until = null, message = @Message
        where id = @RunId and status in ('running', 'failed')
        """;
}
