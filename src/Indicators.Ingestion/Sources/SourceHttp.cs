using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Indicators.Ingestion.Sources;

/// <summary>
/// The HTTP clients for the external sources, each with its own resilience pipeline (one per source host, so a broken
/// Kolada never opens SCB's circuit). HttpClient.Timeout is infinite: the pipeline owns every timeout.
/// </summary>
public static class SourceHttp
{
    public const string UserAgent = "Indicators/1.0 (+kontakt via regionen)";
    public const string DefaultKoladaBaseUrl = "https://api.kolada.se/v3";
    public const string DefaultPxWebBaseUrl = "https://statistikdatabasen.scb.se/api/v2";

    /// <summary>Retries after the first attempt; the job's own (Hangfire) retries come on top and should stay few.</summary>
    public const int MaxRetryAttempts = 4;

    /// <summary>Exponential backoff starts here (with jitter) and never exceeds <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>A server's Retry-After is honoured up to this; Polly's MaxDelay does not cap a DelayGenerator, so we clamp.</summary>
    public static readonly TimeSpan RetryAfterCap = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Covers every attempt and wait of one call: 5 × 30 s attempts + 4 × 60 s waits fit with room to spare.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(7);

    /// <summary>Kolada publishes no limit; the clients people use keep to 5 requests per second.</summary>
    public const int KoladaRequestsPerSecond = 5;

    /// <summary>SCB's /config says 30 calls per 10 s; configurable because another PxWeb host may say otherwise.</summary>
    public const int DefaultPxWebCallsPerWindow = 30;

    public static readonly TimeSpan DefaultPxWebTimeWindow = TimeSpan.FromSeconds(10);

    /// <summary>Low-volume tuning: the standard MinimumThroughput of 100 would never open for a nightly run.</summary>
    public const int BreakerMinimumThroughput = 5;

    public const double BreakerFailureRatio = 0.5;

    public static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan BreakerBreakDuration = TimeSpan.FromSeconds(30);

    public const string KoladaPipelineName = "kolada";
    public const string PxWebPipelineName = "pxweb";

    public static IServiceCollection AddIndicatorsSourceClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var koladaBase = BaseAddress(configuration["Sources:Kolada:BaseUrl"], DefaultKoladaBaseUrl);
        // Configurable for a Kolada mirror or a local replay (the ingestion benchmark), where 5 per second would be the measure.
        var koladaPerSecond = configuration.GetValue("Sources:Kolada:RequestsPerSecond", KoladaRequestsPerSecond);
        var kolada = services.AddHttpClient<KoladaClient>(client => Configure(client, koladaBase));
        kolada.AddResilienceHandler(KoladaPipelineName, (pipeline, context) =>
            Build(pipeline, context, KoladaPipelineName, koladaPerSecond, TimeSpan.FromSeconds(1)));
        kolada.AddHttpMessageHandler(() => new BufferContentHandler()); // added after, so it runs inside the pipeline

        var pxWebBase = BaseAddress(configuration["Sources:PxWeb:BaseUrl"], DefaultPxWebBaseUrl);
        var pxWebCalls = configuration.GetValue("Sources:PxWeb:MaxCallsPerTimeWindow", DefaultPxWebCallsPerWindow);
        var pxWebWindow = TimeSpan.FromSeconds(configuration.GetValue("Sources:PxWeb:TimeWindowSeconds", (int)DefaultPxWebTimeWindow.TotalSeconds));
        var pxWeb = services.AddHttpClient<PxWebClient>(client => Configure(client, pxWebBase));
        pxWeb.AddResilienceHandler(PxWebPipelineName, (pipeline, context) =>
            Build(pipeline, context, PxWebPipelineName, pxWebCalls, pxWebWindow));
        pxWeb.AddHttpMessageHandler(() => new BufferContentHandler());

        return services;
    }

    static void Configure(HttpClient client, Uri baseAddress)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>A trailing slash, so relative paths ("data/kpi/…") keep the base's own path ("/v3").</summary>
    static Uri BaseAddress(string? configured, string fallback)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    /// <summary>
    /// Outermost first: total timeout, retry, circuit breaker, rate limiter, attempt timeout. The limiter sits inside the
    /// retry so every attempt spends a token, and inside the breaker so an open circuit spends none.
    /// </summary>
    static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context, string source, int permits, TimeSpan window)
    {
        var timeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(SourceHttp).FullName!) ?? NullLogger.Instance;
        var limiter = CreateLimiter(permits, window, timeProvider);
        context.OnPipelineDisposed(limiter.Dispose);

        pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxBackoff,
                ShouldRetryAfterHeader = false, // we read Retry-After ourselves so it can be clamped
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    Runs.RunContext.Current?.Record(RetryEvent(source, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result, args.Outcome.Exception));
                    logger.LogWarning(
                        "Source {Source}: attempt {Attempt} failed ({Outcome}); retrying in {RetryDelay}",
                        source,
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = BreakerFailureRatio,
                MinimumThroughput = BreakerMinimumThroughput,
                SamplingDuration = BreakerSamplingDuration,
                BreakDuration = BreakerBreakDuration,
            })
            .AddRateLimiter(limiter)
            .AddTimeout(AttemptTimeout);
    }

    /// <summary>
    /// A retry as the run's page shows it: what the source answered (or that it did not), for which URL, and how long the
    /// pipeline waited before the next attempt ("Kolada svarade 429 (Too Many Requests) för api.kolada.se/v3/data/kpi/… (sida 2)").
    /// </summary>
    internal static Runs.RunEvent RetryEvent(string pipeline, int attempt, TimeSpan wait, HttpResponseMessage? response, Exception? exception)
    {
        var name = pipeline == PxWebPipelineName ? "SCB" : "Kolada";
        var url = response?.RequestMessage?.RequestUri is { IsAbsoluteUri: true } address ? $" för {SourceUrl.Summary(address)}" : "";
        var what = response is not null
            ? $"{name} svarade {(int)response.StatusCode}{(string.IsNullOrEmpty(response.ReasonPhrase) ? "" : $" ({response.ReasonPhrase})")}{url}"
            : exception is Polly.Timeout.TimeoutRejectedException
                ? $"{name} svarade inte inom {(int)AttemptTimeout.TotalSeconds} s"
                : $"{name} gick inte att nå ({exception?.GetType().Name ?? "okänt fel"})";
        return new Runs.RunEvent(response is null ? null : (int)response.StatusCode, attempt, wait, what);
    }

    /// <summary>
    /// A token bucket refilled on the injected TimeProvider, so the limit follows the same clock as every other delay
    /// (and fake time in tests). Callers queue rather than fail.
    /// </summary>
    internal static RateLimiter CreateLimiter(int permits, TimeSpan window, TimeProvider timeProvider) =>
        new ClockedTokenBucket(permits, window, queueLimit: 10_000, timeProvider);

    /// <summary>The Retry-After a server sent (delta or date), never more than <see cref="RetryAfterCap"/>; null means backoff.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > RetryAfterCap ? RetryAfterCap : value;
    }
}
