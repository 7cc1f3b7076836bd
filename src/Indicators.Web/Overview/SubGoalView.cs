using Indicators.Core.Attainment;
using Indicators.Core.CommitteePlans;
using Indicators.Core.Plans;

namespace Indicators.Web.Overview;

/// <summary>
/// A delmål of the owner nämnd's plan under a goal, for the goal, overview and nämnd pages: its indicators judged for the
/// period against the nämndplan's målvärden, and its own suggestion.
/// </summary>
public sealed record SubGoalView(SubGoalOverview SubGoal, string CommitteePlanName, IReadOnlyList<IndicatorRow> Rows, GoalAssessmentResult Suggestion)
{
    public SubGoalJudgement Judgement => new(SubGoal.Code, SubGoal.Name, [.. Rows.Select(r => r.Judgement)]);

    public static IReadOnlyList<SubGoalView> Of(
        PlanOverview plan, GoalOverview goal, DateTimeOffset now, Dictionary<int, Ingestion.Scheduling.Freshness> judgedSources)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(goal);
        return [.. plan.CommitteePlans.Where(p => p.CommitteeId == goal.OwnerCommitteeId)
            .SelectMany(p => p.Under(goal.Id).Select(subGoal =>
            {
                // Not shared with the goal's rows: the same indicator is judged here against the nämndplan's målvärden.
                var rows = subGoal.Indicators.Select(i => new IndicatorRow(i, i.StandingIn(plan.Period, plan.StartYear, plan.EndYear),
                    DataFreshness.Judge(i.SourceStates, now, judgedSources))).ToList();
                return new SubGoalView(subGoal, p.Name, rows,
                    SubGoalSuggestion.SuggestSubGoal(new SubGoalJudgement(subGoal.Code, subGoal.Name, [.. rows.Select(r => r.Judgement)]), plan.Rule));
            }))];
    }
}
