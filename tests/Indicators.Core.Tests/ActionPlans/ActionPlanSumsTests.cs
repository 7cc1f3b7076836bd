using Indicators.Core.ActionPlans;
using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.ActionPlans;

/// <summary>Seed 003 §4.2.2–4.2.3 (HSN verksamhetsplan 2025): the figures the sums must reproduce.</summary>
public class ActionPlanSumsTests
{
    static readonly int[] PlanYears = [2025, 2026, 2027];

    static ActionMeasure Measure(string name, params (int Year, decimal Amount)[] planned) =>
        new(name, planned.ToDictionary(p => p.Year, p => p.Amount));

    static ActionPlan Seed003(params ActionMeasure[] followedUp) => new(
        "Ekonomisk handlingsplan 2025–2027",
        "mnkr",
        [
            new ActionPlanYear(2024, 6653, -600, 30),
            new ActionPlanYear(2025, 6894, -570, 225),
            new ActionPlanYear(2026, 6999, -345, 250),
            new ActionPlanYear(2027, 7217, -95, 95),
        ],
        followedUp.Length > 0 ? followedUp :
        [
            Measure("Hyroberonde vård", (2025, 70), (2026, 50), (2027, 30)),
            Measure("Effektivare bemanningsplanering", (2025, 20), (2026, 40), (2027, 40)),
            Measure("Strukturförändringar inkl utredning sjukhusstruktur", (2025, 25), (2026, 65), (2027, 85)),
            Measure("Läkemedel", (2025, 25), (2026, 25), (2027, 25)),
            Measure("Effektivare administration", (2025, 15)),
            Measure("Köpt vård", (2025, 50), (2026, 30), (2027, 15)),
            Measure("Smarta Inköp", (2025, 35), (2026, 25), (2027, 20)),
        ]);

    [Fact]
    public void The_seeds_SUMMA_Uppdrag_and_Avvikelse_rows_come_out_per_year_and_over_the_period()
    {
        var plan = Seed003();

        Assert.Equal([240m, 235m, 215m], PlanYears.Select(y => ActionPlanSums.Planned(plan, y)));
        Assert.Equal([225m, 250m, 95m], PlanYears.Select(y => ActionPlanSums.Required(plan, y)!.Value));
        Assert.Equal([15m, -15m, 120m], PlanYears.Select(y => ActionPlanSums.Deviation(plan, y)!.Value));
        Assert.Equal(690m, ActionPlanSums.PlannedTotal(plan, PlanYears));
        Assert.Equal(570m, ActionPlanSums.RequiredTotal(plan, PlanYears));
        Assert.Equal(120m, ActionPlanSums.DeviationTotal(plan, PlanYears));
        Assert.Equal([2025, 2026, 2027], plan.MeasureYears);
    }

    [Fact]
    public void The_deficit_goes_from_minus_600_to_balance_as_the_seeds_Underskott_row_says()
    {
        var path = ActionPlanSums.PathToBalance(Seed003());

        Assert.Equal([-600m, -570m, -345m, -95m, 0m], path.Select(p => p.Result));
        Assert.Equal(["2024", "2025", "2026", "2027", "efter 2027"], path.Select(p => p.Label));
    }

    [Fact]
    public void A_year_without_a_requirement_has_no_deviation_and_a_span_with_one_has_no_total()
    {
        var plan = Seed003() with { Years = [new ActionPlanYear(2025, null, null, 225)] };

        Assert.Null(ActionPlanSums.Deviation(plan, 2026));
        Assert.Null(ActionPlanSums.DeviationTotal(plan, PlanYears));
        Assert.Empty(ActionPlanSums.PathToBalance(plan));
    }

    [Fact]
    public void The_year_is_uppnått_when_the_åtgärders_forecasts_reach_the_requirement_and_says_by_how_much_when_not()
    {
        var reaching = Seed003(Measure("Hyroberonde vård", (2025, 70)) with { Forecast = 150 }, Measure("Köpt vård", (2025, 50)) with { Forecast = 75 });
        var short_ = Seed003(Measure("Hyroberonde vård", (2025, 70)) with { Forecast = 150, Realised = 90 }, Measure("Köpt vård", (2025, 50)) with { Forecast = 50 });
        var none = Seed003(Measure("Hyroberonde vård", (2025, 70)));

        Assert.Equal(AttainmentStatus.Achieved, ActionPlanStatusRule.Judge(reaching, 2025).Status);
        var (status, explanation) = ActionPlanStatusRule.Judge(short_, 2025);
        Assert.Equal(AttainmentStatus.NotAchieved, status);
        Assert.Equal("Ej uppnått: prognosen 200\u00A0mnkr är 25\u00A0mnkr under kravet 225\u00A0mnkr för 2025.", explanation);
        Assert.Equal(90m, ActionPlanSums.Realised(short_));
        Assert.Equal(AttainmentStatus.NotAssessable, ActionPlanStatusRule.Judge(none, 2025).Status);
        Assert.Equal(AttainmentStatus.NotAssessable, ActionPlanStatusRule.Judge(reaching, 2030).Status);
    }
}
