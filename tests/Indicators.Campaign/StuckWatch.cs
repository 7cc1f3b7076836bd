using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Indicators.Campaign;

/// <summary>
/// The stuck rule: a run whose process died, or whose database went away, must have left <c>running</c> 60 s after the
/// process died or the database came back. Each watched run is looked at once, at that moment.
/// </summary>
public sealed class StuckWatch(CampaignContext context)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    readonly ConcurrentBag<Task> checks = [];
    readonly ConcurrentDictionary<long, bool> counted = new();
    int watched;
    int stuck;

    public int Watched => Volatile.Read(ref watched);

    public int Stuck => Volatile.Read(ref stuck);

    /// <param name="runIds">The runs that were running.</param>
    /// <param name="since">When their process died or the database was back.</param>
    /// <param name="what">"worker campaign-worker-3 was killed", "PostgreSQL came back".</param>
    public void Watch(IReadOnlyCollection<long> runIds, DateTimeOffset since, string what)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Count == 0)
        {
            return;
        }

        Interlocked.Add(ref watched, runIds.Count(id => !counted.ContainsKey(id)));
        var step = context.Step;
        checks.Add(Task.Run(async () =>
        {
            var wait = since + Grace - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = await context.OpenAsync(CancellationToken.None);
                    var still = (await connection.QueryAsync<(long Id, int? SourceId, string? Phase)>(
                        "select id, source_id, phase from ingestion_run where id = any(@Ids) and status = 'running'", new { Ids = runIds.ToArray() })).ToList();
                    // A run caught twice (killed, then still running at a restart) is one stuck run.
                    foreach (var run in still.Where(r => counted.TryAdd(r.Id, true)))
                    {
                        Interlocked.Increment(ref stuck);
                        context.Ledger.CountStuck(step, string.Create(CultureInfo.InvariantCulture,
                            $"run {run.Id} of source {run.SourceId} (phase {run.Phase}) is still 'running' {Grace.TotalSeconds:0} s after {what}"));
                    }

                    return;
                }
                catch (NpgsqlException) when (attempt < 20)
                {
                    // The database may be restarting right now (a later step's restart): look again shortly.
                    await Task.Delay(1000);
                }
            }
        }));
    }

    /// <summary>Waits for every pending look (at most a minute after the last event).</summary>
    public Task DrainAsync() => Task.WhenAll(checks);

    /// <summary>
    /// Runs still <c>running</c> whose source's run lock nobody holds: no process is running them, so nothing will ever
    /// end them (a failure that could not be recorded, say). Counted once each, if older than the grace.
    /// </summary>
    public async Task<int> SweepOrphansAsync(string step, CancellationToken cancellationToken)
    {
        await using var connection = await context.OpenAsync(cancellationToken);
        var orphans = (await connection.QueryAsync<(long Id, int? SourceId, string? Phase, string? Message)>("""
            select r.id, r.source_id, r.phase, left(r.message, 120) from ingestion_run r
            where r.status = 'running' and r.started_at < now() - make_interval(secs => @Grace)
              and not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.classid = @Space and l.objid = r.source_id and l.granted)
            """, new { Grace = Grace.TotalSeconds, Space = RunOps.SourceLockSpace })).ToList();
        var found = 0;
        foreach (var run in orphans.Where(r => counted.TryAdd(r.Id, true)))
        {
            found++;
            Interlocked.Increment(ref stuck);
            context.Ledger.CountStuck(step, string.Create(CultureInfo.InvariantCulture,
                $"run {run.Id} of source {run.SourceId} (phase {run.Phase}) is 'running', but no process runs it (its source's run lock is free)"));
        }

        return found;
    }
}
