using System.Globalization;
using Dapper;
using Indicators.Campaign.World;
using Npgsql;

namespace Indicators.Campaign;

/// <summary>A step's run as the campaign sees it: its row, and the process (worker) holding its source's run lock.</summary>
public sealed record RunInProcess(long RunId, string ApplicationName);

/// <summary>What a step prepared: the source's outcomes before, what a complete run of the new data stores, the last run before.</summary>
public sealed record Prepared(CampaignSource Source, Snapshot Before, IReadOnlyDictionary<ObservationKey, ObservationValue> Expected, long LastRunId);

/// <summary>
/// The moves every phase makes with a source: prepare new data, start a run the way a person or a watched folder does,
/// find the run and its process, wait for it, and check what it left.
/// </summary>
public sealed class RunOps(CampaignContext context)
{
    /// <summary>The runner's advisory-lock namespace (IngestionRunner: pg_try_advisory_lock(0x494E44, source id)).</summary>
    public const int SourceLockSpace = Indicators.Ingestion.Runs.AbandonedRuns.SourceLockSpace;

    /// <summary>
    /// Moves the source to its next generation and reads what is stored. For sources read over HTTP this happens under
    /// the source's own run lock, so no run (a re-queued job, say) reads half of one generation and half of the next. A
    /// file source's new file is written after: it is complete when it appears (written aside, then renamed).
    /// </summary>
    public async Task<Prepared> PrepareAsync(CampaignSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(context.ConnectionString) { ApplicationName = "campaign-prepare", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await connection.ExecuteScalarAsync<bool>("select pg_try_advisory_lock(@Space, @Source)", new { Space = SourceLockSpace, Source = source.Id }))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{source}: a run held its lock for more than 120 s");
            }

