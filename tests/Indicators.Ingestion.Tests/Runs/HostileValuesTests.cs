using Indicators.Ingestion.Runs;
using Indicators.TestSupport;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>
/// Values an API may send that PostgreSQL or the value column cannot hold — NaN, numbers beyond any decimal, NUL and
/// unpaired surrogates in text — are rejected rows with a Swedish reason; the run stores everything else.
/// </summary>
public class HostileValuesTests
{
    const string KoladaArrange = """
        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id, gender_split)
        values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224', true);
        insert into source (name, kind, cron, settings) values ('Kolada', 'kolada', '0 6 * * *', '{"areas": ["0022", "0000"], "fromYear": 2023}');
        insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
        """;

    const string KoladaAnswer = """
        {"values": [
          {"kpi": "N79224", "municipality": "0022", "period": 2024, "values": [
             {"gender": "T", "count": 1, "status": "", "value": 55.5, "isdeleted": false},
             {"gender": "K", "count": 1, "status": "", "value": "NaN", "isdeleted": false},
             {"gender": "M", "count": 1, "status": "", "value": 1e300, "isdeleted": false},
             {"gender": "\u0000", "count": 1, "status": "", "value": 3, "isdeleted": false}]},
          {"kpi": "N79224\u0000", "municipality": "0022", "period": 2023, "values": [{"gender": "T", "value": 1, "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "00\u000022", "period": 2023, "values": [{"gender": "T", "value": 1, "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "0000", "period": 2024, "values": [{"gender": "T", "value": "7\u00008", "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "\ud800", "period": 2024, "values": [{"gender": "T", "value": 2, "isdeleted": false}]}],
         "count": 8, "next_url": null, "previous_url": null}
        """;

    [Fact]
    public async Task A_Kolada_answer_with_NaN_huge_numbers_NUL_and_broken_surrogates_stores_the_good_value_and_rejects_each_bad_one()
    {
        await using var stub = await StubServer.StartAsync(_ => StubResponse.Json(KoladaAnswer));
        await using var host = await RunnerHost.StartAsync(KoladaArrange, stub.Root);

        var result = await host.Runner.RunAsync(await host.SourceIdAsync("Kolada"), RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);

        Assert.Equal(("succeeded_with_warnings", 1, 7), (result.Status, result.Counts.Inserted, result.Rejected));
        Assert.Equal(["0022|2024|T|55.5"], await host.QueryAsync<string>("select concat_ws('|', area_id, period, gender, value) from observation"));
        Assert.All(result.Problems, p => Assert.DoesNotContain('\0', p.Reason));
        Assert.Equal(7, await host.ScalarAsync<int>("select jsonb_array_length(problems) from ingestion_run"));
    }

    [Fact]
    public async Task A_PxWeb_answer_with_NUL_in_its_codes_is_warned_about_and_the_run_stores_the_rest()
    {
        const string config = """{"apiVersion": "2.3.2", "maxDataCells": 150000, "maxCallsPerTimeWindow": 30, "timeWindow": 10}""";
        const string answer = """
            {"version": "2.0", "class": "dataset", "id": ["Region", "ContentsCode", "Tid"], "size": [2, 1, 3],
             "dimension": {
               "Region": {"category": {"index": {"22": 0, "2\u00004": 1}}},
               "ContentsCode": {"category": {"index": {"BE0101N1": 0}}},
               "Tid": {"category": {"index": {"2023": 0, "2024": 1, "20\u000025": 2}}}},
             "value": [244193, 1e300, 5, 1, 2, 3]}
            """;
        await using var stub = await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal) ? config : answer));
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
            values ('0022', 'FOLKMANGD', 'Folkmängd', 'antal', 'higher', 'year', '0022');
            insert into source (name, kind, cron, settings) values ('SCB', 'pxweb', '0 7 * * *',
                '{"table": "TAB638", "selection": {"Region": ["22", "24"], "ContentsCode": ["BE0101N1"], "Tid": ["2023", "2024", "2025"]}}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """, stub.Root);

        var result = await host.Runner.RunAsync(await host.SourceIdAsync("SCB"), RunTrigger.Manual, RunMode.FullRefresh, CancellationToken.None);

        Assert.Equal(("succeeded_with_warnings", 1), (result.Status, result.Counts.Inserted));
        Assert.Equal(["0022|2023|244193"], await host.QueryAsync<string>("select concat_ws('|', area_id, period, value) from observation"));
        Assert.Equal(3, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.DoesNotContain('\0', p.Reason));
        Assert.Equal(3, await host.ScalarAsync<int>("select jsonb_array_length(problems) from ingestion_run"));
    }
}
