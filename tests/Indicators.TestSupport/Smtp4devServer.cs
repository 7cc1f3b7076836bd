using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Indicators.TestSupport;

/// <summary>A message smtp4dev received, as its HTTP API lists it.</summary>
public sealed record ReceivedMail(string Id, string Subject, IReadOnlyList<string> To);

/// <summary>
/// A real SMTP server for the alert tests: smtp4dev (the repository's local dotnet tool, .config/dotnet-tools.json,
/// restored here on first use so a clean clone needs nothing else) on 127.0.0.1 with an in-memory store, its SMTP and
/// web ports free ones. Its HTTP API lists what it received and gives each message's text.
/// </summary>
public sealed class Smtp4devServer : IAsyncDisposable
{
    static readonly SemaphoreSlim Restore = new(1, 1);
    static bool restored;
    readonly Process process;
    readonly HttpClient http;
    readonly TestFolder home;
    readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    Smtp4devServer(Process process, TestFolder home, int smtpPort, int webPort)
    {
        this.process = process;
        this.home = home;
        SmtpPort = smtpPort;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public static async Task<Smtp4devServer> StartAsync()
    {
        await RestoreToolAsync();
        var smtpPort = FreePort();
        var webPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{webPort}", $"--smtpport={smtpPort}", "--imapport=0", "--pop3port=0",
            "--db=", "--nousersettings", "--hostname=localhost", "--bindaddress=127.0.0.1",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Its settings and data stay in a folder of its own, not the user's.
        var home = new TestFolder();
        Directory.CreateDirectory(home.Path);
        start.Environment["XDG_CONFIG_HOME"] = home.Path;
        var server = new Smtp4devServer(Process.Start(start)!, home, smtpPort, webPort);
        server.process.OutputDataReceived += (_, e) => server.output.Enqueue(e.Data ?? "");
        server.process.ErrorDataReceived += (_, e) => server.output.Enqueue(e.Data ?? "");
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await server.MessagesAsync();
                return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline && !server.process.HasExited)
            {
                await Task.Delay(250);
            }
            catch (Exception e)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("smtp4dev did not start:\n" + string.Join('\n', server.output.TakeLast(50)), e);
            }
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var page = await http.GetFromJsonAsync<MessagePage>("api/messages?pageSize=1000");
        return [.. page!.Results.Select(m => new ReceivedMail(m.Id, m.Subject ?? "", m.To ?? []))];
    }

    public Task<string> TextAsync(string id) => http.GetStringAsync($"api/messages/{id}/plaintext");

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        http.Dispose();
        home.Dispose();
    }

    static async Task RestoreToolAsync()
    {
        await Restore.WaitAsync();
        try
        {
            if (restored)
            {
                return;
            }

            var start = new ProcessStartInfo("dotnet", "tool restore")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var restore = Process.Start(start)!;
            var text = await restore.StandardOutput.ReadToEndAsync() + await restore.StandardError.ReadToEndAsync();
            await restore.WaitForExitAsync();
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet tool restore (smtp4dev) failed:\n" + text);
            }

            restored = true;
        }
        finally
        {
            Restore.Release();
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed record MessagePage(IReadOnlyList<MessageSummary> Results);

    sealed record MessageSummary(string Id, string? Subject, IReadOnlyList<string>? To);
}
