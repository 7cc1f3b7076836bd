using Dapper;
using Npgsql;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Runs left 'running' by a process that died or lost its database. Two things tell such a run: nobody holds its
/// source's advisory lock (the lock ends with its session), and its lease has run out (nobody renews it). A live run
/// holds its lock, so neither statement here ever touches one.
/// </summary>
public static class AbandonedRuns
{
    /// <summary>The advisory-lock namespace of source runs (the first key of pg_try_advisory_lock(int, int)).</summary>
    public const int SourceLockSpace = 0x494E44; // "IND"

    /// <summary>
    /// Marks the runs whose lease has run out and whose source nobody has locked; returns their ids. The source lock is
    /// tried only for those runs, and held only for this statement (a transaction-level lock), so a run starting at that
    /// very moment is at worst skipped as "already running" — and only when such a run exists.
    /// </summary>
    public static async Task<IReadOnlyList<long>> SweepAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            with expired as materialized (
                select id, source_id from ingestion_run
                where status = 'running' and (lease_until is null or lease_until < clock_timestamp())
            ), unlocked as materialized (
                -- A run whose source was deleted has no lock to test; its lease alone says.
                select id from expired where source_id is null or pg_try_advisory_xact_lock(@Space, source_id)
            )
            update ingestion_run r
            set status = 'failed', finished_at = clock_timestamp(), lease_until = null, message = @Message
            from unlocked u
            where r.id = u.id and r.status = 'running'
            returning r.id
            """;
        return (await connection.QueryAsync<long>(new CommandDefinition(sql,
            new { Space = SourceLockSpace, Message = RunFailure.Abandoned }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Marks every run of the source still 'running'. Only for the holder of the source's lock, who knows that any such
    /// run is not its own and has no live process (a run starting on a source the sweep has not reached yet).
    /// </summary>
    internal static Task<int> MarkOfLockedSourceAsync(NpgsqlConnection lockConnection, int sourceId, CancellationToken cancellationToken) =>
        lockConnection.ExecuteAsync(new CommandDefinition("""
            update ingestion_run set status = 'failed', finished_at = clock_timestamp(), lease_until = null, message = @Message
            where source_id = @SourceId and status = 'running'
            """, new { SourceId = sourceId, Message = RunFailure.Abandoned }, cancellationToken: cancellationToken));
}
