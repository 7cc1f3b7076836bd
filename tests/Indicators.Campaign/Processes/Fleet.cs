using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Campaign.Processes;

/// <summary>
/// The web app and the workers as their own processes, as deployed: each worker's database sessions carry its name
/// (application_name "campaign-worker-N"), so the campaign can tell which process holds a source's run lock. A process
/// that ends by itself is a crash and is started again; so is an unhandled exception in its log.
/// </summary>
public sealed class Fleet(CampaignContext context) : IAsyncDisposable
{
    /// <summary>Above any test file and below what would starve the machine: a runaway allocation fails here, not in the kernel.</summary>
    const string HeapLimit = "0x60000000";

    readonly ConcurrentDictionary<string, AppProcess> workers = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<AppProcess, List<string>> captured = new();
    readonly SemaphoreSlim topUp = new(1, 1);
    int nextWorker;
    int requestExceptions;
    int stopping;

    public AppProcess? Web { get; private set; }

    public Uri WebRoot => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{context.Options.WebPort}/"));

    public IReadOnlyList<AppProcess> Workers => [.. workers.Values.Where(w => !w.HasExited)];

    /// <summary>Request-level unhandled exceptions the web app logged (each answered a 500 the sessions counted).</summary>
    public int RequestExceptionsLogged => Volatile.Read(ref requestExceptions);

    public int WorkersStarted => Volatile.Read(ref nextWorker);

    public AppProcess? WorkerNamed(string applicationName) => workers.GetValueOrDefault(applicationName);

    string ConnectionString(string applicationName) =>
        new NpgsqlConnectionStringBuilder(context.ConnectionString) { ApplicationName = applicationName }.ConnectionString;

    Dictionary<string, string> Environment() => new()
    {
        ["Sources__Kolada__BaseUrl"] = context.Stubs.Kolada.BaseUrl.ToString(),
        ["Sources__PxWeb__BaseUrl"] = context.Stubs.PxWeb.BaseUrl.ToString(),
        // The stubs are local: the real limits (5 per second, 30 per 10 s) would be the measure of every run.
        ["Sources__Kolada__RequestsPerSecond"] = "1000",
        ["Sources__PxWeb__MaxCallsPerTimeWindow"] = "1000",
        ["Sources__Files__Root"] = context.FilesRoot,
        ["DOTNET_GCHeapHardLimit"] = HeapLimit,
        ["DOTNET_gcServer"] = "0",
    };

    public async Task StartWebAsync(CancellationToken cancellationToken)
    {
        var environment = Environment();
        var start = WebProcess.StartInfo(ConnectionString("campaign-web"), WebRoot.ToString().TrimEnd('/'), environment);
        Web = AppProcess.Start("web", start, Path.Combine(context.LogFolder, "web.log"), OnLine, OnUnexpectedExit);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline && !Web.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(WebRoot, "logga-in"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new InvalidOperationException($"The web app did not answer within 180 s. Its last lines:\n{Web.Tail}");
    }

    /// <summary>Starts a worker and waits until its Hangfire server has registered (it then takes jobs).</summary>
    public async Task<AppProcess> StartWorkerAsync(CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"campaign-worker-{Interlocked.Increment(ref nextWorker)}");
        var environment = Environment();
        environment["Sources__Files__PollInterval"] = "00:00:01";
        environment["Hangfire__Server__WorkerCount"] = "3";
        var worker = AppProcess.Start(name, WorkerProcess.StartInfo(ConnectionString(name), environment),
            Path.Combine(context.LogFolder, name + ".log"), OnLine, OnUnexpectedExit);
        workers[name] = worker;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            try
            {
                await using var connection = await context.OpenAsync(cancellationToken);
                if (await connection.ExecuteScalarAsync<bool>("select exists (select 1 from hangfire.server where id like '%:' || @Pid || ':%')", new { Pid = worker.Pid.ToString(CultureInfo.InvariantCulture) }))
                {
                    return worker;
                }
            }
            catch (NpgsqlException)
            {
                // The database may be restarting.
            }

            await Task.Delay(200, cancellationToken);
        }

        if (worker.HasExited)
        {
            return worker;
        }

        throw new InvalidOperationException($"{name} did not register with Hangfire within 120 s. Its last lines:\n{worker.Tail}");
    }

    /// <summary>Keeps <see cref="CampaignOptions.Workers"/> workers running (one caller starts them at a time).</summary>
    public async Task TopUpAsync(CancellationToken cancellationToken)
    {
        await topUp.WaitAsync(cancellationToken);
        try
        {
            while (Workers.Count < context.Options.Workers && Volatile.Read(ref stopping) == 0)
            {
                await StartWorkerAsync(cancellationToken);
            }
        }
        finally
        {
            topUp.Release();
        }
    }

    /// <summary>
    /// Returns once a worker is running, and has the missing ones started in the background: after a kill the next step
    /// goes on with the worker that is left while its replacement starts.
    /// </summary>
    public async Task EnsureWorkerAsync(CancellationToken cancellationToken)
    {
        var topping = Task.Run(() => TopUpAsync(CancellationToken.None), CancellationToken.None);
        while (Workers.Count == 0 && !topping.IsCompleted)
        {
            await Task.Delay(100, cancellationToken);
        }

        if (topping.IsFaulted)
        {
            await topping;
        }
    }

    /// <summary>Stops every worker gracefully (between phases: fresh circuit breakers) and starts new ones.</summary>
    public async Task RenewWorkersAsync(CancellationToken cancellationToken)
    {
        foreach (var worker in Workers)
        {
            await worker.StopAsync(TimeSpan.FromSeconds(30));
        }

        await TopUpAsync(cancellationToken);
    }

    void OnLine(AppProcess app, string line)
    {
        if (captured.TryGetValue(app, out var lines))
        {
            lines.Add(line.Trim());
            if (lines.Count >= 4 && captured.TryRemove(app, out var done))
            {
                context.Ledger.CountServerError(context.Step, $"{app.Name} logged an unhandled exception: {string.Join(" | ", done)} (log {Path.Combine(context.LogFolder, app.Name + ".log")})");
            }

            return;
        }

        switch (LogWatch.Classify(line))
        {
            case LogWatch.Finding.RequestException:
                Interlocked.Increment(ref requestExceptions);
                break;
            case LogWatch.Finding.UnansweredException:
                captured[app] = [line.Trim()];
                break;
            default:
                break;
        }
    }

    void OnUnexpectedExit(AppProcess app, int code)
    {
        if (Volatile.Read(ref stopping) == 1)
        {
            return;
        }

        context.Ledger.CountCrash(context.Step, $"{app.Name} (pid {app.Pid}) ended by itself with exit code {code}; its last lines:\n      {string.Join("\n      ", app.Tail.Split('\n').TakeLast(12))}");
        _ = Task.Run(async () =>
        {
            try
            {
                if (app == Web)
                {
                    await StartWebAsync(CancellationToken.None);
                }
                else
                {
                    await TopUpAsync(CancellationToken.None);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
            {
                context.Ledger.Print($"  could not restart after {app.Name} crashed: {e.Message}");
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref stopping, 1);
        foreach (var worker in workers.Values)
        {
            await worker.DisposeAsync();
        }

        if (Web is not null)
        {
            await Web.DisposeAsync();
        }
    }
}
