using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.Reports;

/// <summary>What a report carries for the exports to compute with and to chart: the målvärde as numbers and the series.</summary>
public class ReportHistoryTests
{
    static ReportDocument Build(ReportKind kind, int year, IndicatorOverview indicator)
    {
        var header = new ReportHeader(1, 1, "Regionplan 2025–2027", "Fastställd plan", "Region Västernorrland", year, kind, 1, "HSN",
            ReportState.Open, null, null, DateTimeOffset.UnixEpoch);
        var plan = new PlanOverview(1, "Regionplan 2025–2027", null, "Region Västernorrland", 2025, 2027, "Fastställd plan", false,
            [new GoalAreaOverview(1, "2", "Vård", false, [new GoalOverview(1, "2.1", "Tillgänglig vård", "HSN", [indicator], 1)])],
            kind.Period(year));
        return ReportBuilder.Build(header, plan, ReportInputs.None);
    }

    static IndicatorOverview Indicator(params Outcome[] series) => new(
        7, "TEL", "Telefonsamtal besvarade samma dag", "%", 1, Direction.HigherIsBetter, false, false,
        [
            new(2025, null, 90m, null, null, false, null),
            new(2026, null, 92m, null, null, true, null),
            new(2027, null, null, 2m, 3m, false, null),
        ],
        Series: series);

    [Fact]
    public void An_indicator_carries_its_years_målvärde_as_numbers_and_the_outcomes_of_the_judged_kind_up_to_the_report()
    {
        var indicator = Indicator(
            Outcome.Of(Period.OfYear(2023), 85m), Outcome.Of(Period.OfYear(2024), 86.5m), Outcome.Of(Period.OfYear(2025), 88m),
            Outcome.Of(Period.OfMonth(2025, 3), 70m), Outcome.Of(Period.OfYear(2026), 91m));

        var shown = Build(ReportKind.Annual, 2025, indicator).Goals.Single().Indicators.Single();

        Assert.Equal(new ReportTarget(2025, 90m, null, null, false), shown.Target);
        // Yearly outcomes like the judged one (not the month), none after the report's year.
        Assert.Equal([2023, 2024, 2025], shown.History!.Outcomes.Select(p => p.Period.Year));
        Assert.Equal([85m, 86.5m, 88m], shown.History.Outcomes.Select(p => p.Value));
        Assert.Equal([2025, 2026, 2027], shown.History.Targets.Select(t => t.Year));
        Assert.True(shown.History.Targets[1].IsExample);
        Assert.True(shown.History.Targets[2].IsBand);
    }

    [Fact]
    public void The_difference_from_a_målvärde_is_value_minus_target_and_from_a_band_the_distance_past_its_nearer_edge()
    {
        Assert.Equal(-2m, new ReportTarget(2025, 90m, null, null, false).Difference(88m));
        var band = new ReportTarget(2027, null, 2m, 3m, false);
        Assert.Equal([-0.5m, 0m, 1m, null], new decimal?[] { 1.5m, 2.5m, 4m, null }.Select(band.Difference));
    }

    [Fact]
    public void The_series_survive_a_snapshot_and_a_snapshot_frozen_before_them_reads_without()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        var document = Build(ReportKind.Interim, 2026, Indicator(Outcome.Of(Period.OfJanuaryToAugust(2025), 80m), Outcome.Of(Period.OfJanuaryToAugust(2026), 83m)));

        var json = JsonSerializer.Serialize(document, options);
        var read = JsonSerializer.Deserialize<ReportDocument>(json, options)!.Goals.Single().Indicators.Single();

        Assert.Equal([Period.OfJanuaryToAugust(2025), Period.OfJanuaryToAugust(2026)], read.History!.Outcomes.Select(p => p.Period));
        Assert.Equal(92m, read.Target!.Value);
        var old = json.Replace("\"Target\":", "\"TargetBefore\":", StringComparison.Ordinal).Replace("\"History\":", "\"HistoryBefore\":", StringComparison.Ordinal);
        var frozen = JsonSerializer.Deserialize<ReportDocument>(old, options)!.Goals.Single().Indicators.Single();
        Assert.Null(frozen.Target);
        Assert.Null(frozen.History);
    }
}
