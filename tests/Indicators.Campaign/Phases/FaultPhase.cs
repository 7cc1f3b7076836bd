using System.Diagnostics;
using System.Globalization;
using Indicators.Campaign.World;
using Indicators.TestSupport.Sources;

namespace Indicators.Campaign.Phases;

/// <summary>
/// Every source fault (<see cref="SourceFault"/>) against the Kolada and the SCB stub, once as a single bad answer in the
/// middle of a run and once on every answer. A transient fault a client retries (429 with Retry-After, 500, 503,
/// timeout, reset, truncated body) should heal: the run succeeds with the whole new data. A bad body with status 200
/// (malformed JSON, empty, HTML) and every persistent fault should fail the run with a Swedish message naming the source,
/// leaving the outcomes as they were. Only the invariants (as before or wholly replaced, not stuck) count in the last
/// line; a run that did not end as expected is a note.
/// </summary>
public sealed class FaultPhase(CampaignContext context, RunOps ops)
{
    int runs;
    int asExpected;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var kolada = context.Sources.Where(s => s.Kind == "kolada").ToList();
        var pxWeb = context.Sources.Where(s => s.Kind == "pxweb").ToList();

        // One bad answer per run, the two stubs side by side (each client has its own circuit breaker).
        await Task.WhenAll(
            TransientAsync(kolada, cancellationToken),
            TransientAsync(pxWeb, cancellationToken));
        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"  faults: {runs} runs with one bad answer each, {asExpected} ended as expected, {clock.Elapsed.TotalSeconds:0} s"));

        // Every answer bad: all at once, in two waves (a source runs once at a time).
        var cases = SourceFaults.All.Select(f => (Fault: f, Kind: "kolada")).Concat(SourceFaults.All.Select(f => (Fault: f, Kind: "pxweb"))).ToList();
        var used = new HashSet<int>();
        while (cases.Count > 0)
        {
            var wave = new List<(SourceFault Fault, CampaignSource Source)>();
            foreach (var c in cases.ToList())
            {
                if ((c.Kind == "kolada" ? kolada : pxWeb).FirstOrDefault(s => !used.Contains(s.Id)) is { } source)
                {
                    used.Add(source.Id);
                    wave.Add((c.Fault, source));
                    cases.Remove(c);
                }
            }

            await Task.WhenAll(wave.Select(w => OneAsync(w.Source, w.Fault, persistent: true, cancellationToken)));
            used.Clear();
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"faults: {SourceFaults.All.Count} kinds × Kolada and SCB, transient and persistent: {runs} runs, {asExpected} ended as expected, {clock.Elapsed.TotalSeconds:0} s"));
    }

    async Task TransientAsync(List<CampaignSource> sources, CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var fault in SourceFaults.All)
        {
            await OneAsync(sources[i++ % sources.Count], fault, persistent: false, cancellationToken);
        }
    }

    async Task OneAsync(CampaignSource source, SourceFault fault, bool persistent, CancellationToken cancellationToken)
    {
        var step = $"fault {SourceFaults.Describe(fault)} ({(persistent ? "every answer" : "one answer")}) on {source}";
        var prepared = await ops.PrepareAsync(source, cancellationToken);
        // Kolada: 4 pages; SCB: 5 data requests. The bad answer comes at a random one of them.
        context.Stubs.ArmFault(source.Id, fault, context.Next(source.Kind == "kolada" ? 4 : 5), persistent ? int.MaxValue : 1);
        try
        {
            if (!await ops.TriggerAsync(source, cancellationToken))
            {
                context.Ledger.Note(step, "the web app did not take the request to start the run");
                return;
            }

            var finished = await ops.WaitFinishedAsync(source, prepared.LastRunId, TimeSpan.FromMinutes(persistent ? 9 : 3), cancellationToken);
            Interlocked.Increment(ref runs);
            var injected = context.Stubs.DisarmFault(source.Id);
            var verdict = await ops.CheckAsync(prepared, cancellationToken);
            if (finished is not { } run)
            {
                context.Ledger.Note(step, "the run did not end within its time; the stuck rule watches it");
                return;
            }

            var heals = !persistent && SourceFaults.IsTransient(fault);
            var expected = heals ? (Status: "succeeded", Verdict: StepVerdict.Replaced) : (Status: "failed", Verdict: StepVerdict.Unchanged);
            // A persistent fault may meet the circuit breaker the worker's other failing runs opened: no answer is asked for.
            var breaker = run.Message?.Contains("för många gånger i rad", StringComparison.Ordinal) == true;
            if (run.Status == expected.Status && verdict == expected.Verdict && (injected > 0 || (persistent && breaker))
                && (heals || (run.Message?.Contains(source.Kind == "kolada" ? "Kolada" : "SCB", StringComparison.Ordinal) == true && !run.Message.Contains("Exception", StringComparison.Ordinal))))
            {
                Interlocked.Increment(ref asExpected);
                return;
            }

            context.Ledger.Note(step, string.Create(CultureInfo.InvariantCulture,
                $"expected {expected.Status} leaving the outcomes {(heals ? "replaced" : "unchanged")}; run {run.RunId} ended {run.Status}, outcomes {verdict.ToString().ToLowerInvariant()}, {injected} bad answers served; message: {run.Message}"));
        }
        finally
        {
            context.Stubs.DisarmFault(source.Id);
        }
    }
}
