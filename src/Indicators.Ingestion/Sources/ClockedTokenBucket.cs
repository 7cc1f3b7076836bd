using System.Threading.RateLimiting;

namespace Indicators.Ingestion.Sources;

/// <summary>
/// A token bucket refilled by a timer from a <see cref="TimeProvider"/>. The framework's TokenBucketRateLimiter measures
/// elapsed time with its own stopwatch even when replenished by hand, so it cannot follow an injected clock; this one
/// does, which keeps the limit on the same clock as every Polly delay (and on fake time in tests). Callers queue in order.
/// </summary>
sealed class ClockedTokenBucket : RateLimiter
{
    static readonly RateLimitLease Acquired = new Lease(true);
    static readonly RateLimitLease Rejected = new Lease(false);

    readonly Lock gate = new();
    readonly Queue<Waiter> waiters = new();
    readonly int limit;
    readonly int queueLimit;
    readonly ITimer timer;
    int tokens;
    int queued;
    bool disposed;

    public ClockedTokenBucket(int permitsPerWindow, TimeSpan window, int queueLimit, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerWindow, 1);
        limit = permitsPerWindow;
        tokens = permitsPerWindow;
        this.queueLimit = queueLimit;
        timer = timeProvider.CreateTimer(_ => Refill(), null, window, window);
    }

    sealed record Waiter(TaskCompletionSource<RateLimitLease> Completion, int Permits);

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = tokens, CurrentQueuedCount = queued };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (queued == 0 && tokens >= permitCount)
            {
                tokens -= permitCount;
                return Acquired;
            }

            return Rejected;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (queued == 0 && tokens >= permitCount)
            {
                tokens -= permitCount;
                return new ValueTask<RateLimitLease>(Acquired);
            }

            if (queued + permitCount > queueLimit || permitCount > limit)
            {
                return new ValueTask<RateLimitLease>(Rejected);
            }

            waiter = new Waiter(new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously), permitCount);
            waiters.Enqueue(waiter);
            queued += permitCount;
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                if (waiter.Completion.TrySetCanceled(cancellationToken))
                {
                    lock (gate)
                    {
                        queued -= waiter.Permits;
                    }
                }
            });
            _ = waiter.Completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    void Refill()
    {
        var ready = new List<Waiter>();
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            tokens = limit;
            while (waiters.TryPeek(out var next))
            {
                if (next.Completion.Task.IsCompleted)
                {
                    waiters.Dequeue(); // cancelled; its permits were already given back
                    continue;
                }

                if (next.Permits > tokens)
                {
                    break;
                }

                waiters.Dequeue();
                tokens -= next.Permits;
                queued -= next.Permits;
                ready.Add(next);
            }
        }

        foreach (var waiter in ready)
        {
            if (!waiter.Completion.TrySetResult(Acquired))
            {
                // Cancelled between the check and now: give the permits back.
                lock (gate)
                {
                    tokens = Math.Min(limit, tokens + waiter.Permits);
                    queued += waiter.Permits; // the cancel callback subtracted them again
                }
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            List<Waiter> abandoned;
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
                abandoned = [.. waiters];
                waiters.Clear();
            }

            timer.Dispose();
            foreach (var waiter in abandoned)
            {
                waiter.Completion.TrySetResult(Rejected);
            }
        }

        base.Dispose(disposing);
    }

    sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
