using System.Diagnostics;
using Dapper;
using Indicators.Data;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>A real worker process, killed while its run is writing: nothing of the run may remain but its failed row.</summary>
public class KilledWorkerTests
{
    /// <summary>The worker's console output, for a wait that times out to show.</summary>
    readonly System.Collections.Concurrent.ConcurrentQueue<string> workerOutput = new();

    /// <summary>The message of a run whose process stopped answering, as the sweep and the next run record it.</summary>
    const string AbandonedMessage =
        "Körningen avbröts: processen som körde den slutade svara (den stoppades eller tappade förbindelsen med databasen). Inget av körningen sparades.";

    Process StartWorker(string connectionString, StubServer stub)
    {
        var worker = Process.Start(WorkerProcess.StartInfo(connectionString, new Dictionary<string, string>
        {
            ["Sources__Kolada__BaseUrl"] = stub.Url("v3"),
            ["Hangfire__Server__WorkerCount"] = "1",
            // A short lease, so that the test sees the sweep within seconds.
            ["Ingestion__Runs__HeartbeatInterval"] = "00:00:00.2",
            ["Ingestion__Runs__Lease"] = "00:00:02",
        }))!;
        worker.OutputDataReceived += (_, e) => workerOutput.Enqueue(e.Data ?? "");
        worker.ErrorDataReceived += (_, e) => workerOutput.Enqueue(e.Data ?? "");
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Hangfire as a client only (no server), to queue a job the way the web app does.</summary>
    static IHost Client(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:Indicators"] = connectionString;
        builder.Configuration["Hangfire:Server:Enabled"] = "false";
        builder.Configuration["Ingestion:Runs:SweepInterval"] = "00:00:00.2";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsIngestion();
        return builder.Build();
    }

    [Fact]
    public async Task A_worker_killed_while_its_run_writes_leaves_the_stored_data_as_it_was_and_the_next_run_marks_it_failed_and_succeeds()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        var answer = KoladaPage(55.0m, 60.0m);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        await using var services = Services(connectionString, stub);
        var runner = services.GetRequiredService<IngestionRunner>();
        await runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.FullRefresh, CancellationToken.None);
        await using var onlooker = new NpgsqlConnection(connectionString);
        var before = await ObservationsAsync(onlooker);
        answer = KoladaPage(57.5m, 61.0m);

        // The share lock holds the worker's merge right after its COPY, so the kill lands in the middle of the write.
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using (var hold = await blocker.BeginTransactionAsync())
        {
            await blocker.ExecuteAsync("lock table observation in share mode", transaction: hold);
            using var worker = StartWorker(connectionString, stub);
            try
            {
                using var client = Client(connectionString);
                client.Services.GetRequiredService<SourceSchedule>().RunNow(sourceId);
                await WaitUntilAsync(async () =>
                    await onlooker.ExecuteScalarAsync<bool>("""
                        select exists (select 1 from ingestion_run where status = 'running' and phase = 'skriver' and rows_done = 3)
                           and exists (select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock')
                        """),
                    "the worker's run to write its rows and wait for the lock", 90,
                    async () => await DescribeJobsAsync(connectionString) + "\nThe worker printed:\n" + string.Join('\n', workerOutput.TakeLast(200)));
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync();
            }

            await hold.RollbackAsync();
        }

        Assert.Equal(before, await ObservationsAsync(onlooker));
        Assert.Equal(0, await onlooker.ExecuteScalarAsync<int>("select count(*) from observation_revision"));
        Assert.Equal("running", await onlooker.ExecuteScalarAsync<string>("select status from ingestion_run order by id desc limit 1"));

        // The dead worker's sessions end when PostgreSQL notices the closed sockets; its advisory lock goes with them.
        await WaitUntilAsync(async () => await onlooker.ExecuteScalarAsync<int>(
                "select count(*)::int from pg_locks l join pg_database d on d.oid = l.database where l.locktype = 'advisory' and d.datname = current_database()") == 0,
            "the killed worker's advisory lock to be released");
        var next = await runner.RunAsync(sourceId, RunTrigger.Retry, RunMode.FullRefresh, CancellationToken.None);

        Assert.Equal(("succeeded", 2, 1), (next.Status, next.Counts.Updated, next.Counts.Unchanged));
        var runs = (await onlooker.QueryAsync<(string Trigger, string Status, string? Message)>(
            "select trigger, status, message from ingestion_run order by id")).ToList();
        Assert.Equal(["scheduled/succeeded", "manual/failed", "retry/succeeded"], runs.Select(r => $"{r.Trigger}/{r.Status}"));
        Assert.Equal(AbandonedMessage, runs[1].Message);
        Assert.Equal(57.5m, await onlooker.ExecuteScalarAsync<decimal>("select value from observation where area_id = '0022' and gender = 'T'"));
    }

    [Fact]
    public async Task A_worker_killed_mid_run_has_its_run_marked_failed_by_another_process_once_its_lease_has_run_out()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        using var secondPage = new ManualResetEventSlim();
        await using var stub = await TwoPagesAsync(secondPage);
        await using var onlooker = new NpgsqlConnection(connectionString);
        // Another process of the installation (a web app without a Hangfire server): it sweeps, it runs nothing.
        using var other = Client(connectionString);
        await other.StartAsync();
        using var worker = StartWorker(connectionString, stub);
        try
        {
            other.Services.GetRequiredService<SourceSchedule>().RunNow(sourceId);
            await WaitUntilAsync(async () => await onlooker.ExecuteScalarAsync<bool>(
                    "select exists (select 1 from ingestion_run where status = 'running' and rows_read > 0)"),
                "the worker's run to be reading", 90,
                async () => await DescribeJobsAsync(connectionString) + "\nThe worker printed:\n" + string.Join('\n', workerOutput.TakeLast(200)));
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            secondPage.Set();
        }

        await WaitUntilAsync(async () => await onlooker.ExecuteScalarAsync<string>("select status from ingestion_run") != "running",
            "the sweep to mark the killed worker's run failed", 30, () => DescribeJobsAsync(connectionString));
        await other.StopAsync();
        Assert.Equal(("failed", AbandonedMessage), await onlooker.QuerySingleAsync<(string, string)>("select status, message from ingestion_run"));
        Assert.Equal(0, await onlooker.ExecuteScalarAsync<int>("select count(*)::int from observation"));
    }
}
