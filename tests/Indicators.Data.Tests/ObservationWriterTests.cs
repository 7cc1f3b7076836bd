using Dapper;
using Indicators.Core.Observations;
using Indicators.Data.Observations;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

public class ObservationWriterTests : IAsyncLifetime
{
    NpgsqlDataSource dataSource = default!;
    int indicatorId;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();
        indicatorId = await connection.ExecuteScalarAsync<int>("""
            insert into area (id, name, short_name, kind) values ('0022', 'Region Västernorrland', 'Västernorrland', 'region') on conflict (id) do nothing;
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
                values ('0022', 'N79173', 'Medicinsk bedömning', '%', 'higher', 'year', '0022') returning id;
            """);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    IncomingObservation Row(string period, decimal? value, Gender gender = Gender.T, ObservationStatus status = ObservationStatus.Ok) =>
        new(indicatorId, period, "0022", gender, value, status);

    async Task<MergeCounts> Merge(params IncomingObservation[] rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var runId = await connection.ExecuteScalarAsync<long>(
            "insert into ingestion_run (trigger, status) values ('manual', 'running') returning id", transaction: transaction);
        var counts = await ObservationWriter.MergeAsync(connection, transaction, runId, rows, isDemo: false, CancellationToken.None);
        await transaction.CommitAsync();
        return counts;
    }

    [Fact]
    public async Task Writing_the_same_rows_twice_changes_nothing_the_second_time()
    {
        IncomingObservation[] rows = [Row("2023", 70.1m), Row("2024", 71.2m), Row("2024", 73.0m, Gender.K), Row("2022", null, status: ObservationStatus.Missing)];

        var first = await Merge(rows);
        var second = await Merge(rows);

        Assert.Equal(new MergeCounts(4, 0, 0, 0), first);
        Assert.Equal(new MergeCounts(0, 0, 4, 0), second);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from observation_revision"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select max(revision) from observation"));
    }

    [Fact]
    public async Task A_changed_value_keeps_the_one_it_replaced_with_both_runs()
    {
        await Merge(Row("2024", 71.2m));

        var counts = await Merge(Row("2024", 72.0m), Row("2025", 74m));

        Assert.Equal(new MergeCounts(1, 1, 0, 0), counts);
        await using var connection = await dataSource.OpenConnectionAsync();
        var history = await connection.QuerySingleAsync<(decimal Old, long OldRun, long ReplacedBy, decimal Now, long NowRun)>("""
            select r.value, r.run_id, r.replaced_by_run_id, o.value, o.run_id
            from observation_revision r join observation o on o.id = r.observation_id
            """);
        Assert.Equal(71.2m, history.Old);
        Assert.Equal(72.0m, history.Now);
        Assert.Equal(history.ReplacedBy, history.NowRun);
        Assert.NotEqual(history.OldRun, history.NowRun);
    }

    [Fact]
    public async Task A_numerically_equal_value_is_unchanged()
    {
        await Merge(Row("2024", 80m));

        Assert.Equal(new MergeCounts(0, 0, 1, 0), await Merge(Row("2024", 80.00m)));
    }

    [Fact]
    public async Task A_retraction_is_counted_apart_and_keeps_the_withdrawn_value()
    {
        await Merge(Row("2024", 71.2m));

        var counts = await Merge(Row("2024", null, status: ObservationStatus.Retracted));

        Assert.Equal(new MergeCounts(0, 0, 0, 1), counts);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(71.2m, await connection.ExecuteScalarAsync<decimal>("select value from observation_revision"));
        Assert.Equal("retracted", await connection.ExecuteScalarAsync<string>("select status from observation"));
    }

    [Fact]
    public async Task A_first_delivery_with_retractions_counts_them_as_retracted_not_as_new()
    {
        // Issue 18: 1 191 values and 19 retractions showed "1 210 nya … 0 återkallade". In small: 2 values, 1 retraction.
        var counts = await Merge(Row("2023", 70.1m), Row("2024", 71.2m), Row("2022", null, status: ObservationStatus.Retracted));

        Assert.Equal(new MergeCounts(2, 0, 0, 1), counts);
        Assert.Equal(new MergeCounts(0, 0, 3, 0), await Merge(Row("2023", 70.1m), Row("2024", 71.2m), Row("2022", null, status: ObservationStatus.Retracted)));
    }

    [Fact]
    public async Task The_same_outcome_twice_in_one_delivery_fails_and_writes_nothing()
    {
        await Assert.ThrowsAsync<PostgresException>(() => Merge(Row("2024", 71.2m), Row("2024", 72m)));

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from observation"));
    }
}
