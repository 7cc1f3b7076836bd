using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Indicators.Campaign.Processes;
using Indicators.TestSupport.Hostile;
using Npgsql;

namespace Indicators.Campaign.Parsing;

/// <summary>
/// Feeds hostile inputs to a <see cref="ParserHost"/> child process, one at a time, and starts a new one when it dies
/// (a crash, counted with the input that caused it) or hangs past the timeout (killed, counted as a server error: a
/// request would have hung as long).
/// </summary>
public sealed class ParserHostClient(string connectionString, int fuzzFileSource, string filesRoot, string logFolder) : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly BlockingCollection<string> lines = [];
    AppProcess? host;
    int started;

    /// <summary>Parser hosts started (1 + those after a crash or a hang).</summary>
    public int Started => started;

    /// <summary>"crash: …" or "timeout" results carry the host's last lines.</summary>
    public async Task<ParseResult> ParseAsync(HostileInput input, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (host is null || host.HasExited)
        {
            await StartAsync();
        }

        var current = host!;
        var request = JsonSerializer.Serialize(new ParseRequest(input.Number, input.Kind.ToString().ToLowerInvariant(), input.Name, Convert.ToBase64String(input.Content)), Json);
        var clock = Stopwatch.StartNew();
        try
        {
            await current.WriteLineAsync(request);
        }
        catch (IOException)
        {
            // It died before it could read: counted below.
        }

        while (clock.Elapsed < timeout)
        {
            if (lines.TryTake(out var line, 100))
            {
                var result = JsonSerializer.Deserialize<ParseResult>(line, Json);
                if (result is not null && result.Number == input.Number)
                {
                    return result;
                }

                continue;
            }

            if (current.HasExited)
            {
                var code = await current.Exited;
                await Task.Delay(100);
                return new ParseResult(input.Number, "crash",
                    $"the parser host ended with exit code {code}: {current.Fatal ?? string.Join(" | ", current.Tail.Split('\n').Where(l => l.Length > 0).TakeLast(4))}", clock.ElapsedMilliseconds);
            }
        }

        if (current.Fatal is { } fatal)
        {
            // It is dying already: the runtime writes a stack overflow's hundred thousand frames before it exits.
            await Task.WhenAny(current.Exited, Task.Delay(TimeSpan.FromSeconds(120)));
            current.Kill();
            return new ParseResult(input.Number, "crash", $"the parser host died: {fatal}", clock.ElapsedMilliseconds);
        }

        current.Kill();
        await current.Exited;
        return new ParseResult(input.Number, "timeout", string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds:0} s"), clock.ElapsedMilliseconds);
    }

    async Task StartAsync()
    {
        while (lines.TryTake(out _))
        {
        }

        if (host is not null)
        {
            await host.DisposeAsync();
        }

        var number = Interlocked.Increment(ref started);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true };
        start.ArgumentList.Add(CampaignDll());
        start.ArgumentList.Add("parse-host");
        start.Environment["ConnectionStrings__Indicators"] = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "campaign-parser" }.ConnectionString;
        start.Environment["Campaign__FuzzFileSource"] = fuzzFileSource.ToString(CultureInfo.InvariantCulture);
        start.Environment["Sources__Files__Root"] = filesRoot;
        // As the web app and the workers run in the campaign: a runaway allocation fails at 1.5 GiB.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x60000000";
        start.Environment["DOTNET_gcServer"] = "0";
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host = AppProcess.Start(string.Create(CultureInfo.InvariantCulture, $"parser-host-{number}"), start,
            Path.Combine(logFolder, $"parser-host-{number}.log"), null, null, line =>
            {
                if (line == "ready")
                {
                    ready.TrySetResult();
                }
                else if (line.StartsWith('{'))
                {
                    lines.Add(line);
                }
            });
        if (await Task.WhenAny(ready.Task, host.Exited, Task.Delay(TimeSpan.FromSeconds(120))) != ready.Task)
        {
            throw new InvalidOperationException($"The parser host did not start: {host.Tail}");
        }
    }

    /// <summary>
    /// This program's dll, to start as "parse-host": where it runs from, or (from a test project that references it, where
    /// it cannot start on its own) its own build output, tests/Indicators.Campaign/bin/{Debug|Release}/net10.0.
    /// </summary>
    static string CampaignDll()
    {
        var here = typeof(ParserHost).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(here, ".runtimeconfig.json")) && Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "") != "testhost")
        {
            return here;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Indicators.Campaign", "bin", configuration, "net10.0", "Indicators.Campaign.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return here;
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        lines.Dispose();
    }
}
