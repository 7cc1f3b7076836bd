using System.Text;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Tests.Runs;
using Indicators.TestSupport;

namespace Indicators.Ingestion.Tests.Sources.Files;

public class FileSourceReaderTests
{
    const string Arrange = """
        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, gender_split) values
            ('0022', 'HYRPERSONAL_ANDEL', 'Kostnad för inhyrd personal', '%', 'lower', 'month', '0022', false),
            ('0022', 'SJUKFRANVARO', 'Sjukfrånvaro bland medarbetare', '%', 'lower', 'month', '0022', true);
        insert into source (name, kind, cron, settings) values ('Ekonomisystemet', 'file', '0 6 * * *',
            '{"folder": "inbox", "mapping": {"genderColumn": "gender", "statusColumn": "status"}}');
        insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
        """;

    static async Task<(RunnerHost Host, int SourceId, string Inbox)> Start()
    {
        var host = await RunnerHost.StartAsync(Arrange);
        var inbox = Path.Combine(host.DataFolder, "inbox");
        Directory.CreateDirectory(inbox);
        return (host, await host.SourceIdAsync("Ekonomisystemet"), inbox);
    }

    static Task<RunResult> Run(RunnerHost host, int sourceId) =>
        host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);

    /// <summary>Runs the source with its mapping's rejected share set to <paramref name="share"/>.</summary>
    static async Task<RunResult> RunWithShare(RunnerHost host, int sourceId, decimal share)
    {
        await TestPostgres.ExecuteAsync(host.ConnectionString, $$"""
            update source set settings = jsonb_set(settings, '{mapping,maxRejectedShare}', '{{share.ToString(System.Globalization.CultureInfo.InvariantCulture)}}') where id = {{sourceId}}
            """);
        return await Run(host, sourceId);
    }

    /// <summary>Eleven monthly rows of hyrpersonal; <paramref name="bad"/> lines (2-based, after the header) get an unreadable value.</summary>
    static string Hyrpersonal(params int[] bad) => TestFiles.Lines([TestFiles.RegionHeader, .. Enumerable.Range(1, 11).Select(month =>
        $"HYRPERSONAL_ANDEL;2025-{month:00};0022;T;{(bad.Contains(month + 1) ? "4,x" : $"{5 - (month / 10m):0.0#}".Replace('.', ','))};ok")]);

    [Fact]
    public async Task An_upload_is_stored_then_read_by_the_next_run_once_and_never_again()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        var files = host.Get<SourceFiles>();

        var stored = await files.StoreUploadAsync(sourceId, "hyrpersonal 2025.csv", TestFiles.Text(Hyrpersonal()), "analytiker", CancellationToken.None);
        var first = await Run(host, sourceId);
        var second = await Run(host, sourceId);

        Assert.Equal((";", true), (stored.Format.Delimiter.ToString(), stored.Format.DecimalComma));
        Assert.Equal("succeeded", first.Status);
        Assert.Equal(11, first.Counts.Inserted);
        Assert.Equal((0, 0, 0, 0), (second.Counts.Inserted, second.Counts.Updated, second.Counts.Unchanged, second.Counts.Retracted));
        Assert.Equal("succeeded", second.Status);
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation_revision"));
        Assert.Equal(4.9m, await host.ScalarAsync<decimal>("select value from observation where period = '2025-01'"));
        var listed = Assert.Single(await files.ListAsync(sourceId));
        Assert.Equal((stored.Id, "upload", "analytiker", first.RunId, false), (listed.Id, listed.Origin, listed.UploadedBy, listed.IngestedRunId, listed.IsPending));
    }

    [Fact]
    public async Task Folder_files_in_Windows_1252_and_UTF_8_with_BOM_and_decimal_commas_are_read_once()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        await File.WriteAllBytesAsync(Path.Combine(inbox, "sjukfranvaro.csv"), TestFiles.Windows1252.GetBytes(TestFiles.Lines(
            TestFiles.RegionHeader,
            "SJUKFRANVARO;2025-01;0022;Kvinnor;7,4;ok",
            "SJUKFRANVARO;2025-01;0022;Män;5,1;ok",
            "SJUKFRANVARO;2025-01;0022;Totalt;6,6;ok")));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "hyrpersonal.csv"), TestFiles.Text(TestFiles.Lines(
            TestFiles.RegionHeader, "HYRPERSONAL_ANDEL;2025-01;0022;T;4,25;ok", "HYRPERSONAL_ANDEL;2025-02;0022;T;..;missing"), bom: true).ToArray());

        var first = await Run(host, sourceId);
        var second = await Run(host, sourceId);

        Assert.Equal((5, "succeeded"), (first.Counts.Inserted, first.Status));
        Assert.Equal(0, second.Counts.Total);
        Assert.Equal(
            [("HYRPERSONAL_ANDEL", "2025-01", "T", 4.25m, "ok"), ("HYRPERSONAL_ANDEL", "2025-02", "T", (decimal?)null, "missing"),
             ("SJUKFRANVARO", "2025-01", "K", 7.4m, "ok"), ("SJUKFRANVARO", "2025-01", "M", 5.1m, "ok"), ("SJUKFRANVARO", "2025-01", "T", 6.6m, "ok")],
            await host.QueryAsync<(string, string, string, decimal?, string)>("""
                select i.code, o.period, o.gender::text, o.value, o.status from observation o join indicator i on i.id = o.indicator_id
                order by i.code, o.period, o.gender
                """));
        Assert.Equal(["hyrpersonal.csv", "sjukfranvaro.csv"],
            await host.QueryAsync<string>($"select file_name from source_file where origin = 'folder' and ingested_run_id = {first.RunId} order by file_name"));
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_file_row_and_column_and_the_rest_is_stored()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        await File.WriteAllTextAsync(Path.Combine(inbox, "hyrpersonal.csv"), Hyrpersonal(bad: 4));

        var result = await Run(host, sourceId);

        Assert.Equal(("succeeded_with_warnings", 10, 1), (result.Status, result.Counts.Inserted, result.Rejected));
        var problem = Assert.Single(result.Problems);
        Assert.Equal((4, "value"), (problem.Row, problem.Column));
        Assert.Equal("'hyrpersonal.csv': '4,x' är inte ett tal", problem.Reason);
        Assert.Equal("""[{"row": 4, "kind": "avvisad", "value": "4,x", "column": "value", "reason": "'hyrpersonal.csv': '4,x' är inte ett tal"}]""",
            await host.ScalarAsync<string>("select problems::text from ingestion_run"));
    }

    [Fact]
    public async Task A_NUL_character_in_a_field_is_a_rejected_row_with_file_row_and_column_and_the_run_stores_the_rest()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        var text = Hyrpersonal().Replace("HYRPERSONAL_ANDEL;2025-02;0022;T;4,8;ok", "HYRPERSONAL_ANDEL;2025-02;0022;T;4\08;ok", StringComparison.Ordinal)
            .Replace("HYRPERSONAL_ANDEL;2025-04;0022;T;4,6;ok", "HYRPERSONAL_ANDEL;2025-04;00\022;T;4,6;ok", StringComparison.Ordinal);
        Assert.Equal(2, text.Count(c => c == '\0'));
        await File.WriteAllTextAsync(Path.Combine(inbox, "hyrpersonal.csv"), text);

        var result = await RunWithShare(host, sourceId, 0.2m);

        Assert.Equal(("succeeded_with_warnings", 9, 2), (result.Status, result.Counts.Inserted, result.Rejected));
        Assert.Equal([(3, "value"), (5, "area")], result.Problems.Select(p => (p.Row!.Value, p.Column!)));
        Assert.All(result.Problems, p => Assert.StartsWith("'hyrpersonal.csv': ", p.Reason, StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.Contains("tecknet NUL", p.Reason, StringComparison.Ordinal));
        Assert.Equal(2, await host.ScalarAsync<int>("select jsonb_array_length(problems) from ingestion_run"));
    }

    [Fact]
    public async Task Formulas_without_cached_values_never_overwrite_stored_values_as_missing()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        static object?[] Month(int i, object value) => ["HYRPERSONAL_ANDEL", $"{2023 + (i / 12)}-{(i % 12) + 1:00}", "0022", "T", value, null];
        var header = new object?[] { "indicator", "period", "area", "gender", "value", "status" };
        using (var first = TestFiles.Xlsx([(1, header), .. Enumerable.Range(0, 30).Select(i => (i + 2, Month(i, 4.5)))]))
        {
            await File.WriteAllBytesAsync(Path.Combine(inbox, "hyrpersonal.xlsx"), first.ToArray());
        }

        Assert.Equal(30, (await Run(host, sourceId)).Counts.Inserted);
        var before = await host.QueryAsync<string>("select concat_ws('|', period, value, status) from observation order by period");

        // The same months again, 20 of them computed by a formula that the tool that wrote the file never evaluated.
        using (var second = TestFiles.Xlsx([(1, header), .. Enumerable.Range(0, 30).Select(i => (i + 2, Month(i, i < 20 ? TestFiles.Formula("4.5*1") : 4.5)))]))
        {
            await File.WriteAllBytesAsync(Path.Combine(inbox, "hyrpersonal igen.xlsx"), second.ToArray());
        }

        var error = await Assert.ThrowsAsync<FileQuarantinedException>(() => Run(host, sourceId));

        Assert.StartsWith("20 av 30 datarader i 'hyrpersonal igen.xlsx' avvisades", error.Message, StringComparison.Ordinal);
        Assert.Contains("formel utan beräknat värde", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.QueryAsync<string>("select concat_ws('|', period, value, status) from observation order by period"));
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation_revision"));
    }

    [Fact]
    public async Task A_file_over_the_rejected_share_fails_its_run_with_its_name_stores_nothing_of_it_and_is_quarantined()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        var files = host.Get<SourceFiles>();
        var upload = await files.StoreUploadAsync(sourceId, "trasig.csv", TestFiles.Text(Hyrpersonal(bad: [3, 5])), "analytiker", CancellationToken.None);

        var error = await Assert.ThrowsAsync<FileQuarantinedException>(() => Run(host, sourceId));

        Assert.StartsWith("2 av 11 datarader i 'trasig.csv' avvisades, fler än de 10", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation"));
        Assert.Equal((upload.Id, false), (await host.QueryAsync<(long, bool)>("select id, quarantined_at is null from source_file")).Single());
        Assert.Equal(("failed", error.Message, 2), (await host.QueryAsync<(string, string, int)>("select status, message, rejected from ingestion_run")).Single());
    }

    [Fact]
    public async Task Rows_for_an_indicator_the_source_does_not_feed_count_against_the_files_rejected_share()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        await host.Get<SourceFiles>().StoreUploadAsync(sourceId, "fel fil.csv", TestFiles.Text(TestFiles.Lines(
            TestFiles.RegionHeader, "FETMA_ANDEL;2024;0022;T;21,3;ok", "FETMA_ANDEL;2022;0022;T;20,9;ok")), "analytiker", CancellationToken.None);

        var error = await Assert.ThrowsAsync<FileQuarantinedException>(() => Run(host, sourceId));

        Assert.Contains("'fel fil.csv'", error.Message, StringComparison.Ordinal);
        Assert.Contains("indikatorn 'FETMA_ANDEL' är inte kopplad till källan (2 rader avvisades)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync<int>("select count(*) from source_file where quarantined_at is not null"));
    }

    [Fact]
    public async Task One_rejected_row_is_named_in_the_singular()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        await host.Get<SourceFiles>().StoreUploadAsync(sourceId, "fel fil.csv", TestFiles.Text(TestFiles.Lines(
            TestFiles.RegionHeader, "FETMA_ANDEL;2024;0022;T;21,3;ok")), "analytiker", CancellationToken.None);

        var error = await Assert.ThrowsAsync<FileQuarantinedException>(() => Run(host, sourceId));

        Assert.StartsWith("1 av 1 datarad i 'fel fil.csv' avvisades", error.Message, StringComparison.Ordinal);
        Assert.Contains("indikatorn 'FETMA_ANDEL' är inte kopplad till källan (1 rad avvisades)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_two_files_give_the_same_outcome_the_later_file_wins_and_says_so()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        var files = host.Get<SourceFiles>();
        await files.StoreUploadAsync(sourceId, "jan.csv", TestFiles.Text(TestFiles.Lines(TestFiles.RegionHeader, "SJUKFRANVARO;2025-01;0022;T;6,6;ok")), "a", CancellationToken.None);
        await files.StoreUploadAsync(sourceId, "jan rättad.csv", TestFiles.Text(TestFiles.Lines(TestFiles.RegionHeader, "SJUKFRANVARO;2025-01;0022;T;6,8;ok")), "a", CancellationToken.None);

        var result = await Run(host, sourceId);

        Assert.Equal(6.8m, await host.ScalarAsync<decimal>("select value from observation"));
        Assert.Equal("'jan rättad.csv' ersatte 1 värde från 'jan.csv' (den senare filen gäller).", Assert.Single(result.Problems).Reason);
        Assert.Equal(2, await host.ScalarAsync<int>($"select count(*) from source_file where ingested_run_id = {result.RunId}"));
    }

    [Fact]
    public async Task An_upload_that_is_too_big_unreadable_or_lacks_a_mapped_column_is_refused_naming_the_file()
    {
        var (host, sourceId, _) = await Start();
        await using var _ = host;
        var files = host.Get<SourceFiles>();

        var tooBig = await Assert.ThrowsAsync<SourceFileRejectedException>(() =>
            files.StoreUploadAsync(sourceId, "stor.csv", new MemoryStream(new byte[(1024 * 1024) + 1]), "a", CancellationToken.None));
        var oldExcel = await Assert.ThrowsAsync<SourceFileRejectedException>(() =>
            files.StoreUploadAsync(sourceId, "gammal.xls", new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "a", CancellationToken.None));
        var noGender = await Assert.ThrowsAsync<SourceFileRejectedException>(() =>
            files.StoreUploadAsync(sourceId, "utan kön.csv", TestFiles.Text(TestFiles.Lines("indicator;period;area;value;status", "SJUKFRANVARO;2025-01;0022;6,6;ok")), "a", CancellationToken.None));

        Assert.Equal("'stor.csv' är större än 1 MB och sparades inte. Dela upp filen eller lägg den i den bevakade mappen.", tooBig.Message);
        Assert.StartsWith("'gammal.xls' går inte att läsa som CSV eller Excel (.xlsx) och sparades inte: 'gammal.xls' är en äldre Excel-fil (.xls).", oldExcel.Message, StringComparison.Ordinal);
        Assert.StartsWith("'utan kön.csv' saknar kolumnen 'gender' (kön) och sparades inte.", noGender.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from source_file"));
    }

    [Fact]
    public async Task A_missing_watched_folder_fails_the_run_with_the_folder_and_source_named()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        Directory.Delete(inbox);

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(host, sourceId));

        Assert.Equal($"Den bevakade mappen '{inbox}' för källan 'Ekonomisystemet' finns inte eller går inte att nå.", error.Message);
    }

    [Fact]
    public async Task The_folder_scanner_reports_a_new_file_once_its_size_is_stable_and_never_a_file_already_read()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        var scanner = host.Get<FolderScanner>();
        var path = Path.Combine(inbox, "sjukfranvaro.csv");
        await File.WriteAllTextAsync(path, TestFiles.RegionHeader + "\r\n");

        var firstSight = await scanner.PollAsync(CancellationToken.None);
        await File.AppendAllTextAsync(path, "SJUKFRANVARO;2025-01;0022;T;6,6;ok\r\n", Encoding.UTF8); // still being written
        var growing = await scanner.PollAsync(CancellationToken.None);
        var stable = await scanner.PollAsync(CancellationToken.None);
        var again = await scanner.PollAsync(CancellationToken.None);

        Assert.Empty(firstSight);
        Assert.Empty(growing);
        Assert.Equal([sourceId], stable);
        Assert.Empty(again);

        // Read by a run, then copied in under another name: same content, nothing new.
        await Run(host, sourceId);
        File.Copy(path, Path.Combine(inbox, "kopia.csv"));
        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
        Assert.Empty(await scanner.PollAsync(CancellationToken.None));

        // A changed file is new again.
        await File.AppendAllTextAsync(path, "SJUKFRANVARO;2025-02;0022;T;6,1;ok\r\n", Encoding.UTF8);
        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
        Assert.Equal([sourceId], await scanner.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_folder_scanner_makes_a_missing_relative_folder_and_ignores_disabled_sources()
    {
        var (host, sourceId, inbox) = await Start();
        await using var _ = host;
        Directory.Delete(inbox);
        var scanner = host.Get<FolderScanner>();

        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
        Assert.True(Directory.Exists(inbox));

        await File.WriteAllTextAsync(Path.Combine(inbox, "a.csv"), TestFiles.Lines(TestFiles.RegionHeader, "SJUKFRANVARO;2025-01;0022;T;6,6;ok"));
        await Indicators.TestSupport.TestPostgres.ExecuteAsync(host.ConnectionString, $"update source set enabled = false where id = {sourceId}");
        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
    }
}
