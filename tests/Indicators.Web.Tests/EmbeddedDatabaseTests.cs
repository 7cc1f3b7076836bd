using System.Net;
using Dapper;
using Indicators.LocalPostgres;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Indicators.Web.Tests;

public sealed class EmbeddedDatabaseTests : IDisposable
{
    readonly TestFolder testFolder = new();

    string dataFolder => testFolder.Path;

    public void Dispose() => testFolder.Dispose();

    Dictionary<string, string?> Settings => new() { ["Database:DataFolder"] = dataFolder, ["DemoPlan:Enabled"] = "true" };

    [Fact]
    public async Task Without_a_connection_string_the_app_runs_its_own_database_keeps_it_and_loads_the_demo_once()
    {
        string connectionString;
        string clusterFolder;
        await using (var first = new TestWebApp(connectionString: null, Settings))
        {
            using var client = first.CreateClient();
            await TestUsers.SignInAsync(client, "ledning", "demo-2025");
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
            Assert.Contains("Regionplan 2025–2027", html, StringComparison.Ordinal);
            connectionString = first.Services.GetRequiredService<LocalPostgresCluster>().ConnectionString;
            clusterFolder = first.Services.GetRequiredService<LocalPostgresCluster>().ClusterFolder;
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.ExecuteAsync("insert into app_setting (key, value) values ('kept-between-starts', 'ja')");
        }

        // Stopping the app stops its cluster. The factory's dispose may return while the host's last stop step (pg_ctl
        // stop) is still running, so wait for the server to go, within a bound. Unpooled: a pooled connection opens
        // without asking the server.
        Assert.True(await ServerGoneAsync(connectionString, clusterFolder, TimeSpan.FromSeconds(60)), "The embedded cluster was still accepting connections a minute after the app stopped.");

        string secondFolder;
        await using (var second = new TestWebApp(connectionString: null, Settings))
        {
            using var secondClient = second.CreateClient();
            await TestUsers.SignInAsync(secondClient, "ledning", "demo-2025");
            Assert.Contains("Regionplan 2025–2027", WebUtility.HtmlDecode(await secondClient.GetStringAsync(new Uri("/", UriKind.Relative))), StringComparison.Ordinal);
            await using var again = new NpgsqlConnection(second.Services.GetRequiredService<LocalPostgresCluster>().ConnectionString);
            Assert.Equal("ja", await again.ExecuteScalarAsync<string>("select value from app_setting where key = 'kept-between-starts'"));
            // The demo's two plans (Västernorrland's and Västerbotten's) and three deliveries, loaded once, not again.
            Assert.Equal(2, await again.ExecuteScalarAsync<int>("select count(*) from plan"));
            Assert.Equal(3, await again.ExecuteScalarAsync<int>("select count(*) from ingestion_run where trigger = 'demo'"));
            connectionString = second.Services.GetRequiredService<LocalPostgresCluster>().ConnectionString;
            secondFolder = second.Services.GetRequiredService<LocalPostgresCluster>().ClusterFolder;
        }

        // The same wait before the test's folder is deleted: a cluster still writing its shutdown checkpoint makes the
        // delete fail ("Directory not empty: …/pg_wal").
        Assert.True(await ServerGoneAsync(connectionString, secondFolder, TimeSpan.FromSeconds(60)), "The second cluster was still running a minute after the app stopped.");
    }

    /// <summary>Gone: its postmaster.pid removed (what pg_ctl stop -w waits for) and a connection refused.</summary>
    static async Task<bool> ServerGoneAsync(string connectionString, string clusterFolder, TimeSpan within)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(Path.Combine(clusterFolder, "postmaster.pid")))
            {
                await Task.Delay(200);
                continue;
            }

            try
            {
                await using var connection = new NpgsqlConnection(unpooled);
                await connection.OpenAsync();
            }
            catch (NpgsqlException e) when (e is not PostgresException { SqlState: "57P03" })
            {
                // Refused: nothing listens any more. (57P03 is a server still shutting down.)
                return true;
            }
            catch (PostgresException)
            {
            }

            await Task.Delay(200);
        }

        return false;
    }
}
