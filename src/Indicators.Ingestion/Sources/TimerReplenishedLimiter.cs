using System.Threading.RateLimiting;

namespace Indicators.Ingestion.Sources;

/// <summary>A limiter together with the timer that replenishes it; disposing one disposes both.</summary>
sealed class TimerReplenishedLimiter(RateLimiter inner, ITimer timer) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            timer.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await timer.DisposeAsync();
        await inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
