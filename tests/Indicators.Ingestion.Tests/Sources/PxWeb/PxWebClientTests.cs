using Indicators.TestSupport;
using System.Text.Json;
using System.Text.Json.Nodes;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.PxWeb;

namespace Indicators.Ingestion.Tests.Sources.PxWeb;

public class PxWebClientTests
{
    const string Config = """
        {"apiVersion": "2.3.2", "appVersion": "2.3.2", "defaultLanguage": "sv", "maxDataCells": 150000,
         "maxCallsPerTimeWindow": 30, "timeWindow": 10, "license": "https://creativecommons.org/publicdomain/zero/1.0/",
         "dataFormats": ["json-stat2", "csv", "px", "xlsx", "html", "json-px"]}
        """;

    /// <summary>Shaped like SCB's TAB638 answer (data-sources.md §2.2), with a status map for the suppressed cells.</summary>
    const string Tab638 = """
        {"version": "2.0", "class": "dataset", "label": "Folkmängden efter region, år och tabellinnehåll",
         "source": "Statistikmyndigheten SCB", "updated": "2025-02-21T07:00:00Z",
         "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
         "id": ["Region", "ContentsCode", "Tid"], "size": [3, 1, 2],
         "dimension": {
           "Region": {"label": "region", "category": {"index": {"22": 0, "24": 1, "99": 2}, "label": {"22": "Västernorrlands län", "24": "Västerbottens län", "99": "Okänt"}}},
           "ContentsCode": {"label": "tabellinnehåll", "category": {"index": {"BE0101N1": 0}, "label": {"BE0101N1": "Folkmängd"},
              "unit": {"BE0101N1": {"base": "antal", "decimals": 0}}}},
           "Tid": {"label": "år", "category": {"index": {"2023": 0, "2024": 1}, "label": {"2023": "2023", "2024": "2024"}}}},
         "value": [244193, null, 277966, null, 5, 6],
         "status": {"1": "..", "3": "x"}}
        """;

    static PxWebQuery Query(IReadOnlyList<string> regions, IReadOnlyList<string> years) => new(
        "TAB638",
        [
            new PxWebSelection("Region", regions, "vs_RegionLän07"),
            new PxWebSelection("ContentsCode", ["BE0101N1"]),
            new PxWebSelection("Tid", years),
        ],
        RegionVariable: "Region",
        TimeVariable: "Tid",
        ContentsVariable: "ContentsCode",
        RegionMap: ScbRegions.Counties,
        ContentsMap: new Dictionary<string, string> { ["BE0101N1"] = "folkmangd" });

