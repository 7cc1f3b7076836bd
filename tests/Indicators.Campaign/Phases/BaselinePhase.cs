using System.Diagnostics;
using System.Globalization;
using Indicators.Campaign.World;

namespace Indicators.Campaign.Phases;

/// <summary>
/// One complete run of every campaign source, all at once. Each must succeed and store exactly its generation's data:
/// this checks the campaign's own model of what a complete run stores before anything is judged by it.
/// </summary>
public sealed class BaselinePhase(CampaignContext context, RunOps ops)
{
    /// <returns>False when the model and the product disagree (the campaign cannot judge anything then).</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        context.Step = "baseline: a complete run of every source";
        var prepared = new List<Prepared>();
        foreach (var source in context.Sources)
        {
            prepared.Add(await ops.PrepareAsync(source, cancellationToken));
            await ops.TriggerAsync(source, cancellationToken);
        }

        var ok = true;
        foreach (var step in prepared)
        {
            var run = await ops.WaitFinishedAsync(step.Source, step.LastRunId, TimeSpan.FromMinutes(5), cancellationToken);
            var verdict = await ops.CheckAsync(step, cancellationToken);
            if (run is not { Status: "succeeded" } || verdict != StepVerdict.Replaced)
            {
                ok = false;
                context.Ledger.Print($"  CAMPAIGN ERROR: the baseline run of {step.Source} ended {run?.Status ?? "not at all"} ({run?.Message}); its outcomes are {verdict.ToString().ToLowerInvariant()}, not the {step.Expected.Count} expected");
            }
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"baseline: {prepared.Count} sources, {prepared.Sum(p => p.Expected.Count):N0} outcomes stored by complete runs, {clock.Elapsed.TotalSeconds:0} s"));
        return ok;
    }
}
