using Indicators.TestSupport;
using System.Text.Json.Nodes;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Tests.Runs;

namespace Indicators.Ingestion.Tests.Sources.PxWeb;

public class PxWebSourceReaderTests
{
    const string Config = """
        {"apiVersion": "2.3.2", "appVersion": "2.3.2", "defaultLanguage": "sv", "maxDataCells": 150000,
         "maxCallsPerTimeWindow": 30, "timeWindow": 10, "dataFormats": ["json-stat2", "csv", "px", "xlsx"]}
        """;

    /// <summary>
    /// Shaped like SCB's TAB638 answer (data-sources.md §2.2): Västernorrland (22) with ".." for 2024, Västerbotten (24),
    /// Norrbotten (25, an area this database lacks) and a municipality (2281) that no region map covers.
    /// </summary>
    const string Tab638 = """
        {"version": "2.0", "class": "dataset", "label": "Folkmängden efter region, år och tabellinnehåll",
         "source": "Statistikmyndigheten SCB", "updated": "2025-02-21T07:00:00Z",
         "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
         "id": ["Region", "ContentsCode", "Tid"], "size": [4, 1, 2],
         "dimension": {
           "Region": {"label": "region", "category": {"index": {"22": 0, "24": 1, "25": 2, "2281": 3},
              "label": {"22": "Västernorrlands län", "24": "Västerbottens län", "25": "Norrbottens län", "2281": "Sundsvall"}}},
           "ContentsCode": {"label": "tabellinnehåll", "category": {"index": {"BE0101N1": 0}, "label": {"BE0101N1": "Folkmängd"},
              "unit": {"BE0101N1": {"base": "antal", "decimals": 0}}}},
           "Tid": {"label": "år", "category": {"index": {"2023": 0, "2024": 1}, "label": {"2023": "2023", "2024": "2024"}}}},
         "value": [244193, null, 277966, 278100, 250123, 249876, 98978, 99100],
         "status": {"1": ".."}}
        """;

    const string Arrange = """
        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id)
        values ('0022', 'FOLKMANGD', 'Folkmängd', 'antal', 'higher', 'year', '0022');
        insert into source (name, kind, cron, settings) values ('SCB folkmängd', 'pxweb', '0 7 * * *',
            '{"table": "TAB638",
              "selection": {"Region": ["22", "24", "25", "2281"], "ContentsCode": ["BE0101N1"], "Tid": ["2023", "2024"]},
              "codelists": {"Region": "vs_RegionLän07"}}');
        insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
        -- A database without Norrbotten (the area catalogue has every region; this one lost it).
        delete from area_group_member where area_id = '0025';
        delete from area where id = '0025';
        """;

    [Fact]
    public async Task A_PxWeb_source_run_stores_mapped_regions_keeps_dotdot_as_null_with_status_and_rejects_an_unknown_area()
    {
        await using var stub = await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal) ? Config : Tab638));
        await using var host = await RunnerHost.StartAsync(Arrange, stub.Root);

        var result = await host.Runner.RunAsync(await host.SourceIdAsync("SCB folkmängd"), RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);

        Assert.Equal("succeeded_with_warnings", result.Status);
        Assert.Equal((4, 0, 0), (result.Counts.Inserted, result.Counts.Updated, result.Counts.Unchanged));
        Assert.Equal(
            [("0022", "2023", 244193m, "ok"), ("0022", "2024", (decimal?)null, "missing"), ("0024", "2023", 277966m, "ok"), ("0024", "2024", 278100m, "ok")],
            await host.QueryAsync<(string, string, decimal?, string)>("select area_id, period, value, status from observation order by area_id, period"));

        // Norrbotten maps to area 0025, which this database does not have: rejected with the reason, once per value.
        Assert.Equal(2, result.Rejected);
        Assert.All(result.Problems.Where(p => p.Column == "område"), p => Assert.Contains("'0025' finns inte", p.Reason, StringComparison.Ordinal));
        // The municipality has no area at all: one warning naming it, and its values skipped.
        Assert.Contains(result.Problems, p => p.Column == "Region" && p.Reason.Contains("'2281'", StringComparison.Ordinal));
        Assert.Equal(3, await host.ScalarAsync<int>("select jsonb_array_length(problems) from ingestion_run"));

        var request = JsonNode.Parse(stub.Requests.Single(r => r.Method == "POST").Body)!;
        var region = request["selection"]!.AsArray().Single(s => (string?)s!["variableCode"] == "Region")!;
        Assert.Equal("vs_RegionLän07", (string?)region["codelist"]);
        Assert.Equal("/api/v2/tables/TAB638/data", stub.Requests.Single(r => r.Method == "POST").Path);
    }

    [Fact]
    public async Task Running_a_PxWeb_source_again_with_the_same_answer_changes_nothing()
    {
        await using var stub = await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal) ? Config : Tab638));
        await using var host = await RunnerHost.StartAsync(Arrange, stub.Root);
        var sourceId = await host.SourceIdAsync("SCB folkmängd");

        await host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);
        var again = await host.Runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.FullRefresh, CancellationToken.None);

        Assert.Equal((0, 0, 4), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation_revision"));
    }

    [Fact]
    public async Task A_PxWeb_source_without_a_table_fails_with_a_Swedish_message_naming_the_source()
    {
        await using var stub = await StubServer.StartAsync(StubResponse.Json(Config));
        await using var host = await RunnerHost.StartAsync("""
            insert into source (name, kind, cron, settings) values ('SCB utan tabell', 'pxweb', '0 7 * * *', '{"selection": {"Region": ["22"]}}');
            """, stub.Root);

        var sourceId = await host.SourceIdAsync("SCB utan tabell");

        var error = await Assert.ThrowsAsync<SourceReadException>(() =>
            host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None));

        Assert.Contains("'SCB utan tabell' har ogiltiga SCB-inställningar. Tabell-id saknas", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", await host.ScalarAsync<string>("select status from ingestion_run"));
        Assert.Empty(stub.Requests);
    }
}
