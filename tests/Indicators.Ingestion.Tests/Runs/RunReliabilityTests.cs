using Indicators.TestSupport;
using Dapper;
using Indicators.Ingestion.Runs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>What a run shows while it runs, and what is left when it is interrupted half-way.</summary>
public class RunReliabilityTests
{
    /// <summary>The run's row as an onlooker sees it.</summary>
    sealed record RunRow(string Status, string Phase, int RowsRead, int RowsDone);

    const string RunRowSql = """
        select status as Status, phase as Phase, rows_read as RowsRead, rows_done as RowsDone from ingestion_run order by id desc limit 1
        """;

    [Fact]
    public async Task While_a_run_waits_for_a_page_another_connection_sees_it_reading_with_the_rows_read_so_far()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var secondPage = new ManualResetEventSlim();
        await using var stub = await TwoPagesAsync(secondPage);
        await using var services = Services(connectionString, stub);
        await using var onlooker = new NpgsqlConnection(connectionString);

        var run = services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        RunRow? seen = null;
        try
        {
            await WaitUntilAsync(async () => (seen = await onlooker.QuerySingleOrDefaultAsync<RunRow>(RunRowSql)) is { RowsRead: > 0 },
                "the running run to show the rows of its first page");
        }
        finally
        {
            secondPage.Set();
        }

