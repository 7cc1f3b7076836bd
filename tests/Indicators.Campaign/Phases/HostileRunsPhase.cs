using System.Diagnostics;
using System.Globalization;
using Dapper;
using Indicators.Campaign.World;
using Indicators.TestSupport.Hostile;

namespace Indicators.Campaign.Phases;

/// <summary>
/// Hostile input all the way through a real worker, one run each: hostile files uploaded to a file source with "läs in
/// nu", and hostile settings stored in a source (as a plan import or an old version might have left them) whose pages are
/// opened and which is then run. A run must end (failed with a reason, or succeeded), its worker must live, the source's
/// outcomes must be as before or only added to, and the pages must not answer 500. Settings pointing at devices and
/// /proc are left out: reading /dev/zero would not end, and is the file-root rule's to refuse, not the worker's to survive.
/// </summary>
public sealed class HostileRunsPhase(CampaignContext context, RunOps ops)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = context.Options.HostileRuns / 2;
        for (var i = 0; i < files; i++)
        {
            var input = HostileInputs.Generate(context.Options.Seed, i % 2 == 0 ? HostileKind.Csv : HostileKind.Xlsx, i / 2);
            context.Step = $"hostile run of the file {input} (seed {context.Options.Seed})";
            var outcome = await FileAsync(input, cancellationToken);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var settingsRuns = 0;
        for (var number = 0; settingsRuns < context.Options.HostileRuns - files && number < 1_000; number++)
        {
            var input = HostileInputs.Generate(context.Options.Seed, HostileKind.SourceSettings, number);
            if (!HostileSettings.IsStorable(input.Text) || input.Text.Contains("/dev", StringComparison.Ordinal) || input.Text.Contains("/proc", StringComparison.Ordinal))
            {
                continue;
            }

            settingsRuns++;
            context.Step = $"hostile run with the settings {input} (seed {context.Options.Seed})";
            var outcome = await SettingsAsync(input, cancellationToken);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        context.Ledger.Print(string.Create(CultureInfo.InvariantCulture,
            $"hostile runs: {files} hostile files and {settingsRuns} hostile settings run by a worker ({string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}), {clock.Elapsed.TotalSeconds:0} s"));
    }

    async Task<string> FileAsync(HostileInput input, CancellationToken cancellationToken)
    {
        var source = context.FuzzFiles;
        Snapshot before;
        long lastRun;
        await using (var connection = await context.OpenAsync(cancellationToken))
        {
            // Only this file: the hostile uploads of the request phase wait here too, and a run reads every pending file.
            await connection.ExecuteAsync("delete from source_file where source_id = @Id and ingested_at is null", new { source.Id });
            before = await StoredState.ReadAsync(connection, source);
            lastRun = await connection.ExecuteScalarAsync<long?>("select max(id) from ingestion_run where source_id = @Id", new { source.Id }) ?? 0;
        }

        await context.Fleet.EnsureWorkerAsync(cancellationToken);
        var (status, location) = await context.Analyst.UploadAsync(source.Id, input.Name, input.Content, runNow: true, cancellationToken);
        if (location?.Contains("startad=", StringComparison.Ordinal) != true)
        {
            return $"refused at upload ({(int)status})";
        }

        var outcome = await AwaitRunAsync(source, lastRun, cancellationToken);
        await using (var connection = await context.OpenAsync(cancellationToken))
        {
            await StoredState.CheckInvariantsAsync(connection, source, context.Ledger, context.Step);
            var after = await StoredState.ReadAsync(connection, source);
            if (after.MissingFrom(before) is var missing and > 0)
            {
                context.Ledger.CountLost(context.Step, $"{missing} outcomes of the source are gone after the hostile file's run");
            }

            if (outcome.StartsWith("failed", StringComparison.Ordinal) && !after.Matches(before.Outcomes))
            {
                context.Ledger.CountPartial(context.Step, "the run failed, yet the source's outcomes changed");
            }

            // The file stays pending after a failed run; it would fail every later run of the source.
            await connection.ExecuteAsync("delete from source_file where source_id = @Id and ingested_at is null", new { source.Id });
        }

        return outcome;
    }

    async Task<string> SettingsAsync(HostileInput input, CancellationToken cancellationToken)
    {
        var source = context.FuzzSettings;
        long lastRun;
        await using (var connection = await context.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync("update source set kind = @Kind, settings = @Settings::jsonb where id = @Id", new { Kind = input.Name, Settings = input.Text, source.Id });
            lastRun = await connection.ExecuteScalarAsync<long?>("select max(id) from ingestion_run where source_id = @Id", new { source.Id }) ?? 0;
        }

        foreach (var (session, page) in new[] { (context.Analyst, $"/kallor/{source.Id}"), (context.Analyst, $"/kallor/{source.Id}/redigera"), (context.Admin, "/kallor") })
        {
            await session.GetAsync(page, cancellationToken);
        }

        await context.Fleet.EnsureWorkerAsync(cancellationToken);
        if (!await context.Analyst.RunNowAsync(source.Id, cancellationToken))
        {
            return "not started";
        }

        var outcome = await AwaitRunAsync(source, lastRun, cancellationToken);
        if (input.Name == "file" && outcome.StartsWith("succeeded", StringComparison.Ordinal))
        {
            // Never print what it read: it may be a file outside the roots (finding 1).
            await using var connection = await context.OpenAsync(cancellationToken);
            var settingsFolder = await connection.ExecuteScalarAsync<string?>("select settings ->> 'folder' from source where id = @Id", new { source.Id });
            if (settingsFolder is { } folder && !Path.GetFullPath(Path.Combine(context.FilesRoot, folder.Trim())).StartsWith(context.FilesRoot, StringComparison.Ordinal))
            {
                context.Ledger.Note(context.Step, $"a file source whose folder leaves the file root ('{HostileSettings.Preview(folder)}') was read by a run");
            }
        }

        return outcome;
    }

    /// <summary>The run's end: "succeeded", "failed", or a wait that timed out (its worker alive or dead).</summary>
    async Task<string> AwaitRunAsync(CampaignSource source, long lastRun, CancellationToken cancellationToken)
    {
        var run = await ops.FindRunAsync(source, lastRun, TimeSpan.FromSeconds(60), cancellationToken);
        var worker = run is null ? null : context.Fleet.WorkerNamed(run.ApplicationName);
        var finished = await ops.WaitFinishedAsync(source, lastRun, TimeSpan.FromSeconds(60), cancellationToken);
        if (finished is { } done)
        {
            return done.Status.StartsWith("succeeded", StringComparison.Ordinal) ? "succeeded" : "failed";
        }

        if (worker is { HasExited: true } dead && run is not null)
        {
            context.StuckWatch.Watch([run.RunId], dead.ExitedAt ?? DateTimeOffset.UtcNow, $"{dead.Name} died during the run");
            return "worker died";
        }

        if (await context.StuckWatch.SweepOrphansAsync(context.Step, cancellationToken) > 0)
        {
            return "orphaned";
        }

        context.Ledger.Note(context.Step, "the run had not ended after 60 s (its worker is alive and still runs it)");
        return "still running after 60 s";
    }
}
