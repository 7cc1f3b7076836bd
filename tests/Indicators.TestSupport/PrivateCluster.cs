using Indicators.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Indicators.TestSupport;

/// <summary>A PostgreSQL cluster one test owns: it can be stopped and started again under the processes that use it.</summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    readonly LocalPostgresOptions options;
    LocalPostgresCluster cluster;

    PrivateCluster(LocalPostgresOptions options, LocalPostgresCluster cluster)
    {
        this.options = options;
        this.cluster = cluster;
    }

    /// <summary>Its database's connection string; the same after a restart (the cluster takes its port again).</summary>
    public string ConnectionString => cluster.ConnectionString;

    internal static async Task<PrivateCluster> StartAsync(string folder)
    {
        var options = new LocalPostgresOptions(folder, Durable: false);
        return new PrivateCluster(options, await LocalPostgresCluster.StartAsync(options, NullLogger.Instance));
    }

    /// <summary>Stops the server as an administrator does (pg_ctl stop -m fast: every session ends with 57P01).</summary>
    public Task StopAsync() => cluster.StopAsync();

    /// <summary>Starts the stopped server again, on the same port.</summary>
    public async Task StartAsync()
    {
        cluster = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await cluster.StopAsync();
        try
        {
            Directory.Delete(options.DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for RemoveStaleClusters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
