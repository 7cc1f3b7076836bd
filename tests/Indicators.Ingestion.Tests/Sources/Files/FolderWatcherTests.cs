using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Tests.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Indicators.Ingestion.Tests.Sources.Files;

public class FolderWatcherTests
{
    /// <summary>Hangfire's client as the watcher sees it: records the jobs it is asked to queue.</summary>
    sealed class RecordingJobs : IBackgroundJobClient, IRecurringJobManager
    {
        public ConcurrentQueue<(Job Job, string Queue)> Enqueued { get; } = new();

        public string Create(Job job, IState state)
        {
            Enqueued.Enqueue((job, job.Queue ?? (state as EnqueuedState)?.Queue ?? ""));
            return Enqueued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => throw new NotSupportedException();

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_file_dropped_into_a_watched_folder_queues_a_run_of_its_source_once_its_size_has_settled()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into source (name, kind, cron, settings) values ('Inkorg', 'file', '0 6 * * *', '{"folder": "inbox"}');
            """);
        var sourceId = await host.SourceIdAsync("Inkorg");
        var jobs = new RecordingJobs();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = host.Get<FileSourceOptions>();
        using var watcher = new FolderWatcher(host.Get<FolderScanner>(), new SourceSchedule(jobs, jobs, host.Get<SourceQueries>()), options, time,
            NullLogger<FolderWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);
        var inbox = Path.Combine(host.DataFolder, "inbox");
        var guard = DateTime.UtcNow.AddSeconds(30);
        while (!Directory.Exists(inbox) && DateTime.UtcNow < guard)
        {
            await Task.Delay(10); // the first poll, at start, makes the relative folder
        }

        await File.WriteAllTextAsync(Path.Combine(inbox, "utfall.csv"), TestFiles.Lines(TestFiles.RegionHeader, "X;2025;0022;T;1;ok"));
        while (jobs.Enqueued.IsEmpty && DateTime.UtcNow < guard)
        {
            time.Advance(options.PollInterval);
            await Task.Delay(20);
        }

        await watcher.StopAsync(CancellationToken.None);
        var (job, queue) = Assert.Single(jobs.Enqueued);
        Assert.Equal(("RunWatchedFolderAsync", SourceJobs.Queue, sourceId), (job.Method.Name, queue, (int)job.Args[0]!));
    }
}
