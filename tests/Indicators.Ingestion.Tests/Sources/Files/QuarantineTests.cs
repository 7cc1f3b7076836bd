using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Tests.Runs;

namespace Indicators.Ingestion.Tests.Sources.Files;

/// <summary>A file over its rejected-share rule stops only itself (issue 18): it is quarantined, and the other files and later runs go on.</summary>
public class QuarantineTests
{
    const string Arrange = """
        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, gender_split) values
            ('0022', 'HYRPERSONAL_ANDEL', 'Kostnad för inhyrd personal', '%', 'lower', 'month', '0022', false),
            ('0022', 'SJUKFRANVARO', 'Sjukfrånvaro bland medarbetare', '%', 'lower', 'month', '0022', true);
        insert into source (name, kind, cron, settings) values ('Ekonomisystemet', 'file', '0 6 * * *',
            '{"folder": "inbox", "mapping": {"genderColumn": "gender", "statusColumn": "status"}}');
        insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
        """;

    /// <summary>Five months of hyrpersonal, the third with an unreadable value: 1 of 5 rows, over the 10 % rule.</summary>
    internal static readonly string BadFile = TestFiles.Lines(TestFiles.RegionHeader,
        "HYRPERSONAL_ANDEL;2025-01;0022;T;4,9;ok",
        "HYRPERSONAL_ANDEL;2025-02;0022;T;4,8;ok",
        "HYRPERSONAL_ANDEL;2025-03;0022;T;4,x;ok",
        "HYRPERSONAL_ANDEL;2025-04;0022;T;4,6;ok",
        "HYRPERSONAL_ANDEL;2025-05;0022;T;4,5;ok");

    static readonly string GoodFile = TestFiles.Lines(TestFiles.RegionHeader, "SJUKFRANVARO;2025-01;0022;T;6,6;ok", "SJUKFRANVARO;2025-02;0022;T;6,4;ok");

    internal static async Task<(RunnerHost Host, int SourceId, string Inbox)> Start()
    {
        var host = await RunnerHost.StartAsync(Arrange);
        var inbox = Path.Combine(host.DataFolder, "inbox");
        Directory.CreateDirectory(inbox);
        return (host, await host.SourceIdAsync("Ekonomisystemet"), inbox);
    }

