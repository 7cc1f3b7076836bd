using System.Diagnostics;
using System.Globalization;
using Dapper;
using Indicators.Campaign.World;
using Indicators.TestSupport;

namespace Indicators.Campaign.Phases;

/// <summary>
/// Restarts PostgreSQL while runs are under way — a Kolada run held mid-read by the stub, an SCB and a file run wherever
/// they are — alternating a clean stop ("fast") and a crash ("immediate"). Right after the database is back, the web
/// app is asked for pages (a 500 there is a server error); the runs that were running are watched for the stuck rule;
/// each source's outcomes must be as before or wholly replaced.
/// </summary>
public sealed class RestartPhase(CampaignContext context, RunOps ops)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var downtime = TimeSpan.Zero;
        var caught = 0;
        var ownRuns = 0;
        for (var restart = 1; restart <= context.Options.Restarts; restart++)
        {
            var immediate = restart % 2 == 0;
            var sources = await ChooseAsync(cancellationToken);
            context.Step = string.Create(CultureInfo.InvariantCulture,
                $"restart {restart} ({(immediate ? "immediate" : "fast")}) during runs of {string.Join(", ", sources.Select(s => s.ToString()))}");
            await context.Fleet.EnsureWorkerAsync(cancellationToken);
            var prepared = new List<Prepared>();
            foreach (var source in sources)
            {
                prepared.Add(await ops.PrepareAsync(source, cancellationToken));
            }

            var kolada = sources.First(s => s.Kind == "kolada");
            var hold = context.Stubs.ArmHold(kolada.Id, context.Random.Next(4));
            try
            {
                foreach (var source in sources)
                {
                    await ops.TriggerAsync(source, cancellationToken);
                }

                // The Kolada run waits for its held page; the others get a moment to be somewhere in their run.
                await Task.WhenAny(hold.Held, Task.Delay(TimeSpan.FromSeconds(60), cancellationToken));
                await Task.Delay(context.Random.Next(1_500), cancellationToken);
                List<long> running;
                await using (var connection = await context.OpenAsync(cancellationToken))
                {
                    running = (await connection.QueryAsync<long>("select id from ingestion_run where status = 'running'")).AsList();
                    foreach (var step in prepared)
                    {
                        ownRuns += await connection.ExecuteScalarAsync<int>(
                            "select count(*)::int from ingestion_run where status = 'running' and source_id = @Source and id > @After",
                            new { Source = step.Source.Id, After = step.LastRunId });
                    }
                }

                var away = await TestPostgres.RestartAsync(immediate, cancellationToken);
                var back = DateTimeOffset.UtcNow;
                // The campaign's own idle connections died with the server.
                context.DataSource.Clear();
                downtime += away;
                caught += running.Count;
                context.StuckWatch.Watch(running, back, "PostgreSQL came back");
                foreach (var source in sources)
                {
                    source.RestingUntil = back + StuckWatch.Grace + TimeSpan.FromSeconds(5);
                }

                // The first requests after the restart meet the web app's pooled connections, dead since the restart.
                foreach (var (session, page) in new[] { (context.Analyst, "/kallor"), (context.Admin, "/"), (context.Analyst, string.Create(CultureInfo.InvariantCulture, $"/kallor/{kolada.Id}")) })
                {
                    try
                    {
                        await session.GetAsync(page, cancellationToken);
                    }
                    catch (HttpRequestException e)
                    {
                        context.Ledger.Note(context.Step, $"GET {page} after the restart got no answer: {e.Message}");
                    }
                }
            }
            finally
            {
                context.Stubs.DisarmHold(kolada.Id);
                hold.Release();
            }

            foreach (var step in prepared)
            {
                await ops.WaitFinishedAsync(step.Source, step.LastRunId, TimeSpan.FromSeconds(15), cancellationToken);
                await ops.CheckAsync(step, cancellationToken);
            }
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"restarts: {context.Options.Restarts} PostgreSQL restarts mid-run ({(context.Options.Restarts + 1) / 2} fast, {context.Options.Restarts / 2} immediate) during {ownRuns} of the campaign's runs ({caught} runs 'running' at the time, those left by kills included), database away {downtime.TotalSeconds:0.0} s in all, {clock.Elapsed.TotalSeconds:0} s"));
    }

    /// <summary>A rested Kolada, SCB and file source; waits for them to rest if need be.</summary>
    async Task<List<CampaignSource>> ChooseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var chosen = new[] { "kolada", "pxweb", "file" }
                .Select(kind => context.Sources.Where(s => s.Kind == kind && s.RestingUntil <= now).OrderBy(_ => context.Random.Next()).FirstOrDefault())
                .ToList();
            if (chosen.All(s => s is not null))
            {
                return chosen!;
            }

            await Task.Delay(500, cancellationToken);
        }
    }
}
