using Indicators.Data.Demo;
using Indicators.Ingestion.Sources;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>The demo plan's own sources, run as the app would run them.</summary>
public class DemoSourcesTests
{
    static async Task<string> DemoDatabase()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.True(await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync());
        return connectionString;
    }

    static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Indicators.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException(relative);
    }

    [Fact]
    public async Task Without_internet_the_demo_Kolada_and_SCB_sources_fail_in_Swedish_and_the_example_outcomes_stay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
        await using var host = RunnerHost.On(await DemoDatabase(), RunnerHost.ClosedPort(), time);
        var before = await host.ScalarAsync<long>("select count(*) from observation");

        var kolada = await Assert.ThrowsAsync<SourceReadException>(async () =>
            await host.RunOnFakeTimeAsync(await host.ScalarAsync<int>("select id from source where kind = 'kolada' order by id limit 1"), time));
        var scb = await Assert.ThrowsAsync<SourceReadException>(async () =>
            await host.RunOnFakeTimeAsync(await host.ScalarAsync<int>("select id from source where kind = 'pxweb' order by id limit 1"), time));

        Assert.StartsWith("Kunde inte nå Kolada", kolada.Message, StringComparison.Ordinal);
        Assert.StartsWith("Kunde inte nå SCB", scb.Message, StringComparison.Ordinal);
        Assert.Equal(["failed", "failed"], await host.QueryAsync<string>("select status from ingestion_run where trigger = 'scheduled'"));
        Assert.Equal(before, await host.ScalarAsync<long>("select count(*) from observation"));
    }

    [Fact]
    public async Task The_demo_file_source_reads_the_regions_own_figures_dropped_into_its_inbox()
    {
        await using var host = RunnerHost.On(await DemoDatabase());
        var sourceId = await host.ScalarAsync<int>("select id from source where kind = 'file' order by id limit 1");
        var codes = (await host.QueryAsync<string>($"""
            select i.code from source_indicator si join indicator i on i.id = si.indicator_id where si.source_id = {sourceId}
            """)).ToHashSet(StringComparer.Ordinal);
        var lines = await File.ReadAllLinesAsync(RepositoryFile("sql/demo/outcomes.csv"));
        var inbox = Path.Combine(host.DataFolder, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllLinesAsync(Path.Combine(inbox, "egna uppgifter.csv"), lines.Take(1).Concat(lines.Skip(1).Where(l => codes.Contains(l.Split(';')[0]))));

        var result = await host.Runner.RunAsync(sourceId, Ingestion.Runs.RunTrigger.Scheduled, Ingestion.Runs.RunMode.Incremental, CancellationToken.None);

        // The same figures the demo plan was loaded with, except the one the second demo delivery revised.
        Assert.Equal("succeeded", result.Status);
        Assert.Equal(0, result.Counts.Inserted);
        Assert.Equal(0, result.Rejected);
        Assert.True(result.Counts.Unchanged > 100, $"{result.Counts.Unchanged} unchanged");
        Assert.Equal(1, await host.ScalarAsync<int>("select count(*) from source_file where origin = 'folder' and ingested_at is not null"));
    }
}
