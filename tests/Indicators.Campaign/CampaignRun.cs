using System.Diagnostics;
using System.Globalization;
using Dapper;
using Indicators.Campaign.Phases;
using Indicators.Campaign.Processes;
using Indicators.Campaign.Web;
using Indicators.Campaign.World;
using Indicators.TestSupport;

namespace Indicators.Campaign;

/// <summary>
/// The whole campaign: set up (database, stubs, web app, workers), a baseline, then source faults side by side with the
/// hostile inputs, kills, database restarts and hostile runs; the stuck watches drain, and the last line sums it up.
/// </summary>
public static class CampaignRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = CampaignOptions.Parse(args);
        var clock = Stopwatch.StartNew();
        using var cancel = new ShutdownSignal();

        Console.WriteLine($"Fault campaign: {options}");
        Console.WriteLine($"Reproduce with: dotnet run -c Release --project tests/Indicators.Campaign -- --seed {options.Seed.ToString(CultureInfo.InvariantCulture)}");
        var ledger = new Ledger(options.Seed);
        var folder = Path.Combine("/var/tmp", $"indicators-campaign-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        long runs = 0;
        var kills = 0;
        var completed = false;
        CampaignContext? context = null;
        try
        {
            var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
            context = new CampaignContext(options, ledger, folder, connectionString);
            var (sources, fuzzFiles, fuzzSettings, pages) = await CampaignDatabase.ArrangeAsync(connectionString, context.FilesRoot, cancel.Token);
            context.Sources = sources;
            context.FuzzFiles = fuzzFiles;
            context.FuzzSettings = fuzzSettings;
            context.Pages = pages;
            context.Stubs = await CampaignStubs.StartAsync(sources);
            context.StuckWatch = new StuckWatch(context);
            context.Fleet = new Fleet(context);
            await context.Fleet.StartWebAsync(cancel.Token);
            await context.Fleet.TopUpAsync(cancel.Token);
            context.Analyst = new WebSession(context.Fleet.WebRoot, CampaignDatabase.AnalystUser, ledger, () => context.Step);
            context.Admin = new WebSession(context.Fleet.WebRoot, CampaignDatabase.AdminUser, ledger, () => context.Step);
            if (!await context.Analyst.SignInAsync(cancel.Token) || !await context.Admin.SignInAsync(cancel.Token))
            {
                throw new InvalidOperationException("The campaign's users could not sign in to the web app.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"setup: PostgreSQL, the demo plan and {sources.Count} sources ({sources.Sum(s => s.Indicators.Count)} indicators), Kolada stub {context.Stubs.Kolada.BaseUrl}, SCB stub {context.Stubs.PxWeb.BaseUrl}, web app {context.Fleet.WebRoot}, {options.Workers} workers; logs in {context.LogFolder}; {clock.Elapsed.TotalSeconds:0} s"));

            var ops = new RunOps(context);
            if (!await new BaselinePhase(context, ops).RunAsync(cancel.Token))
            {
                Console.WriteLine("The campaign's model of a complete run does not match what the product stores; nothing else can be judged.");
                return 3;
            }

            // The hostile inputs go to the web app and the parser host, never to a worker: source faults and kills (which
            // end workers only) run beside them. Restarts do not: they would fail hostile requests for another reason.
            var hostile = new HostilePhase(context).RunAsync(cancel.Token);
            await new FaultPhase(context, ops).RunAsync(cancel.Token);

            // Fresh workers: the persistent faults left their circuit breakers open.
            context.Step = "renewing the workers";
            await context.Fleet.RenewWorkersAsync(cancel.Token);
            var killPhase = new KillPhase(context, ops);
            await killPhase.RunAsync(cancel.Token);
            kills = killPhase.Kills;
            await hostile;
            await new RestartPhase(context, ops).RunAsync(cancel.Token);
            await new HostileRunsPhase(context, ops).RunAsync(cancel.Token);

            context.Step = "waiting for the last stuck watches";
            await context.StuckWatch.DrainAsync();
            await context.StuckWatch.SweepOrphansAsync(context.Step, cancel.Token);
            context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
                $"stuck rule: {context.StuckWatch.Watched} runs watched for 60 s after their process died or the database came back, {context.StuckWatch.Stuck} still running"));
            context.Step = "final check of every source";
            await using (var connection = await context.OpenAsync(cancel.Token))
            {
                foreach (var source in sources.Append(fuzzFiles))
                {
                    await StoredState.CheckInvariantsAsync(connection, source, ledger, context.Step);
                }

                runs = await connection.ExecuteScalarAsync<long>("select count(*) from ingestion_run where source_id = any(@Ids)",
                    new { Ids = sources.Append(fuzzFiles).Append(fuzzSettings).Select(s => s.Id).ToArray() });
            }

            completed = true;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"processes: {context.Fleet.WorkersStarted} workers started; the web app logged {context.Fleet.RequestExceptionsLogged} request-level exceptions (for the 5xx answers counted above; one answer may log two or three); {ledger.Notes.Count} notes"));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.WriteLine("Cancelled.");
        }
        finally
        {
            if (context is not null)
            {
                context.Analyst?.Dispose();
                context.Admin?.Dispose();
                if (context.Fleet is not null)
                {
                    await context.Fleet.DisposeAsync();
                }

                if (context.Stubs is not null)
                {
                    await context.Stubs.DisposeAsync();
                }

                await context.DataSource.DisposeAsync();
            }

            await File.WriteAllLinesAsync(Path.Combine(folder, "failures.txt"), ledger.Failures.Concat(ledger.Notes));
            Console.WriteLine($"Every failure and note: {Path.Combine(folder, "failures.txt")}; logs: {Path.Combine(folder, "logs")}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {clock.Elapsed.TotalMinutes:0.0} min, seed {options.Seed}"));
        var enough = runs >= 60 && kills >= options.Kills;
        if (completed && !enough)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Too little for a campaign: {runs} runs (at least 60), {kills} of {options.Kills} kills."));
        }

        Console.WriteLine(ledger.LastLine(runs));
        return completed && ledger.Clean && enough ? 0 : 1;
    }
}
