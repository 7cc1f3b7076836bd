using Dapper;
using Hangfire;
using Indicators.Data;
using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Indicators.Ingestion.Tests;

public class HangfireSetupTests
{
    [Fact]
    public async Task A_job_enqueued_in_PostgreSQL_is_run_by_the_server_and_Hangfire_keeps_its_own_schema()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Indicators"] = connectionString;
        builder.Configuration["Hangfire:Server:WorkerCount"] = "1";
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();
        using var host = builder.Build();
        await host.StartAsync();

        var jobId = host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<MarkerJob>("default", job => job.WriteAsync(connectionString, "ran"));

        await using var connection = new NpgsqlConnection(connectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < deadline && state != "Succeeded")
        {
            await Task.Delay(200);
            state = await connection.ExecuteScalarAsync<string>("select statename from hangfire.job where id = @Id", new { Id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture) });
        }

        await host.StopAsync();
        Assert.Equal("Succeeded", state);
        Assert.Equal("ran", await connection.ExecuteScalarAsync<string>("select value from app_setting where key = 'hangfire-test'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from information_schema.tables where table_schema = 'public' and table_name in ('job', 'server', 'lock')"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void The_server_can_be_switched_off_by_configuration(string enabled, bool expectServer)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Indicators"] = "Host=127.0.0.1;Database=unused";
        builder.Configuration["Hangfire:Server:Enabled"] = enabled;
        builder.AddIndicatorsDatabase();
        builder.AddIndicatorsHangfire();

        // The registrations, not the services: building the server would open its storage (and wait for a database).
        var hasServer = builder.Services.Any(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationFactory?.Method.ReturnType.Name == "BackgroundJobServerHostedService");

        Assert.Equal(expectServer, hasServer);
    }
}

public sealed class MarkerJob
{
    public async Task WriteAsync(string connectionString, string value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("insert into app_setting (key, value) values ('hangfire-test', @value)", new { value });
    }
}
