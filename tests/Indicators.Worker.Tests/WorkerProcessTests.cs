using System.Diagnostics;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Worker.Tests;

/// <summary>The worker as an operator starts it: its own process, configured by environment variables.</summary>
public class WorkerProcessTests
{
    static Process Start(string? connectionString)
    {
        return Process.Start(WorkerProcess.StartInfo(connectionString ?? ""))!;
    }

    [Fact]
    public async Task Without_a_connection_string_the_worker_stops_and_says_what_to_configure()
    {
        using var worker = Start(null);
        var stderr = worker.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await worker.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, worker.ExitCode);
        Assert.Contains("ConnectionStrings:Indicators", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_connection_string_the_worker_migrates_the_database_and_joins_Hangfire_as_a_server()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        using var worker = Start(connectionString);
        _ = worker.StandardOutput.ReadToEndAsync();
        _ = worker.StandardError.ReadToEndAsync();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            var servers = 0;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && servers == 0 && !worker.HasExited)
            {
                await Task.Delay(250);
                var installed = await connection.ExecuteScalarAsync<bool>("select to_regclass('hangfire.server') is not null");
                servers = installed ? await connection.ExecuteScalarAsync<int>("select count(*)::int from hangfire.server") : 0;
            }

            Assert.Equal(1, servers);
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from plan"));
            Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from schema_migrations") >= 6);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }
}
