using System.Diagnostics;

namespace Indicators.TestSupport;

/// <summary>The worker as an operator starts it: its own process, built beside the tests, configured by environment variables.</summary>
public static class WorkerProcess
{
    /// <summary>How to start the built Indicators.Worker with a connection string and further settings (Section__Key).</summary>
    public static ProcessStartInfo StartInfo(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(BuiltDll("Indicators.Worker"));
        start.Environment["ConnectionStrings__Indicators"] = connectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs <paramref name="body"/> while a worker process runs beside it, then stops the worker. When the body fails, its
    /// exception is wrapped with the worker's output, which is where a run that did not happen explains itself.
    /// </summary>
    public static async Task WhileRunningAsync(string connectionString, IReadOnlyDictionary<string, string> environment, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var worker = Process.Start(StartInfo(connectionString, environment))!;
        var log = new System.Text.StringBuilder();
        worker.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        worker.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        try
        {
            await body();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string output;
            lock (log)
            {
                output = log.ToString();
            }

            throw new InvalidOperationException($"{e.Message}\nWorker output:\n{output}", e);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
    }

    /// <summary>src/{project}/bin/{Debug|Release}/net10.0/{project}.dll, built in the same configuration as the caller.</summary>
    internal static string BuiltDll(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // Debug or Release
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{project}.dll was not built.");
    }
}
