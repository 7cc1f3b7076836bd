using System.Globalization;
using Dapper;
using Indicators.LocalPostgres;
using Indicators.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Benchmarks;

/// <summary>
/// The server the benchmark writes to: the one in the connection string, or a private throwaway cluster started with
/// the app's own launcher (under /var/tmp, which the postgres user can enter). Each path gets a fresh migrated database;
/// everything made here is removed on dispose.
/// </summary>
sealed class BenchDatabase : IAsyncDisposable
{
    readonly string admin;
    readonly LocalPostgresCluster? cluster;
    readonly string? clusterFolder;
    readonly List<string> databases = [];

    BenchDatabase(string admin, LocalPostgresCluster? cluster, string? clusterFolder, string description)
    {
        this.admin = admin;
        this.cluster = cluster;
        this.clusterFolder = clusterFolder;
        Description = description;
    }

    public string Description { get; }

    public static async Task<BenchDatabase> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var given = new NpgsqlConnectionStringBuilder(connectionString);
            return new BenchDatabase(connectionString, null, null, $"the server in the connection string ({given.Host}:{given.Port}); fresh databases are created and dropped there");
        }

        var folder = Path.Combine("/var/tmp", $"indicators-bench-{Guid.NewGuid():N}");
        try
        {
            var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions(folder, Durable: false), NullLogger.Instance, cancellationToken);
            var version = await ScalarAsync<string>(cluster.ConnectionString, "show server_version", cancellationToken);
            return new BenchDatabase(cluster.ConnectionString, cluster, folder,
                $"embedded PostgreSQL {version}, a throwaway cluster in {folder} (the test settings: fsync off, the same for every path)");
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>A new database with every migration applied, as the app applies them at start.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        var name = $"bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition($"create database {name} template template0", cancellationToken: cancellationToken));
        }

        databases.Add(name);
        // No command timeout: on a busy machine the COPY baseline alone can take longer than Npgsql's default 30 s.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, CommandTimeout = 0 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource, MigrationScript.Embedded(), NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        return connectionString;
    }

    /// <summary>A new database with every migration applied and the benchmark's areas, indicators and sources.</summary>
    public async Task<string> CreateArrangedDatabaseAsync(string purpose, BenchData data, CancellationToken cancellationToken)
    {
        var connectionString = await CreateMigratedDatabaseAsync(purpose, cancellationToken);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(ArrangeSql, new
            {
                Areas = data.Areas.ToArray(),
                Codes = Enumerable.Range(0, data.KpiCount).Select(BenchData.Code).ToArray(),
                Kpis = Enumerable.Range(0, data.KpiCount).Select(BenchData.KpiId).ToArray(),
                KoladaSettings = string.Create(CultureInfo.InvariantCulture, $$"""{"fromYear": {{data.FirstYear}}}"""),
            }, cancellationToken: cancellationToken));
        }

        return connectionString;
    }

    /// <summary>Writes dirty pages out before a measurement, so no path pays for the one before it. Needs superuser; skipped without.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("checkpoint", cancellationToken: cancellationToken));
        }
        catch (PostgresException)
        {
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"No result for: {sql}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (cluster is null)
        {
            // A server of someone else's: drop what we made, leave the rest.
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            foreach (var name in databases)
            {
                await connection.ExecuteAsync($"drop database if exists {name} with (force)");
            }

            return;
        }

        await cluster.StopAsync();
        DeleteFolder(clusterFolder!);
    }

    static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not delete {folder}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"Could not delete {folder}: {e.Message}");
        }
    }

    const string ArrangeSql = """
        insert into area (id, name, short_name, kind, sort_order)
        select id, case when id = '0000' then 'Riket' else 'Region ' || id end,
               case when id = '0000' then 'Riket' else id end,
               case when id = '0000' then 'country' else 'region' end, ord
        from unnest(@Areas::text[]) with ordinality as a (id, ord) on conflict (id) do nothing;

        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id, gender_split)
        select '0022', code, 'Nyckeltal ' || kpi, '%', 'higher', 'year', '0022', kpi, true
        from unnest(@Codes::text[], @Kpis::text[]) as i (code, kpi);

        insert into source (name, kind, cron, settings) values
            ('Kolada (benchmark)', 'kolada', '0 6 * * *', @KoladaSettings::jsonb),
            ('Regionens fil (benchmark)', 'file', '0 6 * * *', '{}');

        insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s cross join indicator i;
        """;
}
