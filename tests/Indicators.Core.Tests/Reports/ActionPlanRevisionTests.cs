using Indicators.Core.ActionPlans;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.Reports;

/// <summary>The revision notice lists what changed in a stored report's åtgärdsplan: the requirement, an åtgärd's plan, the status.</summary>
public class ActionPlanRevisionTests
{
    static readonly ReportHeader Header = new(1, 1, "Regionplan 2025–2027", "Beslutad", "Region Västernorrland", 2026, ReportKind.Interim, 2,
        "Hälso- och sjukvårdsnämnden", ReportState.UnderReview, null, null, DateTimeOffset.UnixEpoch);

    static ReportDocument Report(decimal required, decimal planned, decimal forecast)
    {
        var plan = new ActionPlan("Handlingsplan", "mnkr", [new ActionPlanYear(2026, null, null, required)],
            [new ActionMeasure("Köpt vård", new Dictionary<int, decimal> { [2026] = planned }, Forecast: forecast)]);
        return new ReportDocument(Header, []) { ActionPlans = [ReportActionPlanBuilder.Build(5, 2, "HSN", plan, 2026, [new(9)])] };
    }

    [Fact]
    public void A_raised_requirement_and_a_changed_plan_are_listed_and_the_plans_new_status_is_a_row_of_its_own()
    {
        var revision = ReportRevision.Compare(Report(250, 30, 260), Report(300, 35.5m, 260));

        Assert.Equal(
            [("Uppdrag 2026", "250,0\u00A0mnkr → 300,0\u00A0mnkr (+50,0)"), ("Plan 2026", "30,0\u00A0mnkr → 35,5\u00A0mnkr (+5,5)"), ("Status", "Uppnått → Ej uppnått")],
            revision.Changes.Select(c => (c.What, c.Describe())));
        Assert.All(revision.Changes, c => Assert.Equal(("Åtgärdsplan", false), (c.GoalCode, c.HasStatus)));
        // Two values changed; no indicator changes status.
        Assert.Equal((2, 2, 0), (revision.ComparedValues, revision.ValueChanges, revision.StatusChanges));
    }

    [Fact]
    public void An_unchanged_plan_and_a_snapshot_without_action_plans_give_no_changes()
    {
        Assert.False(ReportRevision.Compare(Report(250, 30, 260), Report(250, 30, 260)).HasChanges);
        Assert.False(ReportRevision.Compare(new ReportDocument(Header, []), Report(300, 35, 260)).HasChanges);
    }
}
