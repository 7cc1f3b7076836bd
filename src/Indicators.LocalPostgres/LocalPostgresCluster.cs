using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Indicators.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.LocalPostgres;

/// <param name="DataFolder">Where the cluster, its password and its last port live.</param>
/// <param name="ServerBinaries">The folder holding initdb and pg_ctl; found automatically when null.</param>
/// <param name="Durable">False for throwaway test clusters: no fsync, nothing survives a crash.</param>
/// <param name="MaxConnections">PostgreSQL's max_connections for a new cluster; null keeps its default (100).</param>
public sealed record LocalPostgresOptions(string DataFolder, string? ServerBinaries = null, bool Durable = true, int? MaxConnections = null);

/// <summary>
/// A private PostgreSQL cluster made from the installed server programs: created on first use, started on a free
/// loopback port, stopped with the application and reused on the next start. When started as root, the programs
/// run as the postgres user, which must own the cluster folder and be able to reach it.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    public const string DatabaseName = "indicators";
    const string SuperUser = "indicators";

    readonly ProcessRunner _runner;
    readonly string _pgCtl;
    readonly ILogger _logger;
    bool _running;

    LocalPostgresCluster(ProcessRunner runner, string binaries, string rootFolder, ILogger logger)
    {
        _runner = runner;
        _pgCtl = Path.Combine(binaries, "pg_ctl");
        _logger = logger;
        RootFolder = rootFolder;
    }

    /// <summary>The folder holding the cluster (pgdata/), its password and its last port.</summary>
    public string RootFolder { get; }

    public string ClusterFolder => Path.Combine(RootFolder, "pgdata");

    public int Port { get; private set; }

    public string ConnectionString { get; private set; } = "";

    /// <summary>False when the cluster was already running (left by an earlier process): it is then left running.</summary>
    public bool StartedHere { get; private set; }

    string PasswordFile => Path.Combine(RootFolder, "password");

    string PortFile => Path.Combine(RootFolder, "port");

    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresServerBinaries.Find(options.ServerBinaries);
        var runner = new ProcessRunner(Environment.IsPrivilegedProcess);
        var root = await ReachableRootAsync(runner, Path.GetFullPath(options.DataFolder), logger, cancellationToken);
        var cluster = new LocalPostgresCluster(runner, binaries, root, logger);
        await cluster.InitialiseIfNewAsync(binaries, options.Durable, options.MaxConnections, cancellationToken);
        await cluster.StartServerAsync(cancellationToken);
        return cluster;
    }

    /// <summary>
    /// The postgres user cannot enter some folders (/root is mode 700). Then the cluster lives under /var/tmp,
    /// in a folder named after the configured one so each checkout keeps its own.
    /// </summary>
    static async Task<string> ReachableRootAsync(ProcessRunner runner, string configured, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(configured);
        if (await runner.PostgresUserCanEnterAsync(configured, cancellationToken))
        {
            return configured;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configured)))[..12];
        var fallback = Path.Combine("/var/tmp", $"indicators-{hash}");
        Directory.CreateDirectory(fallback);
        logger.LogInformation(
            "The postgres user cannot reach {Configured}; the embedded database lives in {Fallback} instead", configured, fallback);
        return fallback;
    }

    async Task InitialiseIfNewAsync(string binaries, bool durable, int? maxConnections, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(ClusterFolder, "PG_VERSION")))
        {
            if (!File.Exists(PasswordFile))
            {
                throw new DatabaseStartupException(
                    $"Det inbäddade databasklustret i {ClusterFolder} saknar sin lösenordsfil {PasswordFile}. " +
                    $"Ta bort {RootFolder} för att skapa ett nytt. / The embedded cluster has lost its password file; delete {RootFolder} to recreate it.");
            }

            return;
        }

        // A half-made cluster (initdb interrupted) is not worth keeping.
        if (Directory.Exists(ClusterFolder))
        {
            Directory.Delete(ClusterFolder, recursive: true);
        }

        _logger.LogInformation("Creating the embedded PostgreSQL cluster in {Folder}", ClusterFolder);
        Directory.CreateDirectory(ClusterFolder);
        await _runner.GiveToPostgresUserAsync(ClusterFolder, cancellationToken);

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y');
        // initdb wants an empty folder, so its password file lies beside it, readable by the postgres user alone.
        var passwordForInitdb = Path.Combine(RootFolder, ".initdb-password");
        await File.WriteAllTextAsync(passwordForInitdb, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordForInitdb, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await _runner.GiveToPostgresUserAsync(passwordForInitdb, cancellationToken);
        try
        {
            string[] arguments =
            [
                "-D", ClusterFolder, "-U", SuperUser, $"--pwfile={passwordForInitdb}",
                "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", .. durable ? Array.Empty<string>() : ["--no-sync"],
            ];
            await _runner.RunCheckedAsync(Path.Combine(binaries, "initdb"), arguments, cancellationToken);
        }
        finally
        {
            File.Delete(passwordForInitdb);
        }

        // Only the loopback TCP port: no Unix socket whose path length or folder rights could get in the way.
        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Written by Indicators for its embedded database.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine("unix_socket_directories = ''");
        if (maxConnections is { } max)
        {
            settings.AppendLine(CultureInfo.InvariantCulture, $"max_connections = {max}");
        }

        if (!durable)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }

        await File.AppendAllTextAsync(Path.Combine(ClusterFolder, "postgresql.conf"), settings.ToString(), cancellationToken);
        await File.WriteAllTextAsync(PasswordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var password = (await File.ReadAllTextAsync(PasswordFile, cancellationToken)).Trim();
        var (statusCode, _) = await _runner.RunAsync(_pgCtl, ["status", "-D", ClusterFolder], cancellationToken);
        if (statusCode == 0 && RunningPort() is { } runningPort)
        {
            _logger.LogInformation("The embedded PostgreSQL cluster is already running on port {Port}; reusing it", runningPort);
            Port = runningPort;
        }
        else
        {
            Port = ChoosePort();
            var log = Path.Combine(ClusterFolder, "server.log");
            var (exitCode, output) = await _runner.RunAsync(
                _pgCtl, ["start", "-D", ClusterFolder, "-w", "-t", "60", "-l", log, "-o", $"-p {Port}"], cancellationToken);
            if (exitCode != 0)
            {
                throw new DatabaseStartupException(
                    $"Det inbäddade databasklustret i {ClusterFolder} kunde inte startas. / The embedded PostgreSQL cluster could not start: {output}\n{LogTail(log)}");
            }

            StartedHere = true;
            await File.WriteAllTextAsync(PortFile, Port.ToString(CultureInfo.InvariantCulture), cancellationToken);
            _logger.LogInformation("Started the embedded PostgreSQL cluster on 127.0.0.1:{Port}", Port);
        }

        _running = true;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = "postgres",
            Pooling = false,
        };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
            {
                Parameters = { new() { Value = DatabaseName } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        builder.Database = DatabaseName;
        builder.Pooling = true;
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The port of a running cluster, from the fourth line of postmaster.pid.</summary>
    int? RunningPort()
    {
        var pidFile = Path.Combine(ClusterFolder, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    /// <summary>The last port again when it is free (so a psql command keeps working), otherwise any free one.</summary>
    int ChoosePort()
    {
        if (File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), CultureInfo.InvariantCulture, out var last) && IsFree(last))
        {
            return last;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    static string LogTail(string log)
    {
        try
        {
            return string.Join('\n', File.ReadLines(log).TakeLast(20));
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Stops the cluster if this process started it; data stays for the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_running || !StartedHere)
        {
            return;
        }

        _running = false;
        NpgsqlConnection.ClearAllPools();

        // Not cancellable: a host that runs out of shutdown time must not leave the server running. pg_ctl has its own limit.
        var (exitCode, output) = await _runner.RunAsync(_pgCtl, ["stop", "-D", ClusterFolder, "-m", "fast", "-w", "-t", "60"], CancellationToken.None);
        if (exitCode != 0)
        {
            _logger.LogWarning("Stopping the embedded PostgreSQL cluster failed ({Output}); stopping it immediately", output);
            (exitCode, output) = await _runner.RunAsync(_pgCtl, ["stop", "-D", ClusterFolder, "-m", "immediate", "-w", "-t", "30"], CancellationToken.None);
        }

        if (exitCode != 0)
        {
            _logger.LogWarning("Stopping the embedded PostgreSQL cluster failed: {Output}", output);
        }
        else
        {
            _logger.LogInformation("Stopped the embedded PostgreSQL cluster");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
