using Bunit;
using Indicators.Core.Attainment;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Data.Indicators;
using Indicators.Web.IndicatorPages;
using Plotly.Blazor.Traces;

namespace Indicators.Web.Tests.Indicators;

public class ChartModelTests
{
    static IndicatorDetails Indicator(bool split = false, Direction direction = Direction.HigherIsBetter) => new(
        1, "N79173", "Medicinsk bedömning inom 3 dagar", "Andel patienter", "%", 1, direction, "year", split, "N79173", "Kolada N79173",
        2, "Hälso- och sjukvårdsnämnden", Tolerance.Absolute(5), 0.5m, Aggregation.Rate, true);

    static IndicatorPlan Plan => new(7, "Regionplan 2025–2027", 2025, 2027, "Fastställd plan", true,
        [new TargetValue(2025, null, 80, null, null, true, null), new TargetValue(2026, null, 85, null, null, true, null),
         new TargetValue(2027, null, 90, null, null, true, null)]);

    static IndicatorObservation Observed(string period, Gender gender, decimal? value, int revision = 1) => new(
        Period.Parse(period), gender, value, value is null ? ObservationStatus.Missing : ObservationStatus.Ok, revision, 3, null,
        new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), true);

    static IndicatorPageData Data(bool split = false, IndicatorPlan? plan = null, IReadOnlyList<IndicatorObservation>? observations = null,
        IReadOnlyList<PeerObservation>? peers = null, IReadOnlyList<IndicatorRevision>? revisions = null) => new(
        Indicator(split), plan, "0022", "Region Västernorrland",
        observations ?? [Observed("2022", Gender.T, 60m), Observed("2023", Gender.T, 65m, 2), Observed("2024", Gender.T, 70m)],
        revisions ?? [], peers is { Count: > 0 } ? Period.OfYear(2024) : null, peers ?? [], []);

    static IReadOnlyList<Scatter> Lines(OutcomeChartModel model) => [.. model.Traces.OfType<Scatter>()];

    [Fact]
    public void The_target_is_a_step_line_across_every_plan_year()
    {
        var model = OutcomeChartModel.Build(Data(plan: Plan));

        var target = Assert.Single(Lines(model), t => t.Name == "Målvärde");
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv, target.Line.Shape);
        Assert.Equal([2025d, 2026d, 2027d, 2028d], target.X.Cast<double>());
        Assert.Equal([80m, 85m, 90m, 90m], target.Y.Cast<decimal>());
    }

    [Fact]
    public void The_forecast_runs_dashed_from_the_latest_outcome_to_the_plans_last_year()
    {
        var model = OutcomeChartModel.Build(Data(plan: Plan));

        var forecast = Assert.Single(Lines(model), t => t.Name == "Prognos 2027");
        Assert.Equal("dash", forecast.Line.Dash);
        Assert.Equal([2024.5d, 2027.5d], forecast.X.Cast<double>());
        // 60, 65, 70 (2022–2024) are too few to backtest three years ahead, and two changes are no run of three: the
        // default is the latest value (ForecastRule), so the line runs flat at 70 to 2027.
        Assert.Equal([70m, 70m], forecast.Y.Cast<decimal>());
        Assert.Contains("Prognos för 2027: 70,0\u00A0%", model.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_are_explicit_ticks_so_the_axis_never_shows_fractions_of_a_year()
    {
        var model = OutcomeChartModel.Build(Data(plan: Plan));

        var axis = Assert.Single(model.Layout.XAxis);
        Assert.Equal(Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Array, axis.TickMode);
        Assert.Equal(["2022", "2023", "2024", "2025", "2026", "2027"], axis.TickText.Cast<string>());
        Assert.Equal([2022.5, 2023.5, 2024.5, 2025.5, 2026.5, 2027.5], axis.TickVals.Cast<double>());
        Assert.Equal(", ", model.Layout.Separators);
    }

    [Fact]
    public void Women_and_men_get_their_own_lines_only_when_the_indicator_is_split_by_gender()
    {
        var observations = new[]
        {
            Observed("2023", Gender.T, 65m), Observed("2023", Gender.K, 63m), Observed("2023", Gender.M, 67m),
            Observed("2024", Gender.T, 70m), Observed("2024", Gender.K, 68m), Observed("2024", Gender.M, 72m),
        };

        var split = OutcomeChartModel.Build(Data(split: true, observations: observations));
        var total = OutcomeChartModel.Build(Data(split: false, observations: observations));

        Assert.Equal(["Totalt", "Kvinnor", "Män"], Lines(split).Select(t => t.Name));
        Assert.Equal(["Utfall"], Lines(total).Select(t => t.Name));
        Assert.Equal(["Kvinnor 2024: 68,0\u00A0%", "Män 2024: 72,0\u00A0%"],
            [.. Lines(split).Skip(1).Select(t => (string)t.HoverTextArray[1])]);
    }

    [Fact]
    public void Months_are_placed_inside_their_year_on_the_same_axis()
    {
        Assert.Equal(2025.5, OutcomeSeries.Position(Period.OfYear(2025)), 6);
        Assert.Equal(2025 + 0.5 / 12, OutcomeSeries.Position(Period.OfMonth(2025, 1)), 6);
        Assert.Equal(2025 + 11.5 / 12, OutcomeSeries.Position(Period.OfMonth(2025, 12)), 6);
    }

    [Fact]
    public void Without_outcomes_the_chart_is_empty_and_says_so()
    {
        var model = OutcomeChartModel.Build(Data(plan: Plan, observations: []));

        Assert.True(model.IsEmpty);
        Assert.Empty(model.Traces);
    }

    static IReadOnlyList<PeerObservation> Peers =>
    [
        new("0000", "Riket", "Riket", true, 75m, ObservationStatus.Ok),
        new("0020", "Region Dalarna", "Dalarna", false, 80m, ObservationStatus.Ok),
        new("0022", "Region Västernorrland", "Västernorrland", false, 70m, ObservationStatus.Ok),
        new("0024", "Region Västerbotten", "Västerbotten", false, 90m, ObservationStatus.Ok),
        new("0025", "Region Norrbotten", "Norrbotten", false, null, ObservationStatus.Missing),
    ];

    [Fact]
    public void Regions_are_sorted_best_first_with_our_region_marked_by_colour_pattern_and_label()
    {
        var model = PeerChartModel.Build(Data(plan: Plan, peers: Peers));

        var bar = Assert.IsType<Bar>(model.Traces[0]);
        Assert.Equal(["Västerbotten", "Dalarna", "▶ Västernorrland"], bar.X.Cast<string>());
        Assert.Equal([PeerChartModel.PeerColour, PeerChartModel.PeerColour, PeerChartModel.OurColour], bar.Marker.ColorArray.Cast<string>());
        Assert.Equal(Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash, bar.Marker.Pattern.ShapeArray[2]);
        Assert.Equal(Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Empty, bar.Marker.Pattern.ShapeArray[0]);
        Assert.Equal(3, model.Ours?.Rank);
        Assert.Contains("plats 3 av 3, 5,0\u00A0procentenheter under riket", model.Ours?.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Riket_is_a_horizontal_line_across_all_bars()
    {
        var model = PeerChartModel.Build(Data(plan: Plan, peers: Peers));

        var riket = Assert.IsType<Scatter>(model.Traces[1]);
        Assert.Equal("Riket 75,0\u00A0%", riket.Name);
        Assert.All(riket.Y, y => Assert.Equal(75m, y));
        Assert.Equal(3, riket.X.Count);
    }

    [Fact]
    public void Without_other_regions_there_is_no_bar_chart_but_a_message()
    {
        var model = PeerChartModel.Build(Data(plan: Plan, peers: [Peers[0], Peers[2]]));

        Assert.True(model.IsEmpty);
        Assert.Contains("inga värden för andra regioner", model.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_peer_table_lists_the_regions_best_first_marks_our_region_in_words_and_ends_with_riket()
    {
        var model = PeerChartModel.Build(Data(plan: Plan, peers: Peers));
        using var context = new BunitContext();

        var table = context.Render<PeerTable>(p => p.Add(t => t.Model, model).Add(t => t.Format, v => OutcomeSeries.Format(Indicator(), v)));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(["Västerbotten", "Dalarna", "▶ Västernorrland (vår region)", "Riket"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["1", "2", "3", "–"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Equal("75,0\u00A0%", rows[^1].QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("ours", rows[2].GetAttribute("class"));
    }
}