        var result = await run;
        Assert.Equal(new RunRow("running", "läser", 3, 0), seen);
        Assert.Equal("succeeded", result.Status);
        Assert.Equal(new RunRow("succeeded", "klar", 4, 4), await onlooker.QuerySingleAsync<RunRow>(RunRowSql));
    }

    [Fact]
    public async Task A_run_whose_connection_is_terminated_during_the_merge_stores_nothing_shows_where_it_stopped_and_the_next_run_stores_it_all()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        var answer = KoladaPage(55.0m, 60.0m);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        await using var services = Services(connectionString, stub);
        var runner = services.GetRequiredService<IngestionRunner>();
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        await using var onlooker = new NpgsqlConnection(connectionString);
        var before = await ObservationsAsync(onlooker);

        // A session holding a share lock on observation stops the run's merge right after its COPY: the run is then
        // mid-write, with its rows staged in its transaction, when its connection is killed.
        answer = KoladaPage(57.5m, 61.0m);
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using (var hold = await blocker.BeginTransactionAsync())
        {
            await blocker.ExecuteAsync("lock table observation in share mode", transaction: hold);
            var run = runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
            int? waiting = null;
            await WaitUntilAsync(async () =>
                await onlooker.QuerySingleAsync<RunRow>(RunRowSql) == new RunRow("running", "skriver", 3, 3)
                && (waiting = await onlooker.ExecuteScalarAsync<int?>(
                    "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) is not null,
                "the run to write its rows and wait for the lock");

            await onlooker.ExecuteAsync("select pg_terminate_backend(@Pid)", new { Pid = waiting });
            await Assert.ThrowsAsync<RunInterruptedException>(() => run);
            await hold.RollbackAsync();
        }

        Assert.Equal(before, await ObservationsAsync(onlooker));
        Assert.Equal(0, await onlooker.ExecuteScalarAsync<int>("select count(*) from observation_revision"));
        Assert.Equal(("failed", "skriver", DatabaseLostMessage), await onlooker.QuerySingleAsync<(string Status, string Phase, string Message)>(
            "select status, phase, message from ingestion_run order by id desc limit 1"));

        var again = await runner.RunAsync(sourceId, RunTrigger.Retry, RunMode.FullRefresh, CancellationToken.None);
        Assert.Equal((0, 2, 1), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
        Assert.Equal(57.5m, await onlooker.ExecuteScalarAsync<decimal>("select value from observation where area_id = '0022' and gender = 'T'"));
    }

    /// <summary>What a database restart does to a run: every session it has is ended (57P01), the lock's as well as the write's.</summary>
    const string TerminateOthersSql = """
        select count(pg_terminate_backend(pid)) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and pid <> all(@Spared)
        """;

    const string DatabaseLostMessage =
        "Körningen avbröts: förbindelsen med databasen bröts (databasen startades om eller stängde anslutningen). Inget av körningen sparades.";

    [Fact]
    public async Task A_run_whose_every_database_session_is_ended_during_the_merge_is_recorded_failed_with_that_cause_on_a_new_connection()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        var answer = KoladaPage(55.0m, 60.0m);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        await using var services = Services(connectionString, stub);
        var runner = services.GetRequiredService<IngestionRunner>();
        await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        await using var onlooker = new NpgsqlConnection(connectionString);
        await onlooker.OpenAsync();
        var before = await ObservationsAsync(onlooker);

        answer = KoladaPage(57.5m, 61.0m);
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        Task<RunResult> run;
        await using (var hold = await blocker.BeginTransactionAsync())
        {
            await blocker.ExecuteAsync("lock table observation in share mode", transaction: hold);
            run = runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
            await WaitUntilAsync(async () => await onlooker.QuerySingleAsync<RunRow>(RunRowSql) == new RunRow("running", "skriver", 3, 3)
                    && await onlooker.ExecuteScalarAsync<bool>(
                        "select exists (select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock')"),
                "the run to write its rows and wait for the lock");
            Assert.True(await onlooker.ExecuteScalarAsync<long>(TerminateOthersSql, new { Spared = new[] { blocker.ProcessID } }) >= 2);
            await hold.RollbackAsync();
        }

        var failure = await Assert.ThrowsAsync<RunInterruptedException>(() => run);
        Assert.Equal(DatabaseLostMessage, failure.Message);
        var failed = await onlooker.QuerySingleAsync<(string Status, string Phase, string Message)>(
            "select status, phase, message from ingestion_run order by id desc limit 1");
        Assert.Equal(("failed", "skriver", DatabaseLostMessage), failed);
        Assert.Equal(before, await ObservationsAsync(onlooker));
        var again = await runner.RunAsync(sourceId, RunTrigger.Retry, RunMode.FullRefresh, CancellationToken.None);
        Assert.Equal(("succeeded", 2, 1), (again.Status, again.Counts.Updated, again.Counts.Unchanged));
    }

    [Fact]
    public async Task A_run_whose_lock_session_is_ended_while_it_reads_stops_without_writing_instead_of_running_on_unlocked()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var secondPage = new ManualResetEventSlim();
        await using var stub = await TwoPagesAsync(secondPage);
        await using var services = Services(connectionString, stub);
        await using var onlooker = new NpgsqlConnection(connectionString);
        await onlooker.OpenAsync();

        var run = services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => await onlooker.QuerySingleOrDefaultAsync<RunRow>(RunRowSql) is { RowsRead: > 0 },
                "the run to be reading its second page");
            await onlooker.ExecuteScalarAsync<long>(TerminateOthersSql, new { Spared = Array.Empty<int>() });
            await WaitUntilAsync(() => Task.FromResult(run.IsCompleted), "the run to notice that its lock is gone", 20);
        }
        finally
        {
            secondPage.Set();
        }

        await Assert.ThrowsAsync<RunInterruptedException>(() => run);
        Assert.Equal(("failed", DatabaseLostMessage), await onlooker.QuerySingleAsync<(string, string)>("select status, message from ingestion_run"));
        Assert.Equal(0, await onlooker.ExecuteScalarAsync<int>("select count(*)::int from observation"));
    }

    [Fact]
    public async Task The_same_source_started_twice_at_once_runs_once_and_the_second_start_is_skipped()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var secondPage = new ManualResetEventSlim();
        await using var stub = await TwoPagesAsync(secondPage);
        await using var services = Services(connectionString, stub);
        var runner = services.GetRequiredService<IngestionRunner>();
        await using var onlooker = new NpgsqlConnection(connectionString);

        var first = runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.FullRefresh, CancellationToken.None);
        RunResult second;
        try
        {
            await WaitUntilAsync(async () => await onlooker.QuerySingleOrDefaultAsync<RunRow>(RunRowSql) is { RowsRead: > 0 },
                "the first run to be reading");
            second = await runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        }
        finally
        {
            secondPage.Set();
        }

        Assert.Equal(("succeeded", (long?)null, "skipped"), ((await first).Status, second.RunId, second.Status));
        Assert.Equal(["scheduled"], await onlooker.QueryAsync<string>("select trigger from ingestion_run"));
    }
}
