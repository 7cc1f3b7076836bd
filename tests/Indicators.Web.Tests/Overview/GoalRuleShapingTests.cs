using Indicators.Core.Attainment;
using Indicators.Core.Plans;
using Indicators.Core.Reports;

namespace Indicators.Web.Tests.Overview;

/// <summary>The plan version's goal rule and weights reach the dashboard's and the report's suggestions alike.</summary>
public class GoalRuleShapingTests
{
    // Mål 1.1: "Andel i tid" uppnått, "Väntande" ej uppnått.
    static PlanOverview Plan(GoalRule? rule, decimal waitingWeight = 1)
    {
        var plan = HandBuiltPlan.Plan();
        var area = plan.GoalAreas[0];
        var goal = area.Goals[0] with { Indicators = [HandBuiltPlan.OnTime, HandBuiltPlan.Waiting with { GoalWeight = waitingWeight }] };
        return plan with { ConfiguredRule = rule, GoalAreas = [area with { Goals = [goal, .. area.Goals.Skip(1)] }] };
    }

    static GoalAssessment Report(PlanOverview plan) =>
        ReportBuilder.Build(
            new ReportHeader(1, plan.PlanId, plan.Name, plan.VersionName, plan.AreaName, 2025, ReportKind.Annual, null, "", ReportState.Open, null, null, DateTimeOffset.UnixEpoch),
            plan, ReportInputs.None).Goals.Single(g => g.GoalId == 100).Suggested;

    [Theory]
    [InlineData(null, 1, GoalAssessment.PartlyMet)]
    [InlineData(50, 1, GoalAssessment.Met)]
    [InlineData(50, 3, GoalAssessment.PartlyMet)]
    public void The_overview_and_the_report_suggest_by_the_plans_shares_and_weights(int? metShare, double waitingWeight, GoalAssessment expected)
    {
        var plan = Plan(metShare is { } met ? new GoalRule(met, 40) : null, (decimal)waitingWeight);

        Assert.Equal(expected, HandBuiltPlan.Model(plan: plan).Goal(100)!.Suggestion.Assessment);
        Assert.Equal(expected, Report(plan));
    }
}
