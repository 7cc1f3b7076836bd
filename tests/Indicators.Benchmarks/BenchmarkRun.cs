using Indicators.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Indicators.Benchmarks;

/// <summary>What every benchmark mode shares: its settings, and a cancellation that still cleans up.</summary>
static class BenchmarkRun
{
    /// <summary>
    /// Runs a benchmark with settings from the environment and the command line, and a token that Ctrl+C and SIGTERM
    /// cancel instead of killing the process, so the benchmark's using and finally blocks still stop its cluster and
    /// delete its files. Exit codes: the benchmark's own, 130 when cancelled, 1 when it failed.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, Func<IConfiguration, CancellationToken, Task<int>> benchmark)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        using var cancel = new ShutdownSignal();

        try
        {
            return await benchmark(configuration, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled; cleaned up.");
            return 130;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The cluster and the files are already gone: the benchmarks clean up in using and finally blocks.
            Console.Error.WriteLine($"FAILED: {e}");
            return 1;
        }
    }
}