    internal static Task<RunResult> Run(RunnerHost host, int sourceId) =>
        host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);

    [Fact]
    public async Task A_bad_upload_is_quarantined_and_a_good_upload_waiting_with_it_is_read_in_the_same_job_and_later_ones_too()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        var files = host.Get<SourceFiles>();
        var bad = await files.StoreUploadAsync(sourceId, "trasig.csv", TestFiles.Text(BadFile), "analytiker", CancellationToken.None);
        var good = await files.StoreUploadAsync(sourceId, "sjukfrånvaro.csv", TestFiles.Text(GoodFile), "analytiker", CancellationToken.None);

        var result = await Run(host, sourceId);

        // The job's first run failed naming the bad file; the next one, started at once, read the good file.
        Assert.Equal(("succeeded", 2), (result.Status, result.Counts.Inserted));
        var runs = await host.QueryAsync<(long Id, string Status, string Message, int Rejected, int RowsRead)>(
            "select id, status, message, rejected, rows_read from ingestion_run order by id");
        Assert.Equal(2, runs.Count);
        Assert.Equal("failed", runs[0].Status);
        Assert.StartsWith("1 av 5 datarader i 'trasig.csv' avvisades, fler än de 10", runs[0].Message, StringComparison.Ordinal);
        // The failed run's counts and its list agree: one rejected row, listed with its line.
        Assert.Equal((1, 5), (runs[0].Rejected, runs[0].RowsRead));
        Assert.Equal(["4|value|4,x"], await host.QueryAsync<string>(
            $"select concat_ws('|', p->>'row', p->>'column', p->>'value') from ingestion_run, jsonb_array_elements(problems) p where id = {runs[0].Id}"));
        Assert.Equal(["SJUKFRANVARO|2"], await host.QueryAsync<string>(
            "select concat_ws('|', i.code, count(*)) from observation o join indicator i on i.id = o.indicator_id group by i.code"));

        var stored = await host.QueryAsync<(long Id, bool Quarantined, long? QuarantineRun, bool Ingested, string Rows)>(
            "select id, quarantined_at is not null, quarantine_run_id, ingested_at is not null, rejected_rows::text from source_file order by id");
        Assert.Equal((bad.Id, true, runs[0].Id, false), (stored[0].Id, stored[0].Quarantined, stored[0].QuarantineRun, stored[0].Ingested));
        Assert.Contains("\"value\": \"4,x\"", stored[0].Rows, StringComparison.Ordinal);
        Assert.Equal((good.Id, false, true), (stored[1].Id, stored[1].Quarantined, stored[1].Ingested));

        // Later runs skip the quarantined file: nothing fails again, and a new good upload is read.
        var next = await Run(host, sourceId);
        await files.StoreUploadAsync(sourceId, "mars.csv", TestFiles.Text(TestFiles.Lines(TestFiles.RegionHeader, "SJUKFRANVARO;2025-03;0022;T;6,1;ok")),
            "analytiker", CancellationToken.None);
        var later = await Run(host, sourceId);
        Assert.Equal(("succeeded", 0), (next.Status, next.Counts.Inserted));
        Assert.Equal(("succeeded", 1), (later.Status, later.Counts.Inserted));
        Assert.Equal(1, await host.ScalarAsync<int>("select count(*) from ingestion_run where status = 'failed'"));
    }

    [Fact]
    public async Task A_bad_folder_file_is_quarantined_by_its_hash_and_never_read_again_while_the_good_one_is_read()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        await File.WriteAllTextAsync(Path.Combine(inbox, "trasig.csv"), BadFile);
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "trasig.csv"), DateTime.UtcNow.AddMinutes(-5));
        await File.WriteAllTextAsync(Path.Combine(inbox, "bra.csv"), GoodFile);

        var result = await Run(host, sourceId);
        var again = await Run(host, sourceId);

        Assert.Equal(("succeeded", 2), (result.Status, result.Counts.Inserted));
        Assert.Equal(("succeeded", 0), (again.Status, again.Counts.Inserted));
        Assert.Equal(["failed", "succeeded", "succeeded"], await host.QueryAsync<string>("select status from ingestion_run order by id"));
        Assert.Equal(["bra.csv|folder|false", "trasig.csv|folder|true"], await host.QueryAsync<string>(
            "select concat_ws('|', file_name, origin, (quarantined_at is not null)::text) from source_file order by file_name"));
        // The folder watch does not start a run for it either.
        Assert.Equal(2, (await host.Get<SourceFiles>().SettledHashesAsync(sourceId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task The_overview_marks_only_the_indicators_the_quarantined_file_feeds()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        await host.Get<SourceFiles>().StoreUploadAsync(sourceId, "trasig.csv", TestFiles.Text(BadFile), "analytiker", CancellationToken.None);
        await Assert.ThrowsAnyAsync<Indicators.Ingestion.Sources.SourceReadException>(() => Run(host, sourceId));
        var queries = new Indicators.Data.Indicators.IndicatorQueries(host.Get<Npgsql.NpgsqlDataSource>());

        async Task<Indicators.Web.Overview.DataFreshness> Freshness(string code)
        {
            var id = await host.ScalarAsync<int>($"select id from indicator where code = '{code}'");
            var page = (await queries.GetPageAsync(id, null))!;
            return Indicators.Web.Overview.DataFreshness.Judge(page.Sources, DateTimeOffset.UtcNow);
        }

        // The file's rows name hyrpersonal only: sjukfrånvaro, fed by the same source, is not marked.
        var hyrpersonal = await Freshness("HYRPERSONAL_ANDEL");
        var sjukfranvaro = await Freshness("SJUKFRANVARO");
        Assert.True(hyrpersonal.FileQuarantined);
        Assert.True(hyrpersonal.NeedsAttention);
        Assert.False(sjukfranvaro.LastRunFailed);
        Assert.False(sjukfranvaro.NeedsAttention);
    }
}
