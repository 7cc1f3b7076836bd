using Dapper;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;
using Indicators.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>
/// The runner with every reader, as production registers them, on a throwaway migrated database and a throwaway data
/// folder; HTTP sources point at the given base URL (a stub server, or a closed port). With a
/// <see cref="FakeTimeProvider"/> every Polly delay runs on fake time.
/// </summary>
public sealed class RunnerHost : IAsyncDisposable
{
    readonly ServiceProvider services;
    readonly TestFolder folder = new();

    RunnerHost(string connectionString, Uri? baseUrl, TimeProvider time)
    {
        ConnectionString = connectionString;
        Directory.CreateDirectory(folder.Path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Kolada:BaseUrl"] = baseUrl is null ? null : new Uri(baseUrl, "v3").ToString(),
            ["Sources:PxWeb:BaseUrl"] = baseUrl is null ? null : new Uri(baseUrl, "api/v2").ToString(),
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(time);
        collection.AddNpgsqlDataSource(connectionString);
        collection.AddSingleton<SourceQueries>();
        collection.AddIndicatorsSourceClients(configuration);
        collection.AddSingleton(new FileSourceOptions(folder.Path, TimeSpan.FromSeconds(1), 1024 * 1024));
        collection.AddSingleton<FileRoots>();
        collection.AddSingleton<SourceFiles>();
        collection.AddSingleton<SourceFileEditor>();
        collection.AddSingleton(sp => new FolderScanner(
            sp.GetRequiredService<SourceQueries>(), sp.GetRequiredService<SourceFiles>(), sp.GetRequiredService<FileRoots>(), NullLogger<FolderScanner>.Instance));
        collection.AddSingleton<ISourceReader, KoladaSourceReader>();
        collection.AddSingleton<ISourceReader, PxWebSourceReader>();
        collection.AddSingleton<ISourceReader, FileSourceReader>();
        collection.AddSingleton<IngestionRunner>();
        services = collection.BuildServiceProvider();
    }

    public string ConnectionString { get; }

    /// <summary>The data folder relative watched folders resolve against.</summary>
    public string DataFolder => folder.Path;

    public IngestionRunner Runner => Get<IngestionRunner>();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A migrated database with riket, Västernorrland and Västerbotten, then <paramref name="arrange"/>.</summary>
    public static async Task<RunnerHost> StartAsync(string arrange, Uri? baseUrl = null, TimeProvider? time = null)
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind) values
                ('0000', 'Riket', 'Riket', 'country'),
                ('0022', 'Region Västernorrland', 'Västernorrland', 'region'),
                ('0024', 'Region Västerbotten', 'Västerbotten', 'region') on conflict (id) do nothing;
            """ + arrange);
        return new RunnerHost(connectionString, baseUrl, time ?? TimeProvider.System);
    }

    /// <summary>On a database the caller has prepared (the demo plan, say).</summary>
    public static RunnerHost On(string connectionString, Uri? baseUrl = null, TimeProvider? time = null) =>
        new(connectionString, baseUrl, time ?? TimeProvider.System);

    /// <summary>Runs a source whose HTTP retries wait on <paramref name="time"/>, moving it on while the run waits.</summary>
    public async Task<RunResult> RunOnFakeTimeAsync(int sourceId, FakeTimeProvider time)
    {
        var run = Runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.Incremental, CancellationToken.None);
        var guard = DateTime.UtcNow.AddSeconds(60);
        while (!run.IsCompleted && DateTime.UtcNow < guard)
        {
            await Task.WhenAny(run, Task.Delay(5));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        return await run;
    }

    /// <summary>A port on 127.0.0.1 that was just free and is closed again: every connection is refused at once.</summary>
    public static Uri ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task<int> SourceIdAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<int>("select id from source where name = @name", new { name });
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.QueryAsync<T>(sql)).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        folder.Dispose();
    }
}
