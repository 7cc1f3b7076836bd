using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indicators.TestSupport;

/// <summary>A request as the stub received it.</summary>
public sealed record StubRequest(string Method, string Path, string Query, string Body, string? UserAgent)
{
    public string PathAndQuery => Path + Query;

    /// <summary>When the stub received it (to check how long a client waited between attempts).</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// What the stub answers. <see cref="Hang"/> never answers (until the client gives up); <see cref="TruncateAfter"/>
/// announces the whole body's Content-Length, sends only that many bytes and drops the connection; <see cref="Reset"/>
/// drops the connection before any answer.
/// </summary>
public sealed record StubResponse(int Status, string Body, string ContentType = "application/json; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool Hang { get; init; }

    public int? TruncateAfter { get; init; }

    public bool Reset { get; init; }

    public static StubResponse Json(string body) => new(200, body);
}

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, port 0) that answers like the external API, so the clients run their whole
/// stack — handlers, resilience, sockets — in tests. It records every request so tests can assert paths and bodies.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<StubRequest> requests = new();
    readonly CancellationTokenSource stopping = new();
    int busy;

    StubServer(WebApplication app) => this.app = app;

    /// <summary>http://127.0.0.1:port/ (no path).</summary>
    public Uri Root { get; private set; } = null!;

    public IReadOnlyList<StubRequest> Requests => [.. requests];

    /// <summary>True while a (non-hanging) request is being answered; fake time is only moved when the stub is idle.</summary>
    public bool IsBusy => Volatile.Read(ref busy) > 0;

    public static Task<StubServer> StartAsync(Func<StubRequest, StubResponse> respond) =>
        StartAsync((request, _) => Task.FromResult(respond(request)));

    /// <summary>A stub whose answer may wait (to hold a request while a test acts); the token ends with the request.</summary>
    public static async Task<StubServer> StartAsync(Func<StubRequest, CancellationToken, Task<StubResponse>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubServer(app);
        app.Run(context => server.HandleAsync(context, respond));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Answers in order; the last answer repeats.</summary>
    public static Task<StubServer> StartAsync(params StubResponse[] responses)
    {
        var next = -1;
        return StartAsync(_ => responses[Math.Min(Interlocked.Increment(ref next), responses.Length - 1)]);
    }

    public string Url(string path) => new Uri(Root, path).ToString();

    async Task HandleAsync(HttpContext context, Func<StubRequest, CancellationToken, Task<StubResponse>> respond)
    {
        Interlocked.Increment(ref busy);
        var counted = true;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new StubRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", body,
                context.Request.Headers.UserAgent.ToString());
            requests.Enqueue(request);
            StubResponse response;
            using (var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token))
            {
                try
                {
                    response = await respond(request, ending.Token);
                }
                catch (OperationCanceledException) when (ending.IsCancellationRequested)
                {
                    return;
                }
            }

            if (response.Reset)
            {
                context.Abort();
                return;
            }

            if (response.Hang)
            {
                Interlocked.Decrement(ref busy);
                counted = false;
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
                try
                {
                    await Task.Delay(Timeout.Infinite, linked.Token);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength = bytes.Length;
            if (response.TruncateAfter is { } cut)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, cut));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }

            await context.Response.Body.WriteAsync(bytes);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref busy);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
