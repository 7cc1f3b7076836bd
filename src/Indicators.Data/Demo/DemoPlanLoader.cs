using Dapper;
using Indicators.Data.Migrations;
using Indicators.Data.Observations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Data.Demo;

/// <summary>
/// Loads the demo plans (Region Västernorrland, Regionplan 2025–2027; Region Västerbotten, Regionplan 2024–2027) and
/// their example outcomes into an empty database, once: all in one transaction, under a lock, and remembered in app_setting so that deleting the
/// plan later does not bring it back.
/// </summary>
public sealed class DemoPlanLoader(NpgsqlDataSource dataSource, ILogger<DemoPlanLoader> logger)
{
    const string LoadedSetting = "demo_plan_loaded_at";
    const long LockKey = 0x1D1CA7026;

    /// <summary>The demo's SQL, in the order it runs: the regionplan first, then what a nämnd builds on it.</summary>
    static readonly string[] PlanFiles =
    [
        "demo-plan.sql",
        "demo-committee-plans.sql",
        "demo-assignments.sql",
        "demo-action-plans.sql",
        "demo-proposal.sql",
        "demo-vasterbotten.sql",
        "demo-vasterbotten-follow-up.sql",
    ];

    /// <summary>The example outcomes, each file with the organisation (area id) whose indicator codes it uses.</summary>
    static readonly (string File, string Organisation)[] OutcomeFiles =
    [
        ("outcomes.csv", "0022"),
        ("outcomes-revised.csv", "0022"),
        ("outcomes-vasterbotten.csv", "0024"),
    ];

    /// <returns>True when the demo plan was loaded now.</returns>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction, cancellationToken: cancellationToken));

        var alreadyUsed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from app_setting where key = @LoadedSetting) or exists (select 1 from plan)",
            new { LoadedSetting }, transaction, cancellationToken: cancellationToken));
        if (alreadyUsed)
        {
            return false;
        }

        var assembly = typeof(DemoPlanLoader).Assembly;
        foreach (var file in PlanFiles)
        {
            await using var plan = new NpgsqlCommand(MigrationScript.ReadResource(assembly, $"sql/demo/{file}"), connection, transaction);
            await plan.ExecuteNonQueryAsync(cancellationToken);
        }

        // Two deliveries for Region Västernorrland, as a source would send them: the second revises a few values, so revision
        // history shows. Then Region Västerbotten's (seed 001). Each file's codes are its organisation's indicators: the
        // two organisations have indicators with the same codes.
        foreach (var (file, organisation) in OutcomeFiles)
        {
            var indicatorIds = (await connection.QueryAsync<(string Code, int Id)>(new CommandDefinition(
                "select code, id from indicator where area_id = @Organisation", new { Organisation = organisation },
                transaction, cancellationToken: cancellationToken)))
                .ToDictionary(x => x.Code, x => x.Id);
            var rows = DemoOutcomesCsv.Parse(file, MigrationScript.ReadResource(assembly, $"sql/demo/{file}"));
            var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "insert into ingestion_run (trigger, status, message, started_at) values ('demo', 'running', @Message, clock_timestamp()) returning id",
                new { Message = $"Demodata: {file}" }, transaction, cancellationToken: cancellationToken));
            var counts = await ObservationWriter.MergeAsync(connection, transaction, runId, rows.Select(r => new IncomingObservation(
                indicatorIds.TryGetValue(r.IndicatorCode, out var id)
                    ? id
                    : throw new FormatException($"{file}: okänd indikator '{r.IndicatorCode}'."),
                r.Period, r.AreaId, r.Gender, r.Value, r.Status)), isDemo: true, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(FinishRunSql, new
            {
                RunId = runId,
                Read = rows.Count,
                counts.Inserted,
                counts.Updated,
                counts.Unchanged,
                counts.Retracted,
            }, transaction, cancellationToken: cancellationToken));
            logger.LogInformation("Demo plan: {File} gave {Inserted} new and {Updated} revised outcomes", file, counts.Inserted, counts.Updated);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "insert into app_setting (key, value) values (@LoadedSetting, now()::text)", new { LoadedSetting }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded the demo plan");
        return true;
    }

    const string FinishRunSql = """
        update ingestion_run
        set status = 'succeeded', finished_at = clock_timestamp(), rows_read = @Read, rows_done = @Read,
            inserted = @Inserted, updated = @Updated, unchanged = @Unchanged, retracted = @Retracted
        where id = @RunId
        """;
}
