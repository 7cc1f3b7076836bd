using System.Diagnostics;
using Indicators.LocalPostgres;
using Indicators.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, made with the same launcher the app uses, without fsync.
/// Each test gets its own database, copied in milliseconds from a migrated template.
/// Set INDICATORS_TEST_DB to a server's connection string to use that server instead.
/// </summary>
public static class TestPostgres
{
    const string TemplateName = "indicators_template";
    static readonly Lazy<Task<string>> AdminConnectionString = new(StartAsync);
    static LocalPostgresCluster? cluster;
    static string? clusterFolder;

    /// <summary>A new database with every migration applied.</summary>
    public static Task<string> CreateMigratedDatabaseAsync() => CreateDatabaseAsync(TemplateName);

    /// <summary>Runs SQL against a test database (for arranging data).</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A cluster of the test's own, with a migrated database, for a test that stops or restarts the server: the shared
    /// cluster cannot be restarted under the other tests. Takes a few seconds (initdb); use it only where a restart is the point.
    /// </summary>
    public static async Task<PrivateCluster> StartPrivateClusterAsync()
    {
        RemoveStaleClusters();
        var cluster = await PrivateCluster.StartAsync(Path.Combine("/var/tmp", $"indicators-test-{Guid.NewGuid():N}"));
        await using (var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString))
        {
            await new MigrationRunner(dataSource, MigrationScript.Embedded(), NullLogger<MigrationRunner>.Instance).MigrateAsync();
        }

        return cluster;
    }

    /// <summary>A new database with nothing in it.</summary>
    public static Task<string> CreateEmptyDatabaseAsync() => CreateDatabaseAsync("template0");

    static async Task<string> CreateDatabaseAsync(string template)
    {
        var admin = await AdminConnectionString.Value;
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name} template {template}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Each test database has a pool of its own in this process; let idle connections go soon, not after five minutes,
        // so a few hundred tests do not hold the server's connection slots.
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 1 }.ConnectionString;
    }

    static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("INDICATORS_TEST_DB");
        string admin;
        if (!string.IsNullOrWhiteSpace(external))
        {
            admin = external;
        }
        else
        {
            RemoveStaleClusters();
            clusterFolder = Path.Combine("/var/tmp", $"indicators-test-{Guid.NewGuid():N}");
            // Every test gets its own database and many start a whole web app with its own pool, several at once.
            cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(clusterFolder, Durable: false, MaxConnections: 500), NullLogger.Instance);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopCluster();
            admin = cluster.ConnectionString;
        }

        // Non-pooled: the template must have no open connection when it is copied.
        var template = new NpgsqlConnectionStringBuilder(admin) { Database = TemplateName, Pooling = false }.ConnectionString;
        var adminBuilder = new NpgsqlConnectionStringBuilder(admin) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(adminBuilder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {TemplateName}", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {TemplateName} template template0", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var dataSource = NpgsqlDataSource.Create(template))
        {
            await new MigrationRunner(dataSource, MigrationScript.Embedded(), NullLogger<MigrationRunner>.Instance).MigrateAsync();
        }

        return adminBuilder.ConnectionString;
    }

    /// <summary>
    /// Restarts this process's own cluster while clients are connected (the fault campaign does this mid-run): "fast"
    /// ends every session cleanly, "immediate" stops the server as a crash would and it recovers from its log on start.
    /// Not for a server given in INDICATORS_TEST_DB. Returns how long the server was away.
    /// </summary>
    public static async Task<TimeSpan> RestartAsync(bool immediate, CancellationToken cancellationToken = default)
    {
        _ = await AdminConnectionString.Value;
        if (cluster is null)
        {
            throw new InvalidOperationException("Only a cluster this process started can be restarted (INDICATORS_TEST_DB is set).");
        }

        var pgCtl = Path.Combine(PostgresServerBinaries.Find(null), "pg_ctl");
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL refuses root; the launcher made the cluster as the postgres user.
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", "postgres", "--", pgCtl })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = pgCtl;
        }

        // The log file, as at start: without one the server would hold pg_ctl's output pipe open and this would never end.
        foreach (var argument in new[] { "restart", "-D", cluster.ClusterFolder, "-m", immediate ? "immediate" : "fast", "-w", "-t", "120", "-l", Path.Combine(cluster.ClusterFolder, "server.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_ctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed ({process.ExitCode}): {await output}{await error}");
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// The test host may be ended before its exit handler has deleted the cluster's folder; remove folders of
    /// earlier runs whose server is no longer running.
    /// </summary>
    static void RemoveStaleClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories("/var/tmp", "indicators-test-*"))
        {
            var stopped = !File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid"));
            if (stopped && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-30))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }

    static void StopCluster()
    {
        if (cluster is null)
        {
            return;
        }

        cluster.StopAsync().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(clusterFolder!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up from /var/tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
