using Indicators.TestSupport;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Kolada;

namespace Indicators.Ingestion.Tests.Sources.Kolada;

public class KoladaClientTests
{
    /// <summary>The constructed v3 fixture from data-sources.md §1.8 (values are placeholders).</summary>
    const string N79224Page = """
        {"values": [
          {"kpi": "N79224", "municipality": "0022", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": 55.0, "isdeleted": false},
                      {"gender": "K", "count": 1, "status": "", "value": 54.0, "isdeleted": false},
                      {"gender": "M", "count": 1, "status": "", "value": 56.0, "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "0024", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": null, "isdeleted": false}]},
          {"kpi": "N79224", "municipality": "0000", "period": 2024,
           "values": [{"gender": "T", "count": 1, "status": "", "value": 60.0, "isdeleted": false}]}],
         "count": 3, "next_url": null, "previous_url": null}
        """;

    static KoladaQuery Query(params string[] kpis) => new(kpis, ["0000", "0022", "0024"], [2023, 2024], null);

    [Fact]
    public async Task A_page_is_read_into_rows_with_period_from_a_number_gender_and_null_kept_as_null()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json(N79224Page)));

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(Query("N79224"), CancellationToken.None));

        Assert.Equal(
            [
                new SourceRow("N79224", Period.OfYear(2024), "0022", Gender.T, 55.0m, ObservationStatus.Ok),
                new SourceRow("N79224", Period.OfYear(2024), "0022", Gender.K, 54.0m, ObservationStatus.Ok),
                new SourceRow("N79224", Period.OfYear(2024), "0022", Gender.M, 56.0m, ObservationStatus.Ok),
                new SourceRow("N79224", Period.OfYear(2024), "0024", Gender.T, null, ObservationStatus.Missing),
                new SourceRow("N79224", Period.OfYear(2024), "0000", Gender.T, 60.0m, ObservationStatus.Ok),
            ],
            result.Rows);
        Assert.Empty(result.Warnings);
        Assert.Empty(result.Rejected);
        var request = Assert.Single(host.Server.Requests);
        Assert.Equal("/v3/data/kpi/N79224/municipality/0000,0022,0024/year/2023,2024", request.Path);
        Assert.Equal("?per_page=5000", request.Query);
        Assert.Equal(SourceHttp.UserAgent, request.UserAgent);
    }

    [Fact]
    public async Task Several_pages_are_followed_via_next_url_until_it_is_null()
    {
        StubServer? server = null;
        server = await StubServer.StartAsync(request => StubResponse.Json(request.Query switch
        {
            "?per_page=5000&from_date=2025-06-01" => Page(2023, 1.5m, server!.Url("v3/data/kpi/N79179/municipality/0022/year/2023,2024,2025?page=2&per_page=5000")),
            "?page=2&per_page=5000" => Page(2024, 2.5m, server!.Url("v3/data/kpi/N79179/municipality/0022/year/2023,2024,2025?page=3&per_page=5000")),
            _ => Page(2025, 3.5m, ""),
        }));
        await using var host = new SourceTestHost(server);

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(
            new KoladaQuery(["N79179"], ["0022"], [2023, 2024, 2025], new DateOnly(2025, 6, 1)), CancellationToken.None));

        Assert.Equal([2023, 2024, 2025], result.Rows.Select(r => r.Period.Year));
        Assert.Equal([1.5m, 2.5m, 3.5m], result.Rows.Select(r => r.Value));
        Assert.Equal(
            ["?per_page=5000&from_date=2025-06-01", "?page=2&per_page=5000", "?page=3&per_page=5000"],
            server.Requests.Select(r => r.Query));

        static string Page(int year, decimal value, string next) => $$"""
            {"values": [{"kpi": "N79179", "period": {{year}}, "municipality": "0022",
                         "values": [{"gender": "T", "value": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "status": "", "count": 1, "isdeleted": false}]}],
             "next_url": {{(next.Length == 0 ? "null" : $"\"{next}\"")}}}
            """;
    }

    [Fact]
    public async Task A_KPI_list_of_more_than_25_ids_is_split_into_chunks()
    {
        var kpis = Enumerable.Range(1, 30).Select(i => $"N{i:D5}").ToArray();
        var areas = Enumerable.Range(1, 26).Select(i => $"{i:D4}").ToArray();
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""
            {"values": [{"kpi": "N00001", "period": 2024, "municipality": "0001", "values": [{"gender": "T", "value": 1.0, "status": ""}]}], "next_url": null}
            """)));

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(kpis, areas, [2024]), CancellationToken.None));

        var paths = host.Server.Requests.Select(r => r.Path.Split('/')).ToList();
        Assert.Equal(4, paths.Count); // 2 KPI chunks × 2 area chunks
        Assert.All(paths, p => Assert.True(p[4].Split(',').Length <= 25 && p[6].Split(',').Length <= 25));
        Assert.Equal(kpis, paths.Select(p => p[4]).Distinct().SelectMany(list => list.Split(',')));
        Assert.Equal(areas, paths.Select(p => p[6]).Distinct().SelectMany(list => list.Split(',')));
        Assert.Equal([25, 25, 5, 5], paths.Select(p => p[4].Split(',').Length));
        Assert.Equal(29, result.Warnings.Count); // every KPI but N00001 came back empty
    }

    [Fact]
    public async Task Null_values_get_a_status_from_the_status_text_and_never_become_zero()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""
            {"values": [{"kpi": "N79179", "period": 2024, "municipality": "0013", "values": [
                {"gender": "T", "value": null, "status": "Missing"},
                {"gender": "K", "value": null, "status": "Sekretess"},
                {"gender": "M", "value": null, "status": "Ej publicerad"}]},
              {"kpi": "N79179", "period": 2023, "municipality": "0013", "values": [
                {"gender": "T", "value": null, "status": "Något nytt"},
                {"gender": "K", "value": 0.0, "status": ""}]}],
             "next_url": null}
            """)));

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N79179"], ["0013"], [2023, 2024]), CancellationToken.None));

        Assert.Equal(
            [
                (Gender.T, 2024, (decimal?)null, ObservationStatus.Missing),
                (Gender.K, 2024, null, ObservationStatus.Suppressed),
                (Gender.M, 2024, null, ObservationStatus.NotPublished),
                (Gender.T, 2023, null, ObservationStatus.Missing),
                (Gender.K, 2023, 0.0m, ObservationStatus.Ok),
            ],
            result.Rows.Select(r => (r.Gender, r.Period.Year, r.Value, r.Status)));
    }

    [Fact]
    public async Task A_deleted_value_is_retracted_and_carries_no_value()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""
            {"values": [{"kpi": "N00001", "period": 2023, "municipality": "0000",
                         "values": [{"gender": "T", "value": 1.0, "status": "", "count": 1, "isdeleted": true},
                                    {"gender": "K", "value": 2.0, "status": "", "count": 1, "isdeleted": false}]}],
             "next_url": null}
            """)));

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N00001"], ["0000"], [2023]), CancellationToken.None));

        Assert.Equal(
            [
                new SourceRow("N00001", Period.OfYear(2023), "0000", Gender.T, null, ObservationStatus.Retracted),
                new SourceRow("N00001", Period.OfYear(2023), "0000", Gender.K, 2.0m, ObservationStatus.Ok),
            ],
            result.Rows);
    }

    [Fact]
    public async Task A_KPI_that_returns_no_values_gives_a_warning_naming_it()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""{"values": [], "next_url": null}""")));

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N12345"], ["0022"], [2024]), CancellationToken.None));

        Assert.Empty(result.Rows);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("KPI N12345 gav inga värden från Kolada – okänt eller borttaget nyckeltal?", warning.Reason);
    }

    [Fact]
    public async Task An_unknown_gender_is_rejected_with_a_reason_and_the_other_values_are_kept()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""
            {"values": [{"kpi": "N00001", "period": 2023, "municipality": "0000",
                         "values": [{"gender": "F", "value": 1.0, "status": ""}, {"gender": "T", "value": 3.0, "status": ""}]}],
             "next_url": null}
            """)));

        var (result, _) = await host.RunAsync(() => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N00001"], ["0000"], [2023]), CancellationToken.None));

        Assert.Equal(3.0m, Assert.Single(result.Rows).Value);
        Assert.Contains("okänt kön 'F'", Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_fails_the_read_naming_the_URL()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""{"values": [{"kpi": "N00001", "period": 2023,, }]}""")));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N00001"], ["0000"], [2023]), CancellationToken.None)));

        Assert.Contains(host.Server.Root.Authority + "/v3/data/kpi/…", error.Message, StringComparison.Ordinal);
        Assert.Contains("inte läsbar JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_off_mid_JSON_fails_the_read_naming_the_URL()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json(N79224Page[..200])));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<KoladaClient>().ReadAsync(Query("N79224"), CancellationToken.None)));

        Assert.Contains(host.Server.Root.Authority + "/v3/data/kpi/…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_before_the_announced_length_is_retried_and_then_fails_naming_the_URL()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json(N79224Page) with { TruncateAfter = 100 }));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<KoladaClient>().ReadAsync(Query("N79224"), CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(SourceHttp.MaxRetryAttempts + 1, host.Server.Requests.Count);
        Assert.Contains(host.Server.Root.Authority + "/v3/data/kpi/…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_other_than_429_fails_at_once_with_status_and_URL()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(new StubResponse(400, """{"error": "too long"}""")));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N00001"], ["0000"], [2023]), CancellationToken.None)));

        Assert.Single(host.Server.Requests);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Server.Root.Authority + "/v3/data/kpi/…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_url_on_another_host_is_not_followed()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(StubResponse.Json("""
            {"values": [], "next_url": "https://elsewhere.example/v3/data?page=2"}
            """)));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.RunAsync(
            () => host.Get<KoladaClient>().ReadAsync(new KoladaQuery(["N00001"], ["0000"], [2023]), CancellationToken.None)));

        Assert.Contains("elsewhere.example", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task KPIs_are_searched_by_title_or_fetched_by_id()
    {
        await using var host = new SourceTestHost(await StubServer.StartAsync(request => StubResponse.Json(request.Path.EndsWith("/kpi", StringComparison.Ordinal)
            ? """
              {"values": [{"id": "N79224", "title": "Genomförd operation/åtgärd inom 90 dagar, procent", "description": "Andel", "is_divided_by_gender": true,
                           "municipality_type": "L", "auspice": null, "publ_period": "2025"},
                          {"id": "N79221", "title": "Väntande högst 90 dagar", "description": null, "is_divided_by_gender": false}],
               "count": 2, "next_url": null}
              """
            : """{"values": [{"id": "N79224", "title": "Genomförd operation/åtgärd inom 90 dagar, procent", "description": "Andel", "is_divided_by_gender": 1}]}""")));
        var client = host.Get<KoladaClient>();

        var (byTitle, _) = await host.RunAsync(() => client.SearchKpisAsync("90 dagar", CancellationToken.None));
        var (byId, _) = await host.RunAsync(() => client.SearchKpisAsync("n79224", CancellationToken.None));

        Assert.Equal(
            [new KoladaKpi("N79224", "Genomförd operation/åtgärd inom 90 dagar, procent", "Andel", true), new KoladaKpi("N79221", "Väntande högst 90 dagar", null, false)],
            byTitle);
        Assert.Equal([new KoladaKpi("N79224", "Genomförd operation/åtgärd inom 90 dagar, procent", "Andel", true)], byId);
        Assert.Equal(["/v3/kpi?title=90%20dagar", "/v3/kpi/N79224"], host.Server.Requests.Select(r => r.PathAndQuery));
    }
}
