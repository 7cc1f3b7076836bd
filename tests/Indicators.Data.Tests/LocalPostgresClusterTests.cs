using Dapper;
using Indicators.LocalPostgres;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public sealed class LocalPostgresClusterTests : IDisposable
{
    readonly TestFolder testFolder = new();

    string folder => testFolder.Path;

    public void Dispose() => testFolder.Dispose();

    [Fact]
    public async Task A_cluster_starts_stops_and_keeps_its_data_for_the_next_start()
    {
        var options = new LocalPostgresOptions(folder, Durable: false);

        await using (var first = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance))
        {
            Assert.True(first.StartedHere);
            await using var connection = new NpgsqlConnection(first.ConnectionString);
            await connection.ExecuteAsync("create table kept (value text); insert into kept values ('still here')");
            await first.StopAsync();
            NpgsqlConnection.ClearAllPools();
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        }

        await using var second = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance);
        await using var again = new NpgsqlConnection(second.ConnectionString);
        Assert.Equal("still here", await again.ExecuteScalarAsync<string>("select value from kept"));
        Assert.Equal(LocalPostgresCluster.DatabaseName, new NpgsqlConnectionStringBuilder(second.ConnectionString).Database);
    }

    [Fact]
    public async Task The_cluster_listens_on_loopback_only_and_wants_a_password()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Durable: false), NullLogger.Instance);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);

        Assert.Equal("127.0.0.1", await connection.ExecuteScalarAsync<string>("show listen_addresses"));
        var withoutPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "wrong", Pooling = false };
        await using var intruder = new NpgsqlConnection(withoutPassword.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => intruder.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task A_throwaway_cluster_takes_the_number_of_connections_it_is_given()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Durable: false, MaxConnections: 150), NullLogger.Instance);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);

        Assert.Equal("150", await connection.ExecuteScalarAsync<string>("show max_connections"));
        Assert.Equal("off", await connection.ExecuteScalarAsync<string>("show fsync"));
    }

    [Fact]
    public void Missing_server_programs_give_a_message_that_says_what_to_do()
    {
        var error = Assert.Throws<PostgresNotFoundException>(() => PostgresServerBinaries.Find(folder));

        Assert.Contains("saknar initdb och pg_ctl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:ServerBinaries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_with_missing_server_programs_fails_before_anything_is_created()
    {
        var options = new LocalPostgresOptions(folder, ServerBinaries: "/nowhere/postgresql/bin");

        await Assert.ThrowsAsync<PostgresNotFoundException>(() => LocalPostgresCluster.StartAsync(options, NullLogger.Instance));

        Assert.False(Directory.Exists(Path.Combine(folder, "pgdata")));
    }
}
