using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Reports;
using Indicators.TestSupport;

namespace Indicators.Data.Tests;

/// <summary>
/// The decided assessments the dashboard shows beside its suggestions: the latest report sent for review or finalised up to
/// the period looked at, never an open draft.
/// </summary>
public class DecidedAssessmentQueriesTests : IAsyncLifetime
{
    static readonly Actor Hanna = new("hanna", "127.0.0.1");

    DemoReports demo = default!;

    public async Task InitializeAsync() => demo = await DemoReports.CreateAsync();

    public async Task DisposeAsync() => await demo.DisposeAsync();

    /// <summary>HSN assesses every goal of a period's report as <paramref name="assessment"/> (with a motivation where it
    /// differs from the suggestion) and returns the goal ids.</summary>
    async Task<IReadOnlyList<int>> AssessAsync(int periodId, GoalAssessment assessment)
    {
        var goals = (await demo.Queries.GetCommitteeReportAsync(periodId, demo.Hsn))!.Document.Goals.ToList();
        foreach (var goal in goals)
        {
            var texts = goal.Texts with { Assessed = assessment, Motivation = assessment == goal.Suggested ? "" : $"Motivering {goal.Code}" };
            Assert.True((await demo.Editors.Assessments.SaveAsync(periodId, demo.Hsn, goal.GoalId, goal.Texts, texts, goal.Suggested, Hanna)).Saved);
        }

        return [.. goals.Select(g => g.GoalId)];
    }

    async Task<int> VersionAsync(int periodId) => (await demo.Queries.GetCommitteeReportAsync(periodId, demo.Hsn))!.State.Version;

    [Fact]
    public async Task The_latest_submitted_or_finalised_report_up_to_the_period_counts_and_an_open_draft_never_does()
    {
        var decided = new DecidedAssessmentQueries(demo.DataSource);
        var goals = await AssessAsync(demo.Annual, GoalAssessment.Met);
        await AssessAsync(demo.Interim, GoalAssessment.NotMet);

        // Both reports open: drafts only.
        Assert.Empty(await decided.LatestAsync(goals, FollowUpPeriod.Interim(2026)));

        await demo.Editors.Submission.SubmitAsync(demo.Annual, demo.Hsn, await VersionAsync(demo.Annual), Hanna);
        await demo.Editors.Submission.FinaliseAsync(demo.Annual, demo.Hsn, await VersionAsync(demo.Annual), DemoReports.Decision(),
            new Actor(DemoReports.Reviewer, null));
        var annual = await decided.LatestAsync(goals, FollowUpPeriod.Interim(2026));
        Assert.Equal(goals.Order(), annual.Keys.Order());
        Assert.All(annual.Values, d => Assert.Equal((GoalAssessment.Met, ReportKind.Annual, 2025, ReportState.Finalised), (d.Assessment, d.Kind, d.Year, d.State)));
        Assert.All(annual.Values, d => Assert.Equal($"rapporter/{demo.Annual}/namnd/{demo.Hsn}#goal-{d.GoalId}", d.ReportAddress));

        await demo.Editors.Submission.SubmitAsync(demo.Interim, demo.Hsn, await VersionAsync(demo.Interim), Hanna);
        var interim = await decided.LatestAsync(goals, FollowUpPeriod.Interim(2026));
        Assert.All(interim.Values, d => Assert.Equal((GoalAssessment.NotMet, ReportKind.Interim, 2026, ReportState.UnderReview), (d.Assessment, d.Kind, d.Year, d.State)));
        Assert.All(interim.Values, d => Assert.Equal("Delårsrapport 2026 (jan–aug)", d.ReportTitle));

        // Looking back: Helår 2025 sees the årsrapport, Delår 2025 nothing yet.
        Assert.All((await decided.LatestAsync(goals, FollowUpPeriod.WholeYear(2025))).Values, d => Assert.Equal(ReportKind.Annual, d.Kind));
        Assert.Empty(await decided.LatestAsync(goals, FollowUpPeriod.Interim(2025)));
        Assert.Empty(await decided.LatestAsync([], FollowUpPeriod.Interim(2026)));
    }
}
