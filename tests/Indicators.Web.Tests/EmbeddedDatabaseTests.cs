using System.Net;
using Dapper;
using Indicators.Data.LocalPostgres;
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
        await using (var first = new TestWebApp(connectionString: null, Settings))
        {
            using var client = first.CreateClient();
            await TestUsers.SignInAsync(client, "ledning", "demo-2025");
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
            Assert.Contains("Regionplan 2025–2027", html, StringComparison.Ordinal);
            connectionString = first.Services.GetRequiredService<LocalPostgresCluster>().ConnectionString;
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.ExecuteAsync("insert into app_setting (key, value) values ('kept-between-starts', 'ja')");
        }

        // Stopping the app stopped its cluster. Unpooled: a pooled connection opens without asking the server.
        await using (var stopped = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => stopped.OpenAsync());
        }

        await using var second = new TestWebApp(connectionString: null, Settings);
        using var secondClient = second.CreateClient();
        await TestUsers.SignInAsync(secondClient, "ledning", "demo-2025");
        Assert.Contains("Regionplan 2025–2027", WebUtility.HtmlDecode(await secondClient.GetStringAsync(new Uri("/", UriKind.Relative))), StringComparison.Ordinal);
        await using var again = new NpgsqlConnection(second.Services.GetRequiredService<LocalPostgresCluster>().ConnectionString);
        Assert.Equal("ja", await again.ExecuteScalarAsync<string>("select value from app_setting where key = 'kept-between-starts'"));
        Assert.Equal(1, await again.ExecuteScalarAsync<int>("select count(*) from plan"));
        Assert.Equal(2, await again.ExecuteScalarAsync<int>("select count(*) from ingestion_run where trigger = 'demo'"));
    }
}
