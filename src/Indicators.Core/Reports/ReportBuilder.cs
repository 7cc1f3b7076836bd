using Indicators.Core.Attainment;
using Indicators.Core.CommitteePlans;
using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Reports;

/// <summary>What a report is built from besides the plan: K/M outcomes, the nämnd's texts and the delårsrapport.</summary>
/// <remarks>GenderOutcomes: K and M outcomes of the plan's gender-split indicators, by indicator, period and gender.
/// GoalTexts: the nämnd's texts by goal id (a goal without any is shown empty). Comments: by indicator id.
/// Interim: for an årsrapport, the same year's delårsrapport (its snapshot if finalised, else as it reads now).</remarks>
public sealed record ReportInputs(
    IReadOnlyDictionary<(int IndicatorId, Period Period, Gender Gender), Outcome> GenderOutcomes,
    IReadOnlyDictionary<int, GoalTexts> GoalTexts,
    IReadOnlyDictionary<int, IndicatorComment> Comments,
    ReportDocument? Interim = null)
{
    public static ReportInputs None { get; } = new(
        new Dictionary<(int, Period, Gender), Outcome>(), new Dictionary<int, GoalTexts>(), new Dictionary<int, IndicatorComment>());
}

/// <summary>
/// Builds a live report from a plan overview read for the report's period: the same standing, status, trend and suggested
/// assessment as the dashboard (<see cref="FollowUp.PeriodStandingRule"/>, <see cref="GoalAssessmentRule"/>), plus the year-end
/// forecast in a delårsrapport and the delårsrapport's forecast beside the outcome in an årsrapport.
/// A nämnd's report holds the goals it owns; the region's holds every goal.
/// </summary>
public static class ReportBuilder
{
    public static ReportDocument Build(ReportHeader header, PlanOverview plan, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(inputs);
        var period = header.Kind.Period(header.Year);
        if (plan.Period != period)
        {
            throw new ArgumentException($"The plan was read for {plan.Period.Code}, the report is for {period.Code}.", nameof(plan));
        }

        var interimIndicators = inputs.Interim?.Goals.SelectMany(g => g.Indicators)
            .Where(i => i.Forecast is not null)
            .DistinctBy(i => i.IndicatorId)
            .ToDictionary(i => i.IndicatorId, i => i.Forecast!) ?? [];
        var interimGoals = inputs.Interim?.Goals.ToDictionary(g => g.GoalId) ?? [];
        var interimFinalised = inputs.Interim?.Header.State == ReportState.Finalised;

        var judged = new Dictionary<int, (ReportIndicator Shown, IndicatorJudgement Judgement)>();
        (ReportIndicator Shown, IndicatorJudgement Judgement) Judge(IndicatorOverview indicator)
        {
            if (!judged.TryGetValue(indicator.Id, out var pair))
            {
                var standing = indicator.StandingIn(period, plan.StartYear, plan.EndYear);
                pair = (IndicatorOf(indicator, standing), indicator.Judgement(standing));
                judged[indicator.Id] = pair;
            }

            return pair;
        }

        ReportIndicator IndicatorOf(IndicatorOverview indicator, FollowUp.PeriodStanding standing)
        {
            var target = indicator.TargetFor(header.Year);
            decimal? women = null, men = null;
            string? genderNote = null;
            if (indicator.GenderSplit && standing.Outcome is { } outcome)
            {
                women = inputs.GenderOutcomes.GetValueOrDefault((indicator.Id, outcome.Period, Gender.K))?.UsableValue;
                men = inputs.GenderOutcomes.GetValueOrDefault((indicator.Id, outcome.Period, Gender.M))?.UsableValue;
                genderNote = (women, men) switch
                {
                    (null, null) => $"Uppgift för kvinnor och män saknas för {outcome.Period.SwedishName}.",
                    (null, _) => $"Uppgift för kvinnor saknas för {outcome.Period.SwedishName}.",
                    (_, null) => $"Uppgift för män saknas för {outcome.Period.SwedishName}.",
                    _ => null,
                };
            }

            var forecast = header.Kind == ReportKind.Interim ? YearEndForecastRule.Forecast(indicator, header.Year) : null;
            var interimForecast = header.Kind == ReportKind.Annual && interimIndicators.TryGetValue(indicator.Id, out var made)
                ? new InterimForecast(made.Value, made.Status, interimFinalised)
                : null;
            return new ReportIndicator(
                indicator.Id, indicator.Code, indicator.Name, indicator.ShownUnit, indicator.Decimals, indicator.GenderSplit,
                TargetText(target, indicator), target?.IsExample ?? false,
                standing.Outcome?.Period.SwedishName, standing.Outcome?.UsableValue, standing.IsLagging,
                standing.Status.Status, standing.Status.Explanation,
                standing.Trend?.Trend ?? Trend.NotAssessable, standing.Trend?.Explanation,
                women, men, genderNote, forecast, interimForecast,
                inputs.Comments.GetValueOrDefault(indicator.Id) ?? IndicatorComment.Empty,
                ReportTargetOf(target), HistoryOf(indicator, standing));
        }

        var areas = plan.GoalAreas
            .Select(area => new ReportArea(area.Code, area.Name, area.IsPrerequisite, [.. area.Goals
                .Where(goal => header.CommitteeId is null || goal.OwnerCommitteeId == header.CommitteeId)
                .Select(goal =>
                {
                    var pairs = goal.Indicators.Select(Judge).ToList();
                    var indicators = pairs.Select(p => p.Shown).ToList();
                    var subGoals = SubGoalsOf(plan, goal, period, IndicatorOf);
                    var suggestion = SubGoalSuggestion.SuggestGoal(pairs.Select(p => p.Judgement), [.. subGoals.Select(s => s.Judgement)], plan.Rule);
                    InterimComparison? interim = null;
                    if (header.Kind == ReportKind.Annual && interimGoals.TryGetValue(goal.Id, out var said))
                    {
                        interim = new InterimComparison(said.Texts.Assessed ?? said.Suggested, said.Texts.Assessed is not null, interimFinalised);
                    }

                    return new ReportGoal(goal.Id, goal.Code, goal.Name, goal.OwnerCommitteeId, goal.OwnerCommittee,
                        suggestion.Assessment, suggestion.Explanation,
                        inputs.GoalTexts.GetValueOrDefault(goal.Id) ?? GoalTexts.Empty, indicators, interim) { SubGoals = [.. subGoals.Select(s => s.Shown)] };
                })]))
            .Where(area => area.Goals.Count > 0)
            .ToList();
        return new ReportDocument(header, areas);
    }

