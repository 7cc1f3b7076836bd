using Bunit;
using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Data.Indicators;
using Indicators.Web.IndicatorPages;

namespace Indicators.Web.Tests.Indicators;

public class OutcomeTableTests
{
    static readonly DateTimeOffset Loaded = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    static IndicatorPageData Data(bool split, IReadOnlyList<IndicatorObservation> observations, IReadOnlyList<IndicatorRevision> revisions) => new(
        new IndicatorDetails(1, "X", "Listade patienter", null, "antal", 0, Direction.LowerIsBetter, "year", split, null, null, null, null,
            null, 0, Aggregation.Rate, true),
        new IndicatorPlan(7, "Regionplan 2025–2027", 2025, 2027, "Fastställd plan", true,
            [new TargetValue(2025, null, 1300, null, null, true, null)]),
        "0022", "Region Västernorrland", observations, revisions, null, [], []);

    static IndicatorObservation Observed(string period, Gender gender, decimal? value, string? source = null) => new(
        Period.Parse(period), gender, value, value is null ? ObservationStatus.Suppressed : ObservationStatus.Ok, 1, 5, source, Loaded, source is null);

    [Fact]
    public void The_table_shows_values_in_Swedish_format_newest_first_with_target_status_and_origin()
    {
        var data = Data(false, [Observed("2024", Gender.T, 1352m), Observed("2025", Gender.T, 1285m, "Vårdvalssystemet")], []);
        using var context = new BunitContext();

        var table = context.Render<OutcomeTable>(p => p.Add(t => t.Rows, OutcomeTableModel.Build(data)));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["2025", "2024"], rows.Select(r => r.GetAttribute("data-period")));
        Assert.Equal("1\u00A0285\u00A0antal", rows[0].QuerySelector(".value")!.TextContent);
        Assert.Contains("1\u00A0300\u00A0antal", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Uppnått", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Vårdvalssystemet, 2026-11-23 10:00", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Demodata, inläst 2026-11-23 10:00", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("–", rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Empty(table.FindAll("th:contains('Kvinnor')"));
    }

    [Fact]
    public void A_revised_value_is_marked_with_the_value_it_replaced_and_when()
    {
        var revision = new IndicatorRevision(Period.OfYear(2024), Gender.T, 1, 1340m, ObservationStatus.Ok, Loaded.AddHours(1), 6, null);
        var data = Data(false, [Observed("2024", Gender.T, 1352m)], [revision]);
        using var context = new BunitContext();

        var table = context.Render<OutcomeTable>(p => p.Add(t => t.Rows, OutcomeTableModel.Build(data)));

        Assert.Equal("(reviderat: tidigare 1\u00A0340\u00A0antal, ändrat 2026-11-23 11:00)", table.Find(".revised").TextContent);
    }

    [Fact]
    public void Gender_split_indicators_show_women_and_men_and_a_missing_value_says_why()
    {
        var data = Data(true, [Observed("2024", Gender.T, 1352m), Observed("2024", Gender.K, null), Observed("2024", Gender.M, 1400m)], []);
        using var context = new BunitContext();

        var table = context.Render<OutcomeTable>(p => p.Add(t => t.Rows, OutcomeTableModel.Build(data)).Add(t => t.GenderSplit, true));

        Assert.Equal(["Period", "Totalt", "Kvinnor", "Män", "Målvärde", "Status", "Källa"], table.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal(ObservationStatus.Suppressed.SwedishName(), table.Find("td[data-gender=K] .value").TextContent);
        Assert.Equal("1\u00A0400\u00A0antal", table.Find("td[data-gender=M] .value").TextContent);
    }

    [Fact]
    public void Without_outcomes_the_table_gives_way_to_a_Swedish_message()
    {
        using var context = new BunitContext();

        var table = context.Render<OutcomeTable>(p => p.Add(t => t.Rows, []));

        Assert.Equal("Inga utfall finns ännu för indikatorn.", table.Find("p.empty").TextContent);
        Assert.Empty(table.FindAll("table"));
    }
}
