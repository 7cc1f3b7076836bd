using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Indicators.Ingestion.Scheduling;

/// <summary>Hangfire on the same PostgreSQL database, in its own schema, as the web app and every worker share it.</summary>
public static class HangfireSetup
{
    public const string SchemaName = "hangfire";

    /// <summary>
    /// Adds Hangfire's storage and, unless Hangfire:Server:Enabled is false, a server that runs jobs.
    /// Settings follow the known pitfalls of Hangfire.PostgreSql: sliding invisibility so a long run is not
    /// picked up twice, a short lock timeout so a crashed process does not block a source for long.
    /// </summary>
    public static IHostApplicationBuilder AddIndicatorsHangfire(this IHostApplicationBuilder builder)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.FromSeconds(5),
            DistributedLockTimeout = TimeSpan.FromMinutes(2),
        };

        // Hangfire.AspNetCore would hand out JobStorage.Current and JobActivator.Current, process-wide statics that the
        // last host to configure Hangfire sets. With one host per process that is the same thing; with several (the
        // tests), a host could enqueue into another host's database or run a job with another host's services. So
        // each host gets its own storage and activator, registered before AddHangfire's TryAdd defaults.
        builder.Services.AddSingleton<JobStorage>(services =>
            new PostgreSqlStorage(new DataSourceConnectionFactory(services.GetRequiredService<NpgsqlDataSource>()), storageOptions));
        builder.Services.AddSingleton<JobActivator>(services =>
            new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, configuration) => configuration
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        if (builder.Configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            builder.Services.AddHangfireServer(options =>
            {
                // Ingestion waits on the network, not the CPU; a few workers per process are plenty.
                options.WorkerCount = builder.Configuration.GetValue("Hangfire:Server:WorkerCount", 4);
                options.Queues = ["ingest", "default"];
            });
        }

        return builder;
    }

    sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
    }
}
