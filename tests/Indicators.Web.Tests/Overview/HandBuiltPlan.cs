using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Web.Tests.Overview;

/// <summary>
/// A small plan built by hand for the component and shaping tests, judged for helår 2025:
/// <list type="bullet">
/// <item>Mål 1.1 (HSN): "Andel i tid" 85,0 % in 2025 against 80 → uppnått, bättre; its source's last run failed.
/// "Väntande" 50,0 % in 2024 (2025 not yet published) against 90 → ej uppnått, sämre; owned by RUN; its source is stale.</item>
/// <item>Mål 1.2 (RUN): "Utan målvärde" → kan ej bedömas.</item>
/// <item>Mål 1.3 (no owner): no indicators.</item>
/// </list>
/// </summary>
public static class HandBuiltPlan
{
    public const int Hsn = 2;
    public const int Run = 3;
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static IndicatorSource FailedSource => new(7, "Kolada", "kolada", "0 6 * * *", "Europe/Stockholm", true,
        "failed", Now.AddHours(-5), "Ingen kontakt med Kolada.", Now.AddHours(-29));

    public static IndicatorSource StaleSource => new(8, "Vårdvalsfiler", "file", "0 5 * * *", "Europe/Stockholm", true,
        "succeeded", Now.AddDays(-10), null, Now.AddDays(-10));

    public static IndicatorOverview Indicator(
        int id, string name, decimal? target2025, IEnumerable<(int Year, decimal Value)> outcomes,
        int? ownerId = null, string? owner = null, IndicatorSource? source = null) =>
        new(id, $"I{id}", name, "%", 1, Direction.HigherIsBetter, false, false,
            target2025 is { } target ? [new TargetValue(2025, null, target, null, null, true, null)] : [],
            Series: [.. outcomes.Select(o => Outcome.Of(Period.OfYear(o.Year), o.Value))],
            Sources: source is null ? [] : [source],
            OwnerCommitteeId: ownerId, OwnerCommittee: owner);

    public static IndicatorOverview OnTime => Indicator(1, "Andel i tid", 80,
        [(2019, 61.8m), (2020, 63m), (2021, 64m), (2022, 66m), (2023, 67m), (2024, 68m), (2025, 85m)],
        Hsn, "Hälso- och sjukvårdsnämnden", FailedSource);

    public static IndicatorOverview Waiting => Indicator(2, "Väntande", 90, [(2023, 60m), (2024, 50m)], Run, "Regionala utvecklingsnämnden", StaleSource);

    public static IndicatorOverview WithoutTarget => Indicator(3, "Utan målvärde", null, [(2024, 10m)], Run, "Regionala utvecklingsnämnden");

    public static PlanOverview Plan(IReadOnlyList<GoalAreaOverview>? areas = null) => new(
        42, "Regionplan 2025–2027", null, "Region Västernorrland", 2025, 2027, "Fastställd plan", false,
        areas ??
        [
            new GoalAreaOverview(10, "1", "Ett attraktivt län", false,
            [
                new GoalOverview(100, "1.1", "Vård i tid", "Hälso- och sjukvårdsnämnden", [OnTime, Waiting], Hsn),
                new GoalOverview(101, "1.2", "Folkhälsa", "Regionala utvecklingsnämnden", [WithoutTarget], Run),
                new GoalOverview(102, "1.3", "Ett mål utan indikatorer", null, []),
            ]),
        ],
        FollowUpPeriod.WholeYear(2025));

    public static Web.Overview.OverviewModel Model(Web.Overview.OverviewFilter? filter = null, PlanOverview? plan = null) =>
        Web.Overview.OverviewModel.Build(plan ?? Plan(), filter ?? Web.Overview.OverviewFilter.None, Now);
}
