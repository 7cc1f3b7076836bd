using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Indicators.Benchmarks;

/// <summary>
/// Kestrel on 127.0.0.1 answering Kolada v3 data requests from the dump's page files, so the real client runs its whole
/// stack (handlers, resilience pipeline, sockets). An unknown request gets 404, which fails the run loudly.
/// </summary>
sealed class KoladaReplay : IAsyncDisposable
{
    readonly WebApplication app;
    IReadOnlyDictionary<string, string> pages = new Dictionary<string, string>();
    int served;

    KoladaReplay(WebApplication app) => this.app = app;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root { get; private set; } = null!;

    public int Served => Volatile.Read(ref served);

    public static async Task<KoladaReplay> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var replay = new KoladaReplay(app);
        app.Run(replay.AnswerAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        replay.Root = new Uri(address.EndsWith('/') ? address : address + "/");
        return replay;
    }

    /// <summary>The page file for each request (path and query); the dump needs the server's address for its next_url.</summary>
    public void Serve(IReadOnlyDictionary<string, string> pagesByRequest) => pages = pagesByRequest;

    async Task AnswerAsync(HttpContext context)
    {
        if (!pages.TryGetValue(context.Request.Path + context.Request.QueryString, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Interlocked.Increment(ref served);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
