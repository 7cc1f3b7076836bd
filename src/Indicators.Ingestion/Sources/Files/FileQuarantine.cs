using System.Text.Json;
using Dapper;
using Indicators.Ingestion.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// A file over its mapping's rejected-share rule: its run fails naming it, and the runner records the quarantine
/// (<see cref="FileQuarantine.TryRecordAsync"/>) outside the run's data transaction, so that later runs skip the file and read the others.
/// <see cref="Read"/> is everything the run read, this file's approved rows included, for a preview to show.
/// </summary>
public sealed class FileQuarantinedException(string message, FileQuarantine quarantine, SourceReadResult read) : SourceReadException(message)
{
    public FileQuarantine Quarantine { get; } = quarantine;

    public SourceReadResult Read { get; } = read;
}

/// <summary>
/// The quarantine of one file, to be recorded on its row: an upload's own (<see cref="FileId"/>), or a new row for a folder
/// file (known by its hash). <see cref="Rejected"/> holds every rejected row with its line, column, value and reason;
/// <see cref="PendingFiles"/> is how many files the run had to read, this one included.
/// </summary>
public sealed record FileQuarantine(
    int SourceId, long? FileId, string FileName, byte[] Sha256, long Size, DateTime LastWrite, int RowsRead,
    IReadOnlyList<SourceProblem> Rejected, IReadOnlyList<int> IndicatorIds, int PendingFiles)
{
    /// <summary>
    /// For the runner, after it has marked the run failed: records the quarantine, or logs why it could not (the next run
    /// then meets the file again and quarantines it then). Never throws.
    /// </summary>
    public static async Task TryRecordAsync(NpgsqlDataSource dataSource, Exception failure, long runId, string message, ILogger logger)
    {
        if (failure is not FileQuarantinedException { Quarantine: { } quarantine })
        {
            return;
        }

        try
        {
            await quarantine.RecordAsync(dataSource, runId, message, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Run {RunId}: the quarantine of '{File}' could not be recorded; the next run meets it again", runId, quarantine.FileName);
        }
    }

    /// <summary>
    /// Records the quarantine on the file's row and the rejected rows on the failed run (so its counts and its list agree),
    /// in one transaction of its own. The failed run has stored nothing; <paramref name="runId"/> is that run.
    /// </summary>
    public async Task RecordAsync(NpgsqlDataSource dataSource, long runId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var rows = JsonSerializer.Serialize(Rejected.Select(p => new
        {
            row = p.Row,
            column = p.Column is { } column ? RunMessage.Sanitize(column, RunMessage.MaxProblemLength) : null,
            value = p.Value is { } value ? RunMessage.Sanitize(value, MaxValueLength) : null,
            reason = RunMessage.Sanitize(p.Reason, RunMessage.MaxProblemLength),
        }));
        var problems = JsonSerializer.Serialize(Rejected.Take(IngestionRunner.MaxStoredProblems).Select(p => IngestionRunner.Problem("avvisad", p)));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new
        {
            SourceId, FileId, Name = FileName, Sha256, Size, LastWrite, RunId = runId, Reason = RunMessage.Sanitize(reason), Rows = rows,
            RowsRead, Ids = IndicatorIds.ToArray(), Rejected = Rejected.Count, Problems = problems,
        };
        if (FileId is null)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                insert into source_file (source_id, origin, file_name, sha256, size, uploaded_at,
                                         quarantined_at, quarantine_run_id, quarantine_reason, rejected_rows, rows_read, indicator_ids)
                values (@SourceId, 'folder', @Name, @Sha256, @Size, @LastWrite, clock_timestamp(), @RunId, @Reason, @Rows::jsonb, @RowsRead, @Ids)
                """, parameters, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                update source_file
                set quarantined_at = clock_timestamp(), quarantine_run_id = @RunId, quarantine_reason = @Reason,
                    rejected_rows = @Rows::jsonb, rows_read = @RowsRead, indicator_ids = @Ids, read_anyway_at = null, read_anyway_by = null
                where id = @FileId and source_id = @SourceId and ingested_at is null and discarded_at is null
                """, parameters, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            update ingestion_run set rows_read = @RowsRead, rejected = @Rejected, problems = @Problems::jsonb
            where id = @RunId and status = 'failed'
            """, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The longest cell value kept with a rejected row.</summary>
    public const int MaxValueLength = 200;
}
