using Dapper;
using Indicators.Ingestion.Runs;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>A real restart of the database server under a run: down for a while, then back.</summary>
public class DatabaseRestartTests
{
    [Fact]
    public async Task A_run_whose_database_stops_mid_run_records_its_real_cause_once_the_database_is_back()
    {
        await using var cluster = await TestPostgres.StartPrivateClusterAsync();
        var (connectionString, sourceId) = await ArrangeAsync(cluster.ConnectionString);
        using var secondPage = new ManualResetEventSlim();
        await using var stub = await TwoPagesAsync(secondPage);
        await using var services = Services(connectionString, stub);

        var run = services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () =>
            {
                await using var onlooker = new NpgsqlConnection(connectionString);
                return await onlooker.ExecuteScalarAsync<int>("select coalesce(max(rows_read), 0) from ingestion_run") > 0;
            }, "the run to be reading");
            await cluster.StopAsync();
        }
        finally
        {
            secondPage.Set();
        }

        // While the server is down the run cannot record anything; it must still be trying when the server is back.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(run.IsCompleted, "the run gave up recording its failure while the database was down");
        await cluster.StartAsync();
        Assert.Equal(connectionString, cluster.ConnectionString);

        await Assert.ThrowsAsync<RunInterruptedException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(("failed",
                "Körningen avbröts: förbindelsen med databasen bröts (databasen startades om eller stängde anslutningen). Inget av körningen sparades."),
            await connection.QuerySingleAsync<(string, string)>("select status, message from ingestion_run"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*)::int from observation"));
    }
}
