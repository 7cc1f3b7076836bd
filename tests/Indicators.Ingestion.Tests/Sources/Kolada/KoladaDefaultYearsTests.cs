using Indicators.Ingestion.Tests.Runs;
using Indicators.TestSupport;
using Indicators.TestSupport.Sources;
using Microsoft.Extensions.Time.Testing;

namespace Indicators.Ingestion.Tests.Sources.Kolada;

/// <summary>
/// A Kolada source that names no first year reads back to the earliest base year of the plans its indicators serve (the
/// year before a plan's first), and at least ten years; Kolada's stub records the years each request asked for.
/// </summary>
public class KoladaDefaultYearsTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    const string Arrange = """
        insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id, kpi_id)
        values ('0022', 'OP90', 'Operation inom 90 dagar', '%', 'higher', 'year', '0022', 'N79224');
        insert into plan (area_id, name, start_year, end_year) values ('0022', 'Regionplan 2016–2019', 2016, 2019), ('0022', 'Regionplan 2025–2027', 2025, 2027);
        insert into plan_version (plan_id, name, kind, is_current) select id, 'Fastställd plan', 'adopted', true from plan;
        insert into goal_area (plan_version_id, code, name) select id, '1', 'Vård' from plan_version;
        insert into goal (goal_area_id, code, name) select id, '1.1', 'Tillgänglig vård' from goal_area;
        insert into goal_indicator (goal_id, indicator_id) select g.id, i.id from goal g, indicator i;
        insert into source (name, kind, cron, settings) values ('Kolada väntetider', 'kolada', '0 6 * * *', '{"areas": ["0022"]}');
        insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
        """;

    [Fact]
    public async Task Without_a_first_year_the_request_reaches_back_to_the_base_year_of_the_oldest_plan()
    {
        var years = await RequestedYearsAsync(Arrange);

        // Regionplan 2016–2019 has base year 2015, which ten years back from 2026 (2016) would miss.
        Assert.Equal(2015, years.Min());
        Assert.Equal(2026, years.Max());
    }

    [Fact]
    public async Task Without_plans_the_request_reaches_ten_years_back()
    {
        var years = await RequestedYearsAsync(Arrange.Replace(
            "insert into goal_indicator (goal_id, indicator_id) select g.id, i.id from goal g, indicator i;", "", StringComparison.Ordinal));

        Assert.Equal(2016, years.Min());
    }

    [Fact]
    public async Task A_first_year_in_the_settings_is_kept()
    {
        var years = await RequestedYearsAsync(Arrange.Replace("""{"areas": ["0022"]}""", """{"areas": ["0022"], "fromYear": 2020}""", StringComparison.Ordinal));

        Assert.Equal(2020, years.Min());
    }

    static async Task<IReadOnlyList<int>> RequestedYearsAsync(string arrange)
    {
        var requested = new List<int>();
        await using var stub = await KoladaStub.StartAsync((_, _, _) => [new KoladaValue("T", 50m)]);
        stub.Intercept = (request, _, _) =>
        {
            lock (requested)
            {
                requested.AddRange(request.Years);
            }

            return Task.FromResult<StubResponse?>(null);
        };
        var time = new FakeTimeProvider(Now);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var host = await RunnerHost.StartAsync(arrange, new Uri(stub.BaseUrl, "/"), time);

        var result = await host.RunOnFakeTimeAsync(await host.SourceIdAsync("Kolada väntetider"), time);

        Assert.StartsWith("succeeded", result.Status, StringComparison.Ordinal);
        lock (requested)
        {
            return [.. requested.Distinct().Order()];
        }
    }
}