            await Task.Delay(100, cancellationToken);
        }

        var generation = source.Generation + 1;
        if (source.Kind != "file")
        {
            source.SetGeneration(generation);
        }

        var before = await StoredState.ReadAsync(connection, source);
        var lastRun = await connection.ExecuteScalarAsync<long?>("select max(id) from ingestion_run where source_id = @Id", new { source.Id }) ?? 0;
        await connection.ExecuteAsync("select pg_advisory_unlock(@Space, @Source)", new { Space = SourceLockSpace, Source = source.Id });
        if (source.Kind == "file")
        {
            source.SetGeneration(generation);
            await WriteFolderFileAsync(source, cancellationToken);
        }

        return new Prepared(source, before, SourceData.Expected(source, generation), lastRun);
    }

    /// <summary>A folder source's new file, written aside and renamed into place; older generations' files go.</summary>
    static async Task WriteFolderFileAsync(CampaignSource source, CancellationToken cancellationToken)
    {
        if (source.Folder is not { } folder)
        {
            return;
        }

        var extension = source.Delivery == FileDelivery.FolderXlsx ? ".xlsx" : ".csv";
        var content = source.Delivery == FileDelivery.FolderXlsx ? SourceData.Xlsx(source, source.Generation) : SourceData.Csv(source, source.Generation);
        var name = string.Create(CultureInfo.InvariantCulture, $"leverans-{source.Generation:0000}{extension}");
        var aside = Path.Combine(folder, name + ".tmp");
        await File.WriteAllBytesAsync(aside, content, cancellationToken);
        File.Move(aside, Path.Combine(folder, name));
        foreach (var old in Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != name && !f.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            File.Delete(old);
        }
    }

    /// <summary>
    /// Starts the run as it starts in production: "Kör nu" on the source page, an upload with "läs in nu", or (a watched
    /// folder) nothing — the workers' folder polling finds the new file. True when the request was taken.
    /// </summary>
    public async Task<bool> TriggerAsync(CampaignSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        switch (source.Delivery)
        {
            case FileDelivery.FolderCsv:
            case FileDelivery.FolderXlsx:
                return true;
            case FileDelivery.Upload:
                var (status, location) = await context.Analyst.UploadAsync(source.Id, string.Create(CultureInfo.InvariantCulture, $"leverans-{source.Generation:0000}.csv"),
                    SourceData.Csv(source, source.Generation), runNow: true, cancellationToken);
                return status == System.Net.HttpStatusCode.Redirect && location?.Contains("startad=", StringComparison.Ordinal) == true;
            default:
                return await context.Analyst.RunNowAsync(source.Id, cancellationToken);
        }
    }

    /// <summary>The source's newest running run after <paramref name="afterRunId"/> and the process holding its lock, or null.</summary>
    public async Task<RunInProcess?> FindRunAsync(CampaignSource source, long afterRunId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var connection = await context.OpenAsync(cancellationToken);
                var found = await connection.QuerySingleOrDefaultAsync<(long RunId, string ApplicationName)?>("""
                    select r.id, a.application_name
                    from ingestion_run r
                    cross join pg_locks l join pg_stat_activity a on a.pid = l.pid
                    where r.source_id = @Source and r.id > @After and r.status = 'running'
                      and l.locktype = 'advisory' and l.classid = @Space and l.objid = @Source and l.granted
                    order by r.id desc limit 1
                    """, new { Source = source.Id, After = afterRunId, Space = SourceLockSpace });
                if (found is { } run)
                {
                    return new RunInProcess(run.RunId, run.ApplicationName);
                }

                if (await connection.ExecuteScalarAsync<bool>(
                        "select exists (select 1 from ingestion_run where source_id = @Source and id > @After and status <> 'running')", new { Source = source.Id, After = afterRunId }))
                {
                    // It ran and ended before we saw it.
                    return null;
                }
            }
            catch (NpgsqlException)
            {
            }

            await Task.Delay(15, cancellationToken);
        }

        return null;
    }

    /// <summary>Waits until the source has a finished run after <paramref name="afterRunId"/>; its status and message, or null on timeout.</summary>
    public async Task<(long RunId, string Status, string? Message)?> WaitFinishedAsync(CampaignSource source, long afterRunId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var connection = await context.OpenAsync(cancellationToken);
                var runs = (await connection.QueryAsync<(long Id, string Status, string? Message)>(
                    "select id, status, message from ingestion_run where source_id = @Source and id > @After order by id", new { Source = source.Id, After = afterRunId })).ToList();
                // The step's run is done when no run of the source after the mark is running and one has finished.
                if (runs.Count > 0 && runs.All(r => r.Status != "running"))
                {
                    var last = runs.LastOrDefault(r => r.Status != "succeeded" || r.Message?.StartsWith("0 nya, 0 ändrade, 0 oförändrade", StringComparison.Ordinal) != true);
                    return last == default ? runs[^1] : last;
                }
            }
            catch (NpgsqlException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        return null;
    }

    /// <summary>Checks what the step left for the source (see <see cref="StoredState.CheckAsync"/>).</summary>
    public async Task<StepVerdict> CheckAsync(Prepared prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await context.OpenAsync(cancellationToken);
                return await StoredState.CheckAsync(connection, prepared.Source, prepared.Before, prepared.Expected, context.Ledger, context.Step);
            }
            catch (NpgsqlException) when (attempt < 30)
            {
                await Task.Delay(1000, cancellationToken);
            }
        }
    }

    /// <summary>Runs of sources whose lock a process's sessions hold: what dies with it.</summary>
    public async Task<IReadOnlyList<(long RunId, int SourceId)>> RunsHeldByAsync(string applicationName, CancellationToken cancellationToken)
    {
        await using var connection = await context.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long, int)>("""
            select r.id, r.source_id from ingestion_run r
            where r.status = 'running' and r.source_id in (
                select l.objid::int from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.classid = @Space and a.application_name = @App)
            """, new { Space = SourceLockSpace, App = applicationName })).AsList();
    }
}
