using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.CommitteePlans;
using Indicators.TestSupport;

namespace Indicators.Data.Tests.CommitteePlans;

/// <summary>HSN's delmål in its report, as read live and as frozen when the report is finalised.</summary>
public class CommitteePlanReportTests
{
    [Fact]
    public async Task The_finalised_report_keeps_its_delmal_as_decided_and_lists_a_later_nämndplan_målvärde_in_its_revision_notice()
    {
        await using var demo = await DemoReports.CreateAsync();
        var live = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.Document;
        var drg = Assert.Single(live.Goals.Single(g => g.Code == "2.2").SubGoals);
        Assert.Equal("HSN-2.2.1", drg.Code);
        Assert.Equal("Verksamhetsplan 2025 (2026–2027)", drg.CommitteePlanName);
        Assert.Equal(11m, Assert.Single(drg.Indicators).Target!.Value);
        Assert.StartsWith("Utifrån nämndens delmål (HSN-2.2.1", live.Goals.Single(g => g.Code == "2.2").SuggestedExplanation);

        // The nämnd assesses every mål as suggested, submits, and its Granskare finalises.
        var member = new Actor(DemoReports.Members[0], "127.0.0.1");
        foreach (var goal in live.Goals)
        {
            Assert.True((await demo.Editors.Assessments.SaveAsync(demo.Interim, demo.Hsn, goal.GoalId, goal.Texts, goal.Texts with { Assessed = goal.Suggested },
                goal.Suggested, member)).Saved);
        }

        await demo.Editors.Submission.SubmitAsync(demo.Interim, demo.Hsn, (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.State.Version, member);
        await demo.Editors.Submission.FinaliseAsync(demo.Interim, demo.Hsn, (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!.State.Version,
            DemoReports.Decision(), new Actor(DemoReports.Reviewer, "127.0.0.1"));

        // Afterwards the nämndplan gets its own 2026 målvärde for the DRG indicator.
        var editing = (await new CommitteePlanQueries(demo.DataSource).ReadAsync(live.Header.PlanId))!;
        var subGoal = editing.Plans.Single().SubGoals.Single(s => s.Draft.Code == "HSN-2.2.1");
        var indicator = Assert.Single(subGoal.Draft.Indicators);
        await new CommitteePlanEditor(demo.DataSource).UpdateSubGoalAsync(subGoal.Id, subGoal.RowVersion, subGoal.Draft with
        {
            Indicators = [indicator with { Targets = [.. indicator.Targets, new TargetDraft(2026, null, 9m, null, null, null, null, "Nämndens beslut", false)] }],
        }, new Actor(DemoReports.Analyst, "127.0.0.1"));

        var view = (await demo.Queries.GetCommitteeReportAsync(demo.Interim, demo.Hsn))!;
        var frozen = Assert.Single(view.Document.Goals.Single(g => g.Code == "2.2").SubGoals);
        Assert.Equal(11m, Assert.Single(frozen.Indicators).Target!.Value);
        // The revision notice names the delmål's changed målvärde, as it does a mål's.
        var revised = Assert.Single(view.Revision!.Changes, c => c.GoalCode == "HSN-2.2.1");
        Assert.Equal(("Målvärde", 11m, 9m), (revised.What, revised.Before, revised.Now));
        var plan = (await new Plans.PlanQueries(demo.DataSource).GetOverviewAsync(live.Header.PlanId, Core.FollowUp.FollowUpPeriod.Interim(2026)))!;
        var now = plan.OwnerSubGoals(plan.GoalAreas.SelectMany(a => a.Goals).Single(g => g.Code == "2.2")).Single();
        Assert.Equal(9m, Assert.Single(now.Indicators).TargetFor(2026)!.Value);
    }
}
