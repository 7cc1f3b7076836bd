using Microsoft.Extensions.Hosting;

namespace Indicators.Data;

/// <summary>
/// Starts a database server for this process when no connection string is configured: the web app's embedded cluster
/// (Indicators.LocalPostgres). It registers the server and what stops it with <paramref name="builder"/>'s services.
/// The data layer only receives the delegate, so the production Data assembly carries no server launcher.
/// </summary>
/// <param name="builder">The host being built; its configuration may name the server's programs.</param>
/// <param name="dataFolder">Database:DataFolder, or .data beside Indicators.sln (<see cref="DatabaseSetup.DefaultDataFolder"/>).</param>
public delegate OwnDatabase StartOwnDatabase(IHostApplicationBuilder builder, string dataFolder);

/// <summary>A database server this process started for itself.</summary>
/// <param name="ConnectionString">Where it listens.</param>
/// <param name="HandToContainer">
/// Resolves the server's registration. The container disposes only what it created, so this runs before the database is
/// prepared: the server is then stopped on shutdown even when a failed migration keeps the host from ever starting.
/// </param>
public sealed record OwnDatabase(string ConnectionString, Action<IServiceProvider> HandToContainer);
