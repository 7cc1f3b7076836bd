using Indicators.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Indicators.LocalPostgres;

/// <summary>The embedded cluster as the web app's own database (<see cref="DatabaseSetup.AddIndicatorsDatabase"/>).</summary>
public static class LocalPostgresHosting
{
    /// <summary>
    /// Starts (creating on first use) the cluster in <paramref name="dataFolder"/> with the server programs in
    /// Database:ServerBinaries, or those found on this machine, and registers it so that the host stops it.
    /// </summary>
    public static OwnDatabase Start(IHostApplicationBuilder builder, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LocalPostgresOptions(dataFolder, builder.Configuration["Database:ServerBinaries"]);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var cluster = LocalPostgresCluster.StartAsync(options, loggerFactory.CreateLogger<LocalPostgresCluster>()).GetAwaiter().GetResult();

        // Registered before the services that use the database, so the host stops it last, after they have stopped;
        // and through a factory, so the container also stops it if the host never started (see OwnDatabase).
        builder.Services.AddSingleton(_ => cluster);
        builder.Services.AddHostedService(services => new Lifetime(services.GetRequiredService<LocalPostgresCluster>()));
        return new OwnDatabase(cluster.ConnectionString, services => services.GetRequiredService<LocalPostgresCluster>());
    }

    sealed class Lifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync(cancellationToken);
    }
}
