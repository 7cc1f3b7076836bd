using System.Net;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Deployment;

/// <summary>
/// /health/live and /health/ready for load balancers and the compose file's healthchecks: anonymous, and saying only
/// Healthy or Unhealthy, whatever the reason.
/// </summary>
public class HealthEndpointTests
{
    static TestWebApp App(string connectionString, bool hangfireServer) =>
        new(connectionString, new Dictionary<string, string?> { ["Hangfire:Server:Enabled"] = hangfireServer ? "true" : "false" });

    static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The Hangfire server announces itself when the host starts; wait for it, within a bound.</summary>
    static async Task<(HttpStatusCode Status, string Body)> ReadyWithinAsync(HttpClient client, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var ready = await GetAsync(client, "/health/ready");
            if (ready.Status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return ready;
            }

            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Ready_answers_anonymously_while_the_database_is_current_and_a_Hangfire_server_is_alive_and_says_nothing_more_when_not()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = App(connectionString, hangfireServer: true);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(client, "/health/live"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyWithinAsync(client, TimeSpan.FromSeconds(30)));

        // This version knows a migration the database has not applied.
        await TestPostgres.ExecuteAsync(connectionString, "delete from schema_migrations where version = (select max(version) from schema_migrations)");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetAsync(client, "/health/ready"));

        // The database refuses connections: still only "Unhealthy", no exception text; and the process is still live.
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await TestPostgres.ExecuteAsync(admin, $"alter database {database} allow_connections false; select pg_terminate_backend(pid) from pg_stat_activity where datname = '{database}'");
        try
        {
            NpgsqlConnection.ClearAllPools();
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetAsync(client, "/health/ready"));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(client, "/health/live"));
        }
        finally
        {
            await TestPostgres.ExecuteAsync(admin, $"alter database {database} allow_connections true");
        }
    }

    [Fact]
    public async Task The_health_command_of_the_container_healthcheck_exits_0_when_the_app_is_ready_and_1_when_it_does_not_answer()
    {
        await using var app = App(await TestPostgres.CreateMigratedDatabaseAsync(), hangfireServer: true);
        var ready = app.StartKestrel() + "/health/ready";
        using var client = new HttpClient { BaseAddress = new Uri(ready) };
        Assert.Equal(HttpStatusCode.OK, (await ReadyWithinAsync(client, TimeSpan.FromSeconds(30))).Status);
        var nobody = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        nobody.Start();
        var closedPort = ((IPEndPoint)nobody.LocalEndpoint).Port;
        nobody.Stop();
        using var output = new StringWriter();

        Assert.Equal(0, await Health.HealthProbeCommand.RunAsync(["health", ready], output));
        Assert.Equal(1, await Health.HealthProbeCommand.RunAsync(["health", $"http://127.0.0.1:{closedPort}/health/ready"], output));
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_no_Hangfire_server_runs_the_jobs()
    {
        await using var app = App(await TestPostgres.CreateMigratedDatabaseAsync(), hangfireServer: false);
        using var client = app.CreateClient();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetAsync(client, "/health/ready"));
    }
}
