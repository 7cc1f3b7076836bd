using System.Text.Json;
using Dapper;
using Indicators.Data.Observations;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Runs a source: read it, resolve its rows, and write them with the run's counts in one transaction — all or nothing.
/// A source never runs twice at once, in this process or another: the run holds a PostgreSQL advisory lock on the source
/// for as long as it lasts, and the lock dies with the connection if the process does.
/// </summary>
public sealed class IngestionRunner(
    NpgsqlDataSource dataSource, SourceStore sources, IEnumerable<ISourceReader> readers, ILogger<IngestionRunner> logger)
{
    /// <summary>The advisory-lock namespace of source runs (the first key of pg_try_advisory_lock(int, int)).</summary>
    const int SourceLockSpace = 0x494E44; // "IND"

    /// <summary>The most problems kept on a run; the counts still say how many there were.</summary>
    public const int MaxStoredProblems = 200;

    public async Task<RunResult> RunAsync(int sourceId, RunTrigger trigger, RunMode mode, CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await lockConnection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select pg_try_advisory_lock(@Space, @SourceId)", new { Space = SourceLockSpace, SourceId = sourceId }, cancellationToken: cancellationToken)))
        {
            logger.LogInformation("Source {SourceId} is already running; skipped", sourceId);
            return RunResult.AlreadyRunning(sourceId);
        }

        // Holding the lock, any run of this source still marked running belongs to a process that died mid-run.
        await lockConnection.ExecuteAsync(new CommandDefinition(AbandonedSql, new { SourceId = sourceId }, cancellationToken: cancellationToken));

        var source = await sources.FindAsync(sourceId, cancellationToken)
            ?? throw new InvalidOperationException($"Source {sourceId} does not exist.");
        var lastSuccess = await lockConnection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(LastSuccessSql, new { SourceId = sourceId }, cancellationToken: cancellationToken));
        var runId = await lockConnection.ExecuteScalarAsync<long>(new CommandDefinition(StartSql,
            new { SourceId = sourceId, Trigger = trigger.ToString().ToLowerInvariant() }, cancellationToken: cancellationToken));

        await using var progress = new RunProgressRecorder(lockConnection, runId, logger);
        try
        {
            var reader = readers.FirstOrDefault(r => r.Kind == source.Kind)
                ?? throw new SourceReadException($"Det finns ingen läsare för källtypen '{source.Kind}'.");
            var read = await reader.ReadAsync(source, mode,
                lastSuccess is { } last ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : null, progress.Reading, cancellationToken);
            var indicators = await sources.IndicatorsOfAsync(sourceId, cancellationToken);
            var (rows, unresolved) = RowResolver.Resolve(read.Rows, indicators, await sources.AreaIdsAsync(cancellationToken));
            var rejected = read.Rejected.Concat(unresolved).ToList();
            var problems = read.Warnings.Select(p => Problem("varning", p)).Concat(rejected.Select(p => Problem("avvisad", p))).ToList();

            var rowsRead = read.Rows.Count + read.Rejected.Count;
            progress.Writing(rowsRead, 0);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var counts = await ObservationWriter.MergeAsync(connection, transaction, runId,
                ProgressCounting.Count(rows, done => progress.Writing(rowsRead, done)), source.IsDemo, cancellationToken);
            if (read.OnCommit is { } onCommit)
            {
                await onCommit(connection, transaction, runId, cancellationToken);
            }

            // Before the run's own row is updated in the data transaction: a progress write waiting on that row lock
            // while we wait for the progress loop would never end.
            await progress.StopAsync();
            var status = read.Warnings.Count > 0 || rejected.Count > 0 ? "succeeded_with_warnings" : "succeeded";
            var message = Summary(counts, rejected.Count, read.Warnings.Count);
            await connection.ExecuteAsync(new CommandDefinition(FinishSql, new
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
            }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation("Source {SourceId} run {RunId}: {Message}", sourceId, runId, message);
            return new RunResult(runId, status, counts, rejected.Count, read.Warnings.Concat(rejected).ToList(), message);
        }
        catch (Exception e)
        {
            // The data transaction has rolled back; the run row, written outside it, records why.
            await progress.StopAsync();
            var message = e is SourceReadException ? e.Message : $"Körningen misslyckades: {e.GetType().Name}: {e.Message}";
            await lockConnection.ExecuteAsync(new CommandDefinition(FailSql, new { RunId = runId, Message = message }, cancellationToken: CancellationToken.None));
            logger.LogWarning(e, "Source {SourceId} run {RunId} failed", sourceId, runId);
            throw;
        }
        finally
        {
            await lockConnection.ExecuteAsync(new CommandDefinition(
                "select pg_advisory_unlock(@Space, @SourceId)", new { Space = SourceLockSpace, SourceId = sourceId }, cancellationToken: CancellationToken.None));
        }
    }

    static object Problem(string kind, SourceProblem problem) =>
        new { kind, row = problem.Row, column = problem.Column, reason = problem.Reason };

    static string Summary(MergeCounts counts, int rejected, int warnings) =>
        $"{counts.Inserted} nya, {counts.Updated} ändrade, {counts.Unchanged} oförändrade, {counts.Retracted} återkallade, {rejected} avvisade"
        + (warnings > 0 ? $", {warnings} varningar" : "") + ".";

    const string AbandonedSql = """
        update ingestion_run
        set status = 'failed', finished_at = now(), message = 'Körningen avbröts innan den blev klar (processen stoppades). Inget av den sparades.'
        where source_id = @SourceId and status = 'running'
        """;

    const string LastSuccessSql = """
        select max(started_at) from ingestion_run
        where source_id = @SourceId and status in ('succeeded', 'succeeded_with_warnings')
        """;

    const string StartSql = """
        insert into ingestion_run (source_id, trigger, status, phase, progress_at)
        values (@SourceId, @Trigger, 'running', 'läser', now()) returning id
        """;

    const string FinishSql = """
        update ingestion_run
        set status = @Status, phase = 'klar', progress_at = now(), finished_at = now(), rows_read = @RowsRead, rows_done = @RowsDone, inserted = @Inserted,
            updated = @Updated, unchanged = @Unchanged, retracted = @Retracted, rejected = @Rejected, message = @Message,
            problems = @Problems::jsonb
        where id = @RunId
        """;

    const string FailSql = """
        update ingestion_run set status = 'failed', finished_at = now(), message = @Message where id = @RunId
        """;
}
