using System.Diagnostics;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Worker.Tests;

/// <summary>
/// `Indicators.Worker health`, the worker container's healthcheck: exit 0 while its database is current and a Hangfire
/// server of this machine has a recent heartbeat, else 1.
/// </summary>
public class HealthCommandTests
{
    static async Task<(int ExitCode, string Output)> HealthAsync(string connectionString)
    {
        var start = WorkerProcess.StartInfo(connectionString);
        start.ArgumentList.Add("health");
        using var check = Process.Start(start)!;
        var output = check.StandardOutput.ReadToEndAsync();
        _ = check.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await check.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            check.Kill(entireProcessTree: true);
            throw new TimeoutException("`Indicators.Worker health` did not answer within 60 s.");
        }

        return (check.ExitCode, await output);
    }

    [Fact]
    public async Task Healthy_while_this_machines_worker_beats_unhealthy_when_its_heartbeat_is_old_or_only_another_machine_beats()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        using var worker = Process.Start(WorkerProcess.StartInfo(connectionString))!;
        _ = worker.StandardOutput.ReadToEndAsync();
        _ = worker.StandardError.ReadToEndAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !worker.HasExited
                && !(await connection.ExecuteScalarAsync<bool>("select to_regclass('hangfire.server') is not null")
                    && await connection.ExecuteScalarAsync<int>("select count(*)::int from hangfire.server") > 0))
            {
                await Task.Delay(250);
            }

            var healthy = await HealthAsync(connectionString);
            Assert.True(healthy.ExitCode == 0, healthy.Output);
            Assert.StartsWith("Healthy", healthy.Output, StringComparison.Ordinal);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        // A killed worker's record stays behind; once its heartbeat is older than the bound, it no longer counts.
        await connection.ExecuteAsync("update hangfire.server set lastheartbeat = lastheartbeat - interval '10 minutes'");
        var stale = await HealthAsync(connectionString);
        Assert.True(stale.ExitCode == 1, stale.Output);
        Assert.StartsWith("Unhealthy", stale.Output, StringComparison.Ordinal);

        // Its heartbeat as it was, seconds ago: within the bound it counts (Hangfire cannot tell a killed server yet).
        await connection.ExecuteAsync("update hangfire.server set lastheartbeat = lastheartbeat + interval '10 minutes'");
        Assert.Equal(0, (await HealthAsync(connectionString)).ExitCode);

        // The same recent heartbeat from a server on another machine (another container) says nothing about this one.
        await connection.ExecuteAsync("update hangfire.server set id = 'another-machine:' || id");
        Assert.Equal(1, (await HealthAsync(connectionString)).ExitCode);
    }

    [Fact]
    public async Task Unhealthy_when_the_database_cannot_be_reached()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateMigratedDatabaseAsync()) { Database = "no_such_database", Timeout = 3 }.ConnectionString;

        var result = await HealthAsync(unreachable);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Unhealthy", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Output, StringComparison.OrdinalIgnoreCase);
    }
}
