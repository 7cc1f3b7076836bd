using Dapper;
using Hangfire;
using Indicators.Data;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Indicators.Ingestion.Tests;

/// <summary>
/// Hangfire keeps its storage and job activator in process-wide statics; two hosts in one process (the tests, each on
/// its own database) must each still enqueue into and run jobs against their own database.
/// </summary>
public class HangfireIsolationTests
{
    static IHost Build(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Indicators"] = connectionString;
        builder.Configuration["Hangfire:Server:WorkerCount"] = "1";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        builder.Services.AddSingleton<DatabaseMarkerJob>();
        return builder.Build();
    }

    static async Task<string?> StateAsync(NpgsqlConnection connection, string jobId) =>
        await connection.ExecuteScalarAsync<string>("select statename from hangfire.job where id = @Id", new { Id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Two_hosts_in_one_process_each_enqueue_into_and_run_jobs_against_their_own_database()
    {
        var first = await TestPostgres.CreateMigratedDatabaseAsync();
        var second = await TestPostgres.CreateMigratedDatabaseAsync();
        using var firstHost = Build(first);
        using var secondHost = Build(second);

        // The order in which parallel tests can interleave: both hosts configure Hangfire before the first resolves its storage.
        firstHost.Services.GetRequiredService<IGlobalConfiguration>();
        secondHost.Services.GetRequiredService<IGlobalConfiguration>();
        await firstHost.StartAsync();
        await secondHost.StartAsync();

        var firstJob = firstHost.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DatabaseMarkerJob>("default", job => job.WriteAsync("first"));
        var secondJob = secondHost.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DatabaseMarkerJob>("default", job => job.WriteAsync("second"));

        await using var firstConnection = new NpgsqlConnection(first);
        await using var secondConnection = new NpgsqlConnection(second);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline
               && (await StateAsync(firstConnection, firstJob) != "Succeeded" || await StateAsync(secondConnection, secondJob) != "Succeeded"))
        {
            await Task.Delay(100);
        }

        await Task.WhenAll(firstHost.StopAsync(), secondHost.StopAsync());
        Assert.Equal(["first"], await firstConnection.QueryAsync<string>("select value from app_setting where key = 'hangfire-marker'"));
        Assert.Equal(["second"], await secondConnection.QueryAsync<string>("select value from app_setting where key = 'hangfire-marker'"));
        Assert.Equal("Succeeded", await StateAsync(firstConnection, firstJob));
        Assert.Equal("Succeeded", await StateAsync(secondConnection, secondJob));
    }
}

/// <summary>Writes to whatever database its host's container gives it, so a job activated by the wrong host shows.</summary>
public sealed class DatabaseMarkerJob(NpgsqlDataSource dataSource)
{
    public async Task WriteAsync(string value)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("insert into app_setting (key, value) values ('hangfire-marker', @value)", new { value });
    }
}
