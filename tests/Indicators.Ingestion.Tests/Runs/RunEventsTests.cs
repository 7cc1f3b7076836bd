using Indicators.Ingestion.Scheduling;
using Indicators.TestSupport;
using Indicators.TestSupport.Sources;
using Microsoft.Extensions.Time.Testing;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>Issue 18: what a run met, who started it and why it failed, told on the run itself.</summary>
public class RunEventsTests
{
    [Fact]
    public async Task A_run_records_each_429_and_500_it_met_with_the_wait_it_made_and_still_stores_the_values()
    {
        var calls = 0;
        await using var kolada = await StubServer.StartAsync(_ => Interlocked.Increment(ref calls) switch
        {
            1 => SourceFaults.Answer(SourceFault.TooManyRequests, RunFixture.EmptyPage),
            2 => SourceFaults.Answer(SourceFault.ServerError, RunFixture.EmptyPage),
            _ => StubResponse.Json(RunFixture.KoladaPage(55.0m, 60.0m)),
        });
        var (connectionString, sourceId) = await RunFixture.ArrangeAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = RunnerHost.On(connectionString, kolada.Root, time);

        var result = await host.RunOnFakeTimeAsync(sourceId, time);

        Assert.Equal("succeeded", result.Status);
        var events = await host.QueryAsync<(int? HttpStatus, int Attempt, int WaitMs, string Message)>(
            "select http_status, attempt, wait_ms, message from ingestion_run_event where run_id = (select max(id) from ingestion_run) order by id");
        Assert.Equal([429, 500], events.Select(e => e.HttpStatus));
        Assert.Equal([1, 2], events.Select(e => e.Attempt));
        Assert.Equal(1000, events[0].WaitMs); // the server's Retry-After: 1
        Assert.InRange(events[1].WaitMs, 1, 30_000); // backoff with jitter
        Assert.StartsWith("Kolada svarade 429 (Too Many Requests) för 127.0.0.1:", events[0].Message, StringComparison.Ordinal);
        Assert.Contains("/v3/data/kpi/…", events[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("per_page", events[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_source_is_a_recorded_run_with_a_short_URL_its_starter_and_a_job_that_ends_without_an_exception()
    {
        await using var kolada = await StubServer.StartAsync(_ => new StubResponse(404, """{"error": "not found"}"""));
        var (connectionString, sourceId) = await RunFixture.ArrangeAsync();
        await using var host = RunnerHost.On(connectionString, kolada.Root);

        // Before issue 18 the SourceReadException went on to Hangfire: a failed job with a stack trace.
        await new SourceJobs(host.Runner).RunNowAsync(sourceId, "alva", CancellationToken.None);

        var run = (await host.QueryAsync<(string Status, string Trigger, string? StartedBy, string Message)>(
            "select status, trigger, started_by, message from ingestion_run")).Single();
        Assert.Equal(("failed", "manual", "alva"), (run.Status, run.Trigger, run.StartedBy));
        Assert.Matches(@"^Kolada svarade 404 \(Not Found\) för 127\.0\.0\.1:\d+/v3/data/kpi/…\.$", run.Message);
    }

    [Fact]
    public async Task An_upload_and_a_watched_folder_are_recorded_as_what_started_the_run()
    {
        await using var kolada = await StubServer.StartAsync(_ => StubResponse.Json(RunFixture.KoladaPage(55.0m, 60.0m)));
        var (connectionString, sourceId) = await RunFixture.ArrangeAsync();
        await using var host = RunnerHost.On(connectionString, kolada.Root);
        var jobs = new SourceJobs(host.Runner);

        await jobs.RunUploadAsync(sourceId, "alva", CancellationToken.None);
        await jobs.RunWatchedFolderAsync(sourceId, CancellationToken.None);
        await jobs.RetryAsync(sourceId, "bo", CancellationToken.None);

        Assert.Equal(["upload|alva", "watched_folder|", "retry|bo"],
            await host.QueryAsync<string>("select concat_ws('|', trigger, coalesce(started_by, '')) from ingestion_run order by id"));
    }
}
