using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Tests.Sources.Files;
using Indicators.TestSupport;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>Rows that do not fit their indicator — its gender split, its frequency, a period that has not begun — are rejected by every kind of source.</summary>
public class IndicatorFitTests
{
    [Fact]
    public async Task A_file_with_gender_values_for_an_unsplit_indicator_a_year_for_a_monthly_one_and_absurd_periods_has_those_rows_rejected()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, gender_split) values
                ('0022', 'HYR', 'Hyrpersonal', '%', 'lower', 'month', '0022', false),
                ('0022', 'SJUK', 'Sjukfrånvaro', '%', 'lower', 'month', '0022', true);
            insert into source (name, kind, cron, settings) values ('Egna', 'file', '0 6 * * *',
                '{"folder": "inbox", "mapping": {"genderColumn": "gender", "statusColumn": "status", "maxRejectedShare": 0.5}}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """);
        var inbox = Directory.CreateDirectory(Path.Combine(host.DataFolder, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "egna.csv"), TestFiles.Lines([
            TestFiles.RegionHeader,
            .. Enumerable.Range(1, 8).Select(m => $"HYR;2025-{m:00};0022;T;4,{m};ok"),
            "SJUK;2025-01;0022;K;7,4;ok",
            "HYR;2025-01;0022;K;4,1;ok",
            "HYR;2025;0022;T;4,5;ok",
            "SJUK;2101-01;0022;T;5;ok",
            "SJUK;1901-01;0022;T;5;ok"]));

        var result = await host.Runner.RunAsync(await host.SourceIdAsync("Egna"), RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);

        Assert.Equal(("succeeded_with_warnings", 9, 4), (result.Status, result.Counts.Inserted, result.Rejected));
        Assert.Equal([(11, "gender"), (12, "period"), (13, "period"), (14, "period")], result.Problems.Select(p => (p.Row!.Value, p.Column!)));
        Assert.Contains("redovisas inte per kön", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("månad", result.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("har inte börjat", result.Problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("före 1950", result.Problems[3].Reason, StringComparison.Ordinal);
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation where gender <> 'T' and indicator_id = (select id from indicator where code = 'HYR')"));
    }

    [Fact]
    public async Task A_Kolada_run_rejects_gender_values_for_an_unsplit_indicator_and_a_year_that_has_not_begun()
    {
        const string answer = """
            {"values": [
              {"kpi": "N79224", "municipality": "0022", "period": 2024, "values": [
                 {"gender": "T", "count": 1, "status": "", "value": 55.5, "isdeleted": false},
                 {"gender": "K", "count": 1, "status": "", "value": 57.1, "isdeleted": false},
                 {"gender": "M", "count": 1, "status": "", "value": 53.9, "isdeleted": false}]},
              {"kpi": "N79224", "municipality": "0022", "period": 2101, "values": [
                 {"gender": "T", "count": 1, "status": "", "value": 60, "isdeleted": false}]}],
             "count": 4, "next_url": null, "previous_url": null}
            """;
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(answer));
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id, gender_split)
            values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224', false);
            insert into source (name, kind, cron, settings) values ('Kolada', 'kolada', '0 6 * * *', '{"areas": ["0022"], "fromYear": 2024}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """, stub.Root);

        var result = await host.Runner.RunAsync(await host.SourceIdAsync("Kolada"), RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);

        Assert.Equal(("succeeded_with_warnings", 1, 3), (result.Status, result.Counts.Inserted, result.Rejected));
        Assert.Equal(["0022|2024|T|55.5"], await host.QueryAsync<string>("select concat_ws('|', area_id, period, gender, value) from observation"));
        Assert.Equal(["kön", "kön", "period"], result.Problems.Select(p => p.Column));
    }
}
