using Indicators.Campaign.Phases;
using Indicators.Campaign.Processes;
using Indicators.Campaign.World;
using Indicators.Data;
using Indicators.Ingestion;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Campaign.Tests;

/// <summary>
/// The fault campaign's kills, in short: a real worker process SIGKILLed while its Kolada run is in the middle of its
/// COPY, and another while its run has written everything and waits to commit. The outcomes must be as they were each
/// time, and the next run (on the other worker) must store the new data whole. The campaign does this 50 times, with
/// file and SCB sources too, and also checks that a killed run is marked failed within a minute (too long a wait here).
/// </summary>
public class KillSliceTests
{
    [Fact]
    public async Task A_worker_killed_mid_COPY_and_one_killed_before_its_commit_leave_the_outcomes_as_they_were_and_the_next_run_stores_them_whole()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        using var folder = new TestFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "logs"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "files"));
        var ledger = new Ledger(15);
        var context = new CampaignContext(new CampaignOptions(15, 2, 0, 0, 0, Workers: 2, 0), ledger, folder.Path, connectionString);
        await using (var connection = await context.OpenAsync(CancellationToken.None))
        {
            await CampaignDatabase.EnsureAreasAsync(connection, CancellationToken.None);
            context.Sources = [await CampaignDatabase.CreateKoladaSourceAsync(connection, 1, CancellationToken.None)];
        }

        var kolada = context.Sources[0];
        await using var stubs = await CampaignStubs.StartAsync(context.Sources);
        context.Stubs = stubs;
        await using var fleet = new Fleet(context);
        context.Fleet = fleet;
        using var client = HangfireClient(connectionString);
        var schedule = client.Services.GetRequiredService<SourceSchedule>();
        var ops = new RunOps(context);
        // Two workers, started side by side: after a kill the next run goes to the one left while a third starts.
        await Task.WhenAll(fleet.StartWorkerAsync(CancellationToken.None), fleet.StartWorkerAsync(CancellationToken.None));

        var baseline = await ops.PrepareAsync(kolada, CancellationToken.None);
        schedule.RunNow(kolada.Id);
        Assert.Equal("succeeded", (await ops.WaitFinishedAsync(kolada, baseline.LastRunId, TimeSpan.FromSeconds(90), CancellationToken.None))?.Status);
        Assert.Equal(StepVerdict.Replaced, await ops.CheckAsync(baseline, CancellationToken.None));

        await KillAndRunAgainAsync(context, ops, schedule, kolada, KillPoint.MidCopy);
        await KillAndRunAgainAsync(context, ops, schedule, kolada, KillPoint.Committing);

        Assert.True(ledger.Clean, string.Join("\n", ledger.Failures));
    }

    static async Task KillAndRunAgainAsync(CampaignContext context, RunOps ops, SourceSchedule schedule, CampaignSource source, string aim)
    {
        for (var attempt = 1; ; attempt++)
        {
            var prepared = await ops.PrepareAsync(source, CancellationToken.None);
            schedule.RunNow(source.Id);
            var run = await ops.FindRunAsync(source, prepared.LastRunId, TimeSpan.FromSeconds(90), CancellationToken.None);
            Assert.NotNull(run);
            var worker = context.Fleet.WorkerNamed(run.ApplicationName);
            Assert.NotNull(worker);
            await using var probe = await context.OpenAsync(CancellationToken.None);
            await using var blocker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(context.ConnectionString) { Pooling = false }.ConnectionString);
            var point = await KillPoint.WaitForAsync(aim, null, probe, blocker, run, context.Random, CancellationToken.None);
            if (point == KillPoint.Finished && attempt < 3)
            {
                // The run was quicker than the look at it: try again with the next data.
                continue;
            }

            Assert.NotEqual(KillPoint.Finished, point);
            worker.Kill();
            await worker.Exited;
            await blocker.CloseAsync();
            await KillPhase.WaitSessionsGoneAsync(probe, run.ApplicationName, CancellationToken.None);

            Assert.Equal(StepVerdict.Unchanged, await ops.CheckAsync(prepared, CancellationToken.None));

            await context.Fleet.EnsureWorkerAsync(CancellationToken.None);
            schedule.RunNow(source.Id);
            var next = await ops.WaitFinishedAsync(source, run.RunId, TimeSpan.FromSeconds(90), CancellationToken.None);
            Assert.Equal("succeeded", next?.Status);
            Assert.Equal(StepVerdict.Replaced, await ops.CheckAsync(prepared, CancellationToken.None));
            return;
        }
    }

    /// <summary>Hangfire as a client only (no server), to queue a job the way the web app does.</summary>
    static IHost HangfireClient(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:Indicators"] = connectionString;
        builder.Configuration["Hangfire:Server:Enabled"] = "false";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.AddIndicatorsIngestion();
        return builder.Build();
    }
}
