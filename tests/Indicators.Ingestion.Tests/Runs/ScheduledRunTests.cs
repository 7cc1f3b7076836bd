using Indicators.TestSupport;
using System.Globalization;
using Dapper;
using Hangfire;
using Indicators.Data;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Tests.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>Runs started through Hangfire, with more than one server on the same database (as the web app and workers are).</summary>
public class ScheduledRunTests
{
    /// <summary>What the servers logged at Information and above, for a wait that times out to show.</summary>
    readonly RecordingLoggerProvider logs = new();

    async Task<IHost> StartServerAsync(string connectionString, StubServer stub)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Configuration["ConnectionStrings:Indicators"] = connectionString;
        builder.Configuration["Sources:Kolada:BaseUrl"] = stub.Url("v3");
        builder.Configuration["Hangfire:Server:WorkerCount"] = "2";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsIngestion();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    Func<Task<string>> Explain(string connectionString) => async () =>
        await DescribeJobsAsync(connectionString) + "\nLogged:\n" + string.Join('\n', logs.Entries
            .Where(e => e.Level >= LogLevel.Information)
            .Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    static async Task<string?> JobStateAsync(NpgsqlConnection connection, string jobId) =>
        await connection.ExecuteScalarAsync<string>("select statename from hangfire.job where id = @Id", new { Id = long.Parse(jobId, CultureInfo.InvariantCulture) });

    [Fact]
    public async Task A_retry_runs_the_source_as_a_run_whose_trigger_is_retry()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var stub = await StubServer.StartAsync(StubResponse.Json(KoladaPage(55.0m, 60.0m)));
        using var server = await StartServerAsync(connectionString, stub);
        await using var connection = new NpgsqlConnection(connectionString);

        var jobId = server.Services.GetRequiredService<SourceSchedule>().Retry(sourceId);

        await WaitUntilAsync(async () => await JobStateAsync(connection, jobId) == "Succeeded", "the retry job to succeed", 90, Explain(connectionString));
        await server.StopAsync();
        Assert.Equal(("retry", "succeeded", 3), await connection.QuerySingleAsync<(string, string, int)>("select trigger, status, inserted from ingestion_run"));
    }

    [Fact]
    public async Task Two_Hangfire_servers_on_one_database_run_a_triggered_recurring_job_once()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var stub = await StubServer.StartAsync(StubResponse.Json(KoladaPage(55.0m, 60.0m)));
        using var first = await StartServerAsync(connectionString, stub);
        using var second = await StartServerAsync(connectionString, stub);
        await using var connection = new NpgsqlConnection(connectionString);
        await WaitUntilAsync(async () => await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.server") == 2, "both servers to join", 90, Explain(connectionString));

        var jobId = ((IRecurringJobManagerV2)first.Services.GetRequiredService<IRecurringJobManager>()).TriggerJob(SourceSchedule.JobId(sourceId));

        await WaitUntilAsync(async () => await JobStateAsync(connection, jobId) == "Succeeded", "the triggered job to succeed", 90, Explain(connectionString));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.job"));
        Assert.Equal([("scheduled", "succeeded")], await connection.QueryAsync<(string, string)>("select trigger, status from ingestion_run"));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Two_Hangfire_servers_given_the_same_source_twice_at_once_run_it_once_and_skip_the_second()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var secondPage = new ManualResetEventSlim();
        await using var stub = await TwoPagesAsync(secondPage);
        using var first = await StartServerAsync(connectionString, stub);
        using var second = await StartServerAsync(connectionString, stub);
        await using var connection = new NpgsqlConnection(connectionString);
        var schedule = first.Services.GetRequiredService<SourceSchedule>();
        string running, skipped;
        try
        {
            running = schedule.RunNow(sourceId);
            await WaitUntilAsync(async () => await connection.ExecuteScalarAsync<int>("select coalesce(max(rows_read), 0) from ingestion_run") > 0,
                "the first job's run to be reading", 90, Explain(connectionString));
            skipped = second.Services.GetRequiredService<SourceSchedule>().RunNow(sourceId);
            await WaitUntilAsync(async () => await JobStateAsync(connection, skipped) == "Succeeded", "the second job to end", 90, Explain(connectionString));
        }
        finally
        {
            secondPage.Set();
        }

        await WaitUntilAsync(async () => await JobStateAsync(connection, running) == "Succeeded", "the first job to succeed", 90, Explain(connectionString));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        Assert.Equal([("manual", "succeeded", 4)], await connection.QueryAsync<(string, string, int)>("select trigger, status, inserted from ingestion_run"));
    }

    [Fact]
    public async Task A_run_now_job_whose_database_sessions_are_all_ended_mid_run_records_that_cause_and_is_retried_by_its_policy()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var stub = await StubServer.StartAsync(StubResponse.Json(KoladaPage(55.0m, 60.0m)));
        using var server = await StartServerAsync(connectionString, stub);
        await using var onlooker = new NpgsqlConnection(connectionString);
        await onlooker.OpenAsync();

        // As a database restart does: every session but the test's own ends with 57P01 while the run writes.
        string jobId;
        await using (var blocker = new NpgsqlConnection(connectionString))
        {
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await blocker.ExecuteAsync("lock table observation in share mode", transaction: hold);
            jobId = server.Services.GetRequiredService<SourceSchedule>().RunNow(sourceId);
            await WaitUntilAsync(async () => await onlooker.ExecuteScalarAsync<bool>(
                    "select exists (select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock')"),
                "the job's run to wait for the lock", 90, Explain(connectionString));
            await onlooker.ExecuteAsync("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and pid not in (pg_backend_pid(), @Blocker)
                """, new { Blocker = blocker.ProcessID });
            await hold.RollbackAsync();
        }

        await WaitUntilAsync(async () => await onlooker.ExecuteScalarAsync<string>("select status from ingestion_run") == "failed",
            "the run to be recorded failed", 30, Explain(connectionString));
        Assert.Equal(
            "Körningen avbröts: förbindelsen med databasen bröts (databasen startades om eller stängde anslutningen). Inget av körningen sparades.",
            await onlooker.ExecuteScalarAsync<string>("select message from ingestion_run"));
        await WaitUntilAsync(async () => await JobStateAsync(onlooker, jobId) == "Scheduled", "the job to be scheduled for a retry", 30, Explain(connectionString));

        // The retry's delay is the policy's; the test does not wait for it.
        server.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId);
        await WaitUntilAsync(async () => await JobStateAsync(onlooker, jobId) == "Succeeded", "the retried job to succeed", 60, Explain(connectionString));
        await server.StopAsync();
        Assert.Equal([("manual", "failed"), ("manual", "succeeded")],
            await onlooker.QueryAsync<(string, string)>("select trigger, status from ingestion_run order by id"));
    }
}
