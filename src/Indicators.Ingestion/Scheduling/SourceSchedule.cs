using Hangfire;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// Keeps Hangfire's recurring jobs in step with the sources in the database: one job per enabled source on its cron
/// (incremental) and one on its full-refresh cron when it has one, both in the source's time zone.
/// </summary>
public sealed class SourceSchedule(IRecurringJobManager recurringJobs, IBackgroundJobClient backgroundJobs, SourceQueries sources)
{
    public static string JobId(int sourceId) => $"source-{sourceId}";

    public static string FullRefreshJobId(int sourceId) => $"source-{sourceId}-full";

    /// <summary>Adds, updates or removes the jobs of one source. An invalid cron throws with a Swedish message.</summary>
    public void Apply(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.Enabled)
        {
            Remove(source.Id);
            return;
        }

        var schedule = Parse(source.Cron, source.TimeZone, source.Name);
        recurringJobs.AddOrUpdate<SourceJobs>(JobId(source.Id), SourceJobs.Queue,
            jobs => jobs.RunScheduledAsync(source.Id, RunMode.Incremental, CancellationToken.None),
            source.Cron.Trim(), new RecurringJobOptions { TimeZone = schedule.TimeZone });

        if (string.IsNullOrWhiteSpace(source.FullRefreshCron))
        {
            recurringJobs.RemoveIfExists(FullRefreshJobId(source.Id));
        }
        else
        {
            var full = Parse(source.FullRefreshCron, source.TimeZone, source.Name);
            recurringJobs.AddOrUpdate<SourceJobs>(FullRefreshJobId(source.Id), SourceJobs.Queue,
                jobs => jobs.RunScheduledAsync(source.Id, RunMode.FullRefresh, CancellationToken.None),
                source.FullRefreshCron.Trim(), new RecurringJobOptions { TimeZone = full.TimeZone });
        }
    }

    public void Remove(int sourceId)
    {
        recurringJobs.RemoveIfExists(JobId(sourceId));
        recurringJobs.RemoveIfExists(FullRefreshJobId(sourceId));
    }

    /// <summary>Brings every source's jobs in line with the database (at start, and after changes made outside the app).</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var source in await sources.ListAsync(cancellationToken))
        {
            Apply(source);
        }
    }

    /// <summary>Queues a run of the source now ("Kör nu" by the user <paramref name="startedBy"/>); returns Hangfire's job id.</summary>
    public string RunNow(int sourceId, string? startedBy = null) =>
        backgroundJobs.Enqueue<SourceJobs>(SourceJobs.Queue, jobs => jobs.RunNowAsync(sourceId, startedBy, CancellationToken.None));

    /// <summary>Queues the run that reads a file <paramref name="startedBy"/> just uploaded; returns Hangfire's job id.</summary>
    public string RunUpload(int sourceId, string? startedBy) =>
        backgroundJobs.Enqueue<SourceJobs>(SourceJobs.Queue, jobs => jobs.RunUploadAsync(sourceId, startedBy, CancellationToken.None));

    /// <summary>Queues the run that reads a new file in the source's watched folder; returns Hangfire's job id.</summary>
    public string RunWatchedFolder(int sourceId) =>
        backgroundJobs.Enqueue<SourceJobs>(SourceJobs.Queue, jobs => jobs.RunWatchedFolderAsync(sourceId, CancellationToken.None));

    /// <summary>Queues a retry of the source now (its run is recorded with trigger 'retry'); returns Hangfire's job id.</summary>
    public string Retry(int sourceId, string? startedBy = null) =>
        backgroundJobs.Enqueue<SourceJobs>(SourceJobs.Queue, jobs => jobs.RetryAsync(sourceId, startedBy, CancellationToken.None));

    static CronSchedule Parse(string cron, string timeZone, string sourceName) =>
        CronSchedule.TryParse(cron, timeZone, out var schedule, out var error)
            ? schedule!
            : throw new ArgumentException($"Källan '{sourceName}': {error}", nameof(cron));
}
