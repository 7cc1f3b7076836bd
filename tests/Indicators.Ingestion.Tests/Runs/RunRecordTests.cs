using Dapper;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Indicators.Ingestion.Tests.Runs.RunFixture;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>What a run's own row records: when it really started and ended, and a failure message PostgreSQL can hold.</summary>
public class RunRecordTests
{
    [Fact]
    public async Task A_run_held_up_in_its_write_records_the_time_its_write_really_ended()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(KoladaPage(55.0m, 60.0m)));
        await using var services = Services(connectionString, stub);
        await using var onlooker = new NpgsqlConnection(connectionString);

        // The share lock holds the run's merge after its write transaction has begun; the run ends only after it is let go.
        DateTime released;
        Task<RunResult> run;
        await using (var blocker = new NpgsqlConnection(connectionString))
        {
            await blocker.OpenAsync();
            await using var hold = await blocker.BeginTransactionAsync();
            await blocker.ExecuteAsync("lock table observation in share mode", transaction: hold);
            run = services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);
            await WaitUntilAsync(async () => await onlooker.ExecuteScalarAsync<bool>(
                    "select exists (select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock')"),
                "the run to wait for the lock");
            await Task.Delay(300);
            released = await onlooker.ExecuteScalarAsync<DateTime>("select clock_timestamp()");
            await hold.RollbackAsync();
        }

        Assert.Equal("succeeded", (await run).Status);
        var (started, finished, progressAt) = await onlooker.QuerySingleAsync<(DateTime, DateTime, DateTime)>(
            "select started_at, finished_at, progress_at from ingestion_run");
        Assert.True(started < released, $"started_at {started:O} should be before the write was let go at {released:O}");
        Assert.True(finished > released, $"finished_at {finished:O} should be after the write was let go at {released:O}");
        Assert.Equal(finished, progressAt);
    }

    [Fact]
    public async Task A_run_whose_failure_message_has_a_NUL_and_control_characters_is_recorded_failed_with_a_clean_bounded_message()
    {
        var (connectionString, sourceId) = await ArrangeAsync();
        // Kolada's next_url comes back in the run's failure message: here with a NUL, an escape sequence and 5 000 characters.
        var nextUrl = "http://exa\\u0000mple\\u001b[31m/" + new string('x', 5000);
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(KoladaPage(55.0m, 60.0m).Replace(
            "\"next_url\": null", $"\"next_url\": \"{nextUrl}\"", StringComparison.Ordinal)));
        await using var services = Services(connectionString, stub);

        var failure = await Assert.ThrowsAsync<SourceReadException>(() =>
            services.GetRequiredService<IngestionRunner>().RunAsync(sourceId, RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None));

        Assert.Contains('\0', failure.Message);
        await using var onlooker = new NpgsqlConnection(connectionString);
        var (status, message) = await onlooker.QuerySingleAsync<(string, string)>("select status, message from ingestion_run");
        Assert.Equal("failed", status);
        Assert.StartsWith("Kolada gav en nästa sida som inte går att följa ('http://exa", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, char.IsControl);
        Assert.InRange(message.Length, 100, RunMessage.MaxLength);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
        Assert.Equal(0, await onlooker.ExecuteScalarAsync<int>(
            "select count(*)::int from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())"));
    }
}