    /// <summary>
    /// The region's report: every goal as its nämnd's report reads (<paramref name="committees"/>: a finalised nämnd's
    /// frozen snapshot, the others as they read now), each marked with the state of that report, so an open report's
    /// assessment reads as a draft beside the suggestion. A goal no nämnd reports on is taken as it reads live.
    /// </summary>
    public static ReportDocument ComposeRegion(ReportDocument live, IEnumerable<ReportDocument> committees)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(committees);
        var reported = committees
            .SelectMany(d => d.Goals.Select(g => g with { CommitteeReportState = d.Header.State }))
            .ToDictionary(g => g.GoalId);
        return live with
        {
            Areas = [.. live.Areas.Select(area => area with
            {
                Goals = [.. area.Goals.Select(goal => reported.GetValueOrDefault(goal.GoalId) ?? goal)],
            })],
            Assignments = ReportAssignments.ComposeRegion(live.Assignments,
                committees.Where(d => d.Header.CommitteeId is not null).Select(d => (d.Header.CommitteeId!.Value, d.Assignments)), SwedishFormat.Date(live.Header.DataReadAt)),
        };
    }

    /// <summary>The owner nämnd's delmål under the goal, each with its indicators judged against the nämndplan's målvärden.</summary>
    static List<(ReportSubGoal Shown, SubGoalJudgement Judgement)> SubGoalsOf(
        PlanOverview plan, GoalOverview goal, FollowUp.FollowUpPeriod period, Func<IndicatorOverview, FollowUp.PeriodStanding, ReportIndicator> shown) =>
        [.. plan.OwnerSubGoals(goal).Select(subGoal =>
        {
            var judged = subGoal.Indicators.Select(i =>
            {
                var standing = i.StandingIn(period, plan.StartYear, plan.EndYear);
                return (Shown: shown(i, standing), Judgement: i.Judgement(standing));
            }).ToList();
            var judgement = new SubGoalJudgement(subGoal.Code, subGoal.Name, [.. judged.Select(j => j.Judgement)]);
            var suggestion = SubGoalSuggestion.SuggestSubGoal(judgement, plan.Rule);
            var planName = plan.CommitteePlans.First(p => p.SubGoals.Contains(subGoal)).Name;
            return (new ReportSubGoal(subGoal.Id, subGoal.Code, subGoal.Name, subGoal.Description, planName, suggestion.Assessment, suggestion.Explanation,
                [.. judged.Select(j => j.Shown)]), judgement);
        })];

    static ReportTarget? ReportTargetOf(TargetValue? target) =>
        target is { Value: not null } or { BandMin: not null, BandMax: not null }
            ? new ReportTarget(target.Year, target.Value, target.BandMin, target.BandMax, target.IsExample)
            : null;

    /// <summary>The chart's series: the outcomes of the judged outcome's kind up to it, and every year's målvärde.</summary>
    static ReportHistory HistoryOf(IndicatorOverview indicator, FollowUp.PeriodStanding standing) => new(
        [.. standing.Recent.Where(o => o.UsableValue is not null).Select(o => new ReportPoint(o.Period, o.UsableValue!.Value))],
        [.. indicator.Targets.Where(t => t.Gender is null).OrderBy(t => t.Year).Select(ReportTargetOf).OfType<ReportTarget>()]);

    /// <summary>"90 %", "2,0–3,0 %" or "Inget målvärde".</summary>
    public static string TargetText(TargetValue? target, IndicatorOverview indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return target switch
        {
            { Value: { } value } => SwedishFormat.WithUnit(value, indicator.Decimals, indicator.ShownUnit),
            { BandMin: { } min, BandMax: { } max } => $"{SwedishFormat.Number(min, indicator.Decimals)}–{SwedishFormat.WithUnit(max, indicator.Decimals, indicator.ShownUnit)}",
            _ => "Inget målvärde",
        };
    }
}
