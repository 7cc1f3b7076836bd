using System.Collections.Concurrent;
using System.Diagnostics;

namespace Indicators.Campaign.Processes;

/// <summary>
/// A process the campaign started (web app, worker, parser host): its output goes to a log file and through
/// <see cref="LogWatch"/>; an exit the campaign did not ask for (kill or stop) is a crash. The last lines are kept for
/// the report.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    const int TailLines = 60;

    readonly Process process;
    readonly StreamWriter log;
    readonly ConcurrentQueue<string> tail = new();
    readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int expectedExit;

    AppProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        this.process = process;
        this.log = log;
    }

    public string Name { get; }

    public int Pid { get; private set; }

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? ExitedAt { get; private set; }

    /// <summary>Completes with the exit code when the process has ended.</summary>
    public Task<int> Exited => exited.Task;

    public bool HasExited => exited.Task.IsCompleted;

    /// <summary>True once the campaign killed or stopped it.</summary>
    public bool ExitWasExpected => Volatile.Read(ref expectedExit) == 1;

    public string Tail => string.Join('\n', tail);

    /// <summary>The runtime's own last words ("Stack overflow.", "Unhandled exception.", "Out of memory."), if it said them.</summary>
    public string? Fatal { get; private set; }

    /// <param name="name">For reports: "web", "worker-3", …</param>
    /// <param name="start">What to start (output redirected).</param>
    /// <param name="logFile">Where its output goes.</param>
    /// <param name="onLine">Every line of output, with the process (for the log watch).</param>
    /// <param name="onUnexpectedExit">Called once if it ends without the campaign asking it to.</param>
    /// <param name="output">When given, standard output lines go here instead of the log (a protocol, as the parser host's).</param>
    public static AppProcess Start(
        string name, ProcessStartInfo start, string logFile, Action<AppProcess, string>? onLine, Action<AppProcess, int>? onUnexpectedExit, Action<string>? output = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, process, log);
        void Line(string? text, bool stdout)
        {
            if (text is null)
            {
                return;
            }

            if (stdout && output is not null)
            {
                output(text);
                return;
            }

            app.Keep(text);
            onLine?.Invoke(app, text);
        }

        process.OutputDataReceived += (_, e) => Line(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => Line(e.Data, stdout: false);
        process.Exited += (_, _) =>
        {
            // The output may still be draining; WaitForExit() without a timeout waits for it.
            process.WaitForExit();
            app.ExitedAt = DateTimeOffset.UtcNow;
            var code = process.ExitCode;
            app.Keep($"[exited with code {code}]");
            if (!app.ExitWasExpected)
            {
                onUnexpectedExit?.Invoke(app, code);
            }

            app.exited.TrySetResult(code);
        };
        process.Start();
        app.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    void Keep(string line)
    {
        if (Fatal is null && (line.StartsWith("Stack overflow.", StringComparison.Ordinal) || line.StartsWith("Unhandled exception.", StringComparison.Ordinal)
                || line.StartsWith("Out of memory.", StringComparison.Ordinal)))
        {
            Fatal = line.Length > 300 ? line[..300] : line;
        }

        lock (log)
        {
            log.WriteLine(line);
        }

        tail.Enqueue(line.Length > 400 ? line[..400] + "…" : line);
        while (tail.Count > TailLines)
        {
            tail.TryDequeue(out _);
        }
    }

    public async Task WriteLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Writes bytes to standard input and closes it (a document for a command reading "-").</summary>
    public async Task WriteBytesAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        await process.StandardInput.BaseStream.WriteAsync(bytes);
        process.StandardInput.Close();
    }

    /// <summary>SIGKILL, as the campaign's fault: no cleanup in the process, its sockets closed by the kernel.</summary>
    public void Kill()
    {
        Interlocked.Exchange(ref expectedExit, 1);
        try
        {
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>SIGTERM and a wait (a graceful stop between phases), SIGKILL after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Interlocked.Exchange(ref expectedExit, 1);
        if (HasExited)
        {
            return;
        }

        // SIGTERM: the host stops gracefully (Process.Kill would be SIGKILL).
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            term?.WaitForExit();
        }

        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
            await Exited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
