using System.Globalization;
using System.Threading.RateLimiting;
using Indicators.Core.Formatting;
using Indicators.Data.Users;

namespace Indicators.Web.Security;

/// <summary>
/// Rate limits on the sign-in form (ASP.NET Core's rate limiter): per address, as endpoint policy <see cref="Policy"/>,
/// and per user name, checked by the endpoint once it has read the form (<see cref="SignInAccountLimiter"/>). Too many
/// attempts get 429 with Retry-After and a Swedish page. These limits are per process; what holds across processes is
/// the atomic failure counter and lockout in the database (<see cref="SignInAttempts.BeginAsync"/>).
/// </summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, SignInLimitSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<SignInAccountLimiter>();
        services.AddSingleton<SignInFailureCounter>();
        services.AddSingleton<SignInFailures>();
        services.AddHostedService<SignInFailureFlusher>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "", _ => Window(settings.PerAddress, settings.Window)));
            options.OnRejected = async (context, cancellationToken) =>
                await TooManyAsync(context.HttpContext, RetryAfter(context.Lease, settings.Window));
        });
        return services;
    }

    /// <summary><paramref name="permits"/> per window, counted in six steps, refused at once beyond (no queue).</summary>
    internal static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true };

    internal static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan window) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : window;

    /// <summary>The answer to too many attempts: 429, Retry-After, and a Swedish page with the way back to the form.</summary>
    internal static async Task TooManyAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // A body and a content type of its own: the status code pages leave the answer as it is.
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="sv">
            <head><meta charset="utf-8"><title>För många inloggningsförsök – Indicators</title></head>
            <body><main>
            <h1>För många inloggningsförsök</h1>
            <p>Det har gjorts för många inloggningsförsök på kort tid. Vänta {SwedishFormat.Count(seconds, "sekund", "sekunder")} och försök sedan igen.</p>
            <p><a href="/logga-in">Till inloggningen</a></p>
            </main></body>
            </html>
            """, context.RequestAborted);
    }

    /// <summary>An endpoint's answer when <see cref="SignInAccountLimiter"/> refuses.</summary>
    internal sealed class TooManyAttempts(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => TooManyAsync(httpContext, retryAfter);
    }
}

/// <summary>Sign-in attempts per user name (case-insensitive), whatever address they come from.</summary>
public sealed class SignInAccountLimiter(SignInLimitSettings settings) : IDisposable
{
    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(
        userName => RateLimitPartition.GetSlidingWindowLimiter(userName, _ => SignInLimits.Window(settings.PerAccount, settings.Window)));

    /// <summary>A lease: acquired, or refused (<see cref="RetryAfter"/> says when to try again).</summary>
    public RateLimitLease Acquire(string userName) => limiter.AttemptAcquire(userName.Trim().ToLowerInvariant());

    /// <summary>When a refused attempt may be made again.</summary>
    public TimeSpan RetryAfter(RateLimitLease lease) => SignInLimits.RetryAfter(lease, settings.Window);

    public void Dispose() => limiter.Dispose();
}

/// <summary>Failed sign-ins that no account answers for, counted per address and window (<see cref="SignInFailureCounter"/>).</summary>
public sealed class SignInFailures(SignInFailureCounter store, SignInLimitSettings settings, TimeProvider time)
{
    /// <summary>Counts a failure from this request's address; <paramref name="source"/> is "local" or "oidc".</summary>
    public Task RecordAsync(HttpContext context, string? userName, string source, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        return store.RecordAsync(context.Connection.RemoteIpAddress?.ToString(), userName, source, reason, time.GetUtcNow(), settings.AuditWindow, context.RequestAborted);
    }
}

/// <summary>Writes closed windows of failed sign-ins to the audit log every minute, also when no new failure comes.</summary>
public sealed class SignInFailureFlusher(SignInFailureCounter store, TimeProvider time, ILogger<SignInFailureFlusher> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.FlushAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is briefly away must not stop the audit for good: the windows wait in their table.
                logger.LogWarning(e, "Writing the failed sign-in windows to the audit log failed; trying again in {Interval}", Interval);
            }
        }
    }
}
