using System.Diagnostics;
using System.Globalization;
using Dapper;
using Indicators.Campaign.World;
using Npgsql;

namespace Indicators.Campaign.Phases;

/// <summary>
/// SIGKILLs the worker doing a run, aimed in turn at each point of the run — reading (its source's answer held by the
/// stub), mid-COPY, writing (the merge), committing (everything written, the commit held back by a lock on the run's own
/// row), and at a random moment — then checks that the source's outcomes are as before or wholly replaced, and watches
/// the killed runs for the stuck rule. A killed source rests 65 s, so nothing but the product can mark its run failed
/// within the minute. A replacement worker is started at once.
/// </summary>
public sealed class KillPhase(CampaignContext context, RunOps ops)
{
    static readonly string[] Aims = [KillPoint.Reading, KillPoint.MidCopy, KillPoint.Writing, KillPoint.Committing, KillPoint.AtRandom];

    readonly Dictionary<string, int> landed = new(StringComparer.Ordinal);
    int kills;
    int missed;

    /// <summary>SIGKILLs that landed mid-run.</summary>
    public int Kills => kills;
    int runsKilled;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var attempt = 0;
        var printed = 0;
        while (kills < context.Options.Kills && attempt < context.Options.Kills * 3)
        {
            var aim = Aims[(attempt + 1) % Aims.Length];
            var source = Choose(aim);
            if (source is null)
            {
                // Every source it could aim at is resting (65 s after its last kill): wait, this is no attempt.
                await Task.Delay(500, cancellationToken);
                continue;
            }

            attempt++;

            context.Step = string.Create(CultureInfo.InvariantCulture, $"kill {kills + 1} (aimed: {aim}) of {source}");
            await context.Fleet.EnsureWorkerAsync(cancellationToken);
            await KillOnceAsync(source, aim, cancellationToken);
            if (kills > 0 && kills % 10 == 0 && kills != printed)
            {
                printed = kills;
                context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
                    $"  kills: {kills} in {clock.Elapsed.TotalSeconds:0} s ({Landed()}); {missed} runs finished before the aimed point"));
            }
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"kills: {kills} SIGKILLs of a worker mid-run ({Landed()}), {runsKilled} runs killed, {missed} runs finished before the aimed point, {clock.Elapsed.TotalSeconds:0} s"));
    }

    string Landed() => string.Join(", ", landed.OrderBy(l => Array.IndexOf(Aims, l.Key)).Select(l => $"{l.Key} {l.Value}"));

    /// <summary>A rested source the aim can reach: reading is aimed at sources read over HTTP (the stub holds their answer).</summary>
    CampaignSource? Choose(string aim)
    {
        var now = DateTimeOffset.UtcNow;
        var candidates = context.Sources.Where(s => s.RestingUntil <= now && (aim != KillPoint.Reading || s.Kind != "file")).ToList();
        return candidates.Count == 0 ? null : candidates[context.Random.Next(candidates.Count)];
    }

    async Task KillOnceAsync(CampaignSource source, string aim, CancellationToken cancellationToken)
    {
        var prepared = await ops.PrepareAsync(source, cancellationToken);
        Hold? hold = null;
        if (aim == KillPoint.Reading)
        {
            hold = context.Stubs.ArmHold(source.Id, context.Random.Next(source.Kind == "kolada" ? 4 : 5));
        }

        try
        {
            if (!await ops.TriggerAsync(source, cancellationToken))
            {
                context.Ledger.Note(context.Step, "the web app did not take the request to start the run; trying another source");
                return;
            }

            var run = await ops.FindRunAsync(source, prepared.LastRunId, TimeSpan.FromSeconds(90), cancellationToken);
            if (run is null || context.Fleet.WorkerNamed(run.ApplicationName) is not { } worker)
            {
                missed++;
                await ops.WaitFinishedAsync(source, prepared.LastRunId, TimeSpan.FromSeconds(60), cancellationToken);
                await ops.CheckAsync(prepared, cancellationToken);
                return;
            }

            await using var probe = await context.OpenAsync(cancellationToken);
            await using var blocker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(context.ConnectionString) { ApplicationName = "campaign-blocker", Pooling = false }.ConnectionString);
            var point = await KillPoint.WaitForAsync(aim, hold, probe, blocker, run, context.Random, cancellationToken);
            if (point == KillPoint.Finished)
            {
                missed++;
                await ops.CheckAsync(prepared, cancellationToken);
                return;
            }

            var dying = await ops.RunsHeldByAsync(run.ApplicationName, cancellationToken);
            worker.Kill();
            await worker.Exited.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var died = worker.ExitedAt ?? DateTimeOffset.UtcNow;
            if (blocker.State == System.Data.ConnectionState.Open)
            {
                await blocker.CloseAsync();
            }

            kills++;
            runsKilled += dying.Count;
            landed[point] = landed.GetValueOrDefault(point) + 1;
            foreach (var resting in context.Sources.Where(s => dying.Any(d => d.SourceId == s.Id)))
            {
                resting.RestingUntil = died + StuckWatch.Grace + TimeSpan.FromSeconds(5);
            }

            context.StuckWatch.Watch([.. dying.Select(d => d.RunId)], died, $"{worker.Name} was killed ({point})");

            await WaitSessionsGoneAsync(probe, run.ApplicationName, cancellationToken);
            var verdict = await ops.CheckAsync(prepared, cancellationToken);
            foreach (var other in context.Sources.Where(s => s != source && dying.Any(d => d.SourceId == s.Id)))
            {
                await StoredState.CheckInvariantsAsync(probe, other, context.Ledger, context.Step);
            }

            if (verdict == StepVerdict.Replaced && point != KillPoint.Committing)
            {
                context.Ledger.Note(context.Step, $"killed while {point}, yet the run's data is stored whole (it committed first)");
            }
        }
        finally
        {
            if (hold is not null)
            {
                context.Stubs.DisarmHold(source.Id);
                hold.Release();
            }
        }
    }

    /// <summary>PostgreSQL ends a dead process's sessions when it notices the closed sockets; then its transaction is gone.</summary>
    public static async Task WaitSessionsGoneAsync(NpgsqlConnection probe, string applicationName, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline
               && await probe.ExecuteScalarAsync<bool>("select exists (select 1 from pg_stat_activity where application_name = @App)", new { App = applicationName }))
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
