using Dapper;
using Indicators.Core.Observations;
using Npgsql;
using NpgsqlTypes;

namespace Indicators.Data.Observations;

/// <summary>An outcome as a source delivers it, with the indicator already resolved.</summary>
public sealed record IncomingObservation(int IndicatorId, string Period, string AreaId, Gender Gender, decimal? Value, ObservationStatus Status);

public sealed record MergeCounts(int Inserted, int Updated, int Unchanged, int Retracted)
{
    public int Total => Inserted + Updated + Unchanged + Retracted;
}

/// <summary>
/// Writes a run's outcomes in the caller's transaction: binary COPY into a staging table, then one statement
/// that inserts what is new, keeps the replaced value of what changed in observation_revision, and leaves
/// what is equal untouched. Running the same rows twice therefore changes nothing. Counted as a source delivered
/// them: a retraction is counted as retracted whether or not its outcome was stored before (one never stored is kept
/// as retracted, not counted as new), so new + changed + unchanged + retracted is what was delivered.
/// </summary>
public static class ObservationWriter
{
    public static async Task<MergeCounts> MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IEnumerable<IncomingObservation> rows, bool isDemo,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(CreateStagingSql, transaction: transaction, cancellationToken: cancellationToken));

        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy observation_staging (indicator_id, period, area_id, gender, value, status) from stdin (format binary)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(row.IndicatorId, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(row.Period, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.AreaId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Gender.ToCode(), NpgsqlDbType.Char, cancellationToken);
                if (row.Value is { } value)
                {
                    await importer.WriteAsync(value, NpgsqlDbType.Numeric, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }

                await importer.WriteAsync(row.Status.ToCode(), NpgsqlDbType.Text, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Built after the load (one sort) rather than kept up row by row; it fails on an outcome delivered twice.
        await connection.ExecuteAsync(new CommandDefinition(UniqueStagingSql, transaction: transaction, commandTimeout: MergeTimeoutSeconds, cancellationToken: cancellationToken));
        // A temp table has no statistics until analyzed; without them the merge is planned for a handful of rows.
        await connection.ExecuteAsync(new CommandDefinition("analyze observation_staging", transaction: transaction, commandTimeout: MergeTimeoutSeconds, cancellationToken: cancellationToken));
        var counts = await connection.QuerySingleAsync<(long Staged, long Inserted, long Updated, long Retracted)>(new CommandDefinition(
            MergeSql, new { RunId = runId, IsDemo = isDemo }, transaction, MergeTimeoutSeconds, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("drop table observation_staging", transaction: transaction, cancellationToken: cancellationToken));

        return new MergeCounts(
            (int)counts.Inserted, (int)counts.Updated, (int)(counts.Staged - counts.Inserted - counts.Updated - counts.Retracted), (int)counts.Retracted);
    }

    /// <summary>
    /// A million outcomes took close to a minute to merge on a busy 2-core machine (the ingestion benchmark), where
    /// Npgsql's default of 30 s failed the run. The limit is only there to stop a merge stuck behind a lock.
    /// </summary>
    const int MergeTimeoutSeconds = 15 * 60;

    const string CreateStagingSql = """
        create temp table observation_staging (
            indicator_id integer not null,
            period       text not null,
            area_id      text not null,
            gender       char(1) not null,
            value        numeric,
            status       text not null
        ) on commit drop
        """;

    // The unique index makes a source that delivers the same outcome twice fail loudly instead of guessing which one wins.
    const string UniqueStagingSql = """
        create unique index observation_staging_key on observation_staging (indicator_id, period, area_id, gender)
        """;

    const string MergeSql = """
        with changed as (
            select o.id, o.revision, o.value as old_value, o.status as old_status, o.run_id as old_run_id,
                   s.value, s.status
            from observation_staging s
            join observation o using (indicator_id, period, area_id, gender)
            where o.value is distinct from s.value or o.status <> s.status
        ),
        kept as (
            insert into observation_revision (observation_id, revision, value, status, run_id, replaced_by_run_id)
            select id, revision, old_value, old_status, old_run_id, @RunId from changed
        ),
        updated as (
            update observation o
            set value = c.value, status = c.status, run_id = @RunId, revision = o.revision + 1, updated_at = now()
            from changed c
            where o.id = c.id
            returning c.status
        ),
        inserted as (
            insert into observation (indicator_id, period, area_id, gender, value, status, run_id, is_demo)
            select s.indicator_id, s.period, s.area_id, s.gender, s.value, s.status, @RunId, @IsDemo
            from observation_staging s
            where not exists (
                select 1 from observation o
                where o.indicator_id = s.indicator_id and o.period = s.period and o.area_id = s.area_id and o.gender = s.gender)
            returning status
        )
        select (select count(*) from observation_staging) as staged,
               (select count(*) from inserted where status <> 'retracted') as inserted,
               (select count(*) from updated where status <> 'retracted') as updated,
               (select count(*) from updated where status = 'retracted') + (select count(*) from inserted where status = 'retracted') as retracted
        """;
}