    [Fact]
    public async Task A_json_stat2_answer_is_read_row_major_with_its_status_map_and_unknown_regions_warned_once()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal) ? Config : Tab638)));

        var (result, _) = await host.RunAsync(() => host.Get<PxWebClient>().ReadAsync(Query(["22", "24", "99"], ["2023", "2024"]), CancellationToken.None));

        Assert.Equal(
            [
                new SourceRow("folkmangd", Period.OfYear(2023), "0022", Gender.T, 244193m, ObservationStatus.Ok),
                new SourceRow("folkmangd", Period.OfYear(2024), "0022", Gender.T, null, ObservationStatus.Missing),
                new SourceRow("folkmangd", Period.OfYear(2023), "0024", Gender.T, 277966m, ObservationStatus.Ok),
                new SourceRow("folkmangd", Period.OfYear(2024), "0024", Gender.T, null, ObservationStatus.Suppressed),
            ],
            result.Rows);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("'99'", warning.Reason, StringComparison.Ordinal);
        Assert.Equal("Region", warning.Column);

        var data = host.Server.Requests[1];
        Assert.Equal("POST", data.Method);
        Assert.Equal("/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2", data.PathAndQuery);
        Assert.Equal(
            """{"selection":[{"variableCode":"Region","valueCodes":["22","24","99"],"codelist":"vs_RegionLän07"},{"variableCode":"ContentsCode","valueCodes":["BE0101N1"]},{"variableCode":"Tid","valueCodes":["2023","2024"]}]}""",
            JsonNode.Parse(data.Body)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("/api/v2/config", host.Server.Requests[0].Path);
    }

    [Fact]
    public async Task A_request_over_maxDataCells_from_config_is_split_on_time_and_every_cell_is_read()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal)
            ? Config.Replace("150000", "6", StringComparison.Ordinal)
            : JsonStatFor(r.Body))));
        string[] years = ["2020", "2021", "2022", "2023", "2024"];

        var (result, _) = await host.RunAsync(() => host.Get<PxWebClient>().ReadAsync(Query(["00", "22", "24"], years), CancellationToken.None));

        var bodies = host.Server.Requests.Skip(1).Select(r => Selection(r.Body)).ToList();
        Assert.Equal(3, bodies.Count); // 15 cells, at most 6 per call: 2 + 2 + 1 years with all three regions
        Assert.All(bodies, b => Assert.True(b["Region"].Length * b["Tid"].Length <= 6));
        Assert.Equal(years, bodies.SelectMany(b => b["Tid"]));
        Assert.Equal(15, result.Rows.Count);
        Assert.Equal(15, result.Rows.Distinct().Count());
        Assert.Contains(new SourceRow("folkmangd", Period.OfYear(2024), "0000", Gender.T, 2024m, ObservationStatus.Ok), result.Rows);
    }

    [Fact]
    public async Task A_request_too_big_even_for_one_year_is_also_split_on_region()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal)
            ? Config.Replace("150000", "2", StringComparison.Ordinal)
            : JsonStatFor(r.Body))));

        var (result, _) = await host.RunAsync(() => host.Get<PxWebClient>().ReadAsync(Query(["00", "22", "24"], ["2023", "2024"]), CancellationToken.None));

        var bodies = host.Server.Requests.Skip(1).Select(r => Selection(r.Body)).ToList();
        Assert.Equal(4, bodies.Count); // 2 years × region chunks of 2 + 1
        Assert.All(bodies, b => Assert.True(b["Region"].Length * b["Tid"].Length <= 2));
        Assert.Equal(6, result.Rows.Distinct().Count());
    }

    [Fact]
    public async Task A_403_fails_with_a_Swedish_explanation_naming_the_table_and_is_not_retried()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => r.Path.EndsWith("/config", StringComparison.Ordinal)
            ? StubResponse.Json(Config)
            : new StubResponse(403, """{"type": "https://tools.ietf.org/html/rfc7231#section-6.5.3", "title": "The query resulted in cell that exceeds the number of allowed.", "status": 403}""", "application/problem+json")));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<PxWebClient>().ReadAsync(Query(["22"], ["2024"]), CancellationToken.None)));

        Assert.Equal(2, host.Server.Requests.Count);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("TAB638", error.Message, StringComparison.Ordinal);
        Assert.Contains("för många celler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_from_SCB_is_retried_after_Retry_After()
    {
        var calls = 0;
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => r.Path.EndsWith("/config", StringComparison.Ordinal)
            ? StubResponse.Json(Config)
            : Interlocked.Increment(ref calls) == 1
                ? new StubResponse(429, """{"title": "Too many requests", "status": 429}""", "application/problem+json") { Headers = new Dictionary<string, string> { ["retry-after"] = "10" } }
                : StubResponse.Json(Tab638)));

        var (result, _) = await host.RunAsync(() => host.Get<PxWebClient>().ReadAsync(Query(["22", "24", "99"], ["2023", "2024"]), CancellationToken.None));

        Assert.Equal(4, result.Rows.Count);
        Assert.Equal([TimeSpan.FromSeconds(10)], host.RetryDelays);
        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Months_quarters_and_a_gender_variable_are_mapped()
    {
        const string monthly = """
            {"version": "2.0", "class": "dataset", "id": ["Region", "Kon", "ContentsCode", "Tid"], "size": [1, 2, 1, 2],
             "dimension": {
               "Region": {"category": {"index": {"22": 0}}},
               "Kon": {"category": {"index": ["1", "2"]}},
               "ContentsCode": {"category": {"index": {"X1": 0}}},
               "Tid": {"category": {"index": {"2025M03": 0, "2025K2": 1}}}},
             "value": [1.5, 2.5, 3.5, 4.5]}
            """;
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal) ? Config : monthly)));
        var query = Query(["22"], ["2025M03", "2025K2"]) with
        {
            Selection = [new PxWebSelection("Region", ["22"]), new PxWebSelection("Kon", ["1", "2"]), new PxWebSelection("ContentsCode", ["X1"]), new PxWebSelection("Tid", ["2025M03", "2025K2"])],
            ContentsMap = new Dictionary<string, string> { ["X1"] = "x1" },
            GenderVariable = "Kon",
            GenderMap = new Dictionary<string, Gender> { ["1"] = Gender.M, ["2"] = Gender.K },
        };

        var (result, _) = await host.RunAsync(() => host.Get<PxWebClient>().ReadAsync(query, CancellationToken.None));

        Assert.Equal(
            [
                new SourceRow("x1", Period.OfMonth(2025, 3), "0022", Gender.M, 1.5m, ObservationStatus.Ok),
                new SourceRow("x1", Period.OfQuarter(2025, 2), "0022", Gender.M, 2.5m, ObservationStatus.Ok),
                new SourceRow("x1", Period.OfMonth(2025, 3), "0022", Gender.K, 3.5m, ObservationStatus.Ok),
                new SourceRow("x1", Period.OfQuarter(2025, 2), "0022", Gender.K, 4.5m, ObservationStatus.Ok),
            ],
            result.Rows);
    }

    [Fact]
    public async Task A_json_stat2_answer_whose_values_do_not_fill_its_size_fails_the_read()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(r => StubResponse.Json(r.Path.EndsWith("/config", StringComparison.Ordinal)
            ? Config
            : Tab638.Replace("[244193, null, 277966, null, 5, 6]", "[244193, null]", StringComparison.Ordinal))));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<PxWebClient>().ReadAsync(Query(["22", "24", "99"], ["2023", "2024"]), CancellationToken.None)));

        Assert.Contains("TAB638", error.Message, StringComparison.Ordinal);
    }

    static Dictionary<string, string[]> Selection(string body) =>
        JsonNode.Parse(body)!["selection"]!.AsArray().ToDictionary(
            s => s!["variableCode"]!.GetValue<string>(),
            s => s!["valueCodes"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray());

    /// <summary>A json-stat2 answer for exactly the cells a request asked for; each value is its year, so cells can be told apart.</summary>
    static string JsonStatFor(string requestBody)
    {
        var selection = Selection(requestBody);
        string[] ids = ["Region", "ContentsCode", "Tid"];
        var values = new JsonArray();
        foreach (var _ in selection["Region"])
        {
            foreach (var year in selection["Tid"])
            {
                values.Add(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var dimension = new JsonObject();
        foreach (var id in ids)
        {
            var index = new JsonObject();
            for (var i = 0; i < selection[id].Length; i++)
            {
                index[selection[id][i]] = i;
            }

            dimension[id] = new JsonObject { ["category"] = new JsonObject { ["index"] = index } };
        }

        return new JsonObject
        {
            ["version"] = "2.0",
            ["class"] = "dataset",
            ["id"] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]),
            ["size"] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(selection[i].Length))]),
            ["dimension"] = dimension,
            ["value"] = values,
        }.ToJsonString();
    }
}
