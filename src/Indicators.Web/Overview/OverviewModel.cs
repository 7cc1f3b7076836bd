using Indicators.Core.Attainment;
using Indicators.Core.CommitteePlans;
using Indicators.Core.FollowUp;
using Indicators.Core.Plans;
using Indicators.Data.Reports;
using Indicators.Ingestion.Scheduling;
using Indicators.Core.Sources;

namespace Indicators.Web.Overview;

/// <summary>How fresh an indicator's data is: the worst of its sources, judged against each source's own schedule.</summary>
/// <param name="Freshness">The worst freshness among the indicator's enabled sources; null when it has no source.</param>
/// <param name="LastRunFailed">The latest run of one of its sources failed.</param>
/// <param name="SourceId">The source to link to: the failed or stale one, else the first.</param>
/// <param name="SourceName">That source's name.</param>
/// <param name="FileQuarantined">A file in quarantine at one of its sources names this indicator in its rows.</param>
public sealed record DataFreshness(Freshness? Freshness, bool LastRunFailed, int? SourceId, string? SourceName, bool FileQuarantined = false)
{
    public bool NeedsAttention => LastRunFailed || FileQuarantined || Freshness == Ingestion.Scheduling.Freshness.Stale;

    /// <summary>Judges an indicator's sources.</summary>
    /// <param name="sources">The indicator's sources with their last runs.</param>
    /// <param name="now">The time the page is read.</param>
    /// <param name="judgedSources">Sources already judged in this request: a few sources feed many indicators, so each
    /// schedule is parsed once.</param>
    public static DataFreshness Judge(IReadOnlyList<IndicatorSource> sources, DateTimeOffset now, Dictionary<int, Freshness>? judgedSources = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return new DataFreshness(null, false, null, null);
        }

        judgedSources ??= [];
        var judged = sources.Select(s => (Source: s, Freshness: JudgeSource(s, now, judgedSources))).ToList();
        var failed = judged.FirstOrDefault(j => j.Source.Enabled && j.Source.LastRunStatus.Is(RunState.Failed));
        var quarantined = judged.FirstOrDefault(j => j.Source.Enabled && j.Source.QuarantinedFileId is not null);
        var worst = judged.OrderBy(j => Rank(j.Freshness)).First();
        var shown = failed.Source ?? quarantined.Source ?? worst.Source;
        return new DataFreshness(worst.Freshness, failed.Source is not null, shown.SourceId, shown.Name, quarantined.Source is not null);
    }

    static Freshness JudgeSource(IndicatorSource source, DateTimeOffset now, Dictionary<int, Freshness> judgedSources)
    {
        if (!judgedSources.TryGetValue(source.SourceId, out var freshness))
        {
            // A schedule that cannot be read never runs, so its data can only age.
            freshness = CronSchedule.TryParse(source.Cron, source.TimeZone, out var schedule, out _) && schedule is not null
                ? SourceFreshness.Judge(schedule, source.Enabled, source.LastSuccessAt, now)
                : source.Enabled ? Ingestion.Scheduling.Freshness.Stale : Ingestion.Scheduling.Freshness.Disabled;
            judgedSources[source.SourceId] = freshness;
        }

        return freshness;
    }

    // Stale first, then never fetched, fresh, and switched off last: the row shows the source most worth a look.
    static int Rank(Freshness freshness) => freshness switch
    {
        Ingestion.Scheduling.Freshness.Stale => 0,
        Ingestion.Scheduling.Freshness.Never => 1,
        Ingestion.Scheduling.Freshness.Fresh => 2,
        _ => 3,
    };
}

/// <summary>One indicator as the tables show it: how it stands in the period and how fresh its data is.</summary>
public sealed record IndicatorRow(IndicatorOverview Indicator, PeriodStanding Standing, DataFreshness Freshness)
{
    public IndicatorJudgement Judgement => Indicator.Judgement(Standing);

    public bool Matches(StatusFilter filter) => filter switch
    {
        StatusFilter.Achieved => Standing.Status.Status == AttainmentStatus.Achieved,
        StatusFilter.PartlyAchieved => Standing.Status.Status == AttainmentStatus.PartlyAchieved,
        StatusFilter.NotAchieved => Standing.Status.Status == AttainmentStatus.NotAchieved,
        StatusFilter.NotAssessable => Standing.Status.Status == AttainmentStatus.NotAssessable,
        StatusFilter.StaleOrFailed => Freshness.NeedsAttention,
        _ => true,
    };
}

/// <summary>How many indicators have each status; every status listed, zeros included, so the text reads the same everywhere.</summary>
public sealed record StatusCounts(int Achieved, int PartlyAchieved, int NotAchieved, int NotAssessable, int StaleOrFailed)
{
    public int Total => Achieved + PartlyAchieved + NotAchieved + NotAssessable;

    public int this[AttainmentStatus status] => status switch
    {
        AttainmentStatus.Achieved => Achieved,
        AttainmentStatus.PartlyAchieved => PartlyAchieved,
        AttainmentStatus.NotAchieved => NotAchieved,
        _ => NotAssessable,
    };

    public static StatusCounts Of(IEnumerable<IndicatorRow> rows)
    {
        var list = rows.ToList();
        int Count(AttainmentStatus status) => list.Count(r => r.Standing.Status.Status == status);
        return new StatusCounts(Count(AttainmentStatus.Achieved), Count(AttainmentStatus.PartlyAchieved), Count(AttainmentStatus.NotAchieved),
            Count(AttainmentStatus.NotAssessable), list.Count(r => r.Freshness.NeedsAttention));
    }
}

/// <summary>
/// A goal with all its indicators judged; <see cref="Shown"/> are those the filter keeps. <see cref="Decided"/> is the
/// nämnd's latest assessment in a report sent for review or finalised (up to the period); null when none.
/// </summary>
public sealed record GoalView(GoalOverview Goal, GoalAreaOverview Area, IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<IndicatorRow> Shown,
    StatusCounts Counts, GoalAssessmentResult Suggestion, DecidedAssessment? Decided = null)
{
    /// <summary>The owner nämnd's delmål under the goal (its suggestion is made from them when there are any).</summary>
    public IReadOnlyList<SubGoalView> SubGoals { get; init; } = [];
}

/// <summary>A målområde with its goals; counts and suggestion are over all its goals' indicators, whatever the filter shows.</summary>
public sealed record GoalAreaView(GoalAreaOverview Area, IReadOnlyList<GoalView> Goals, IReadOnlyList<GoalView> Shown,
    StatusCounts Counts, GoalAssessmentResult Suggestion);

/// <summary>
/// A plan shaped for the overview, goal, målområde and nämnd pages, built once per request from one <see cref="PlanOverview"/>:
/// each indicator judged once for the period (an indicator under two goals is the same row), counts and suggested
/// assessments per goal and målområde (always over all their indicators, so a filter never changes a suggestion), and the
/// rows the filter keeps.
/// </summary>
public sealed record OverviewModel(PlanOverview Plan, OverviewFilter Filter, IReadOnlyList<GoalAreaView> Areas, IReadOnlyList<Committee> Committees)
{
    public FollowUpPeriod Period => Plan.Period;

    public IEnumerable<GoalAreaView> ShownAreas => Areas.Where(a => a.Shown.Count > 0 || !Filter.IsFiltered);

    public IEnumerable<GoalView> Goals => Areas.SelectMany(a => a.Goals);

    /// <summary>Whether any row is judged by an earlier year's outcome, so the page says annual statistics lag a year.</summary>
    public bool AnyLagging => Goals.SelectMany(g => g.Shown).Any(r => r.Standing.IsLagging);

    public bool HasAnyShownRow => Areas.Any(a => a.Shown.Any(g => g.Shown.Count > 0));

    public GoalView? Goal(int id) => Goals.FirstOrDefault(g => g.Goal.Id == id);

    public GoalAreaView? Area(int id) => Areas.FirstOrDefault(a => a.Area.Id == id);

    /// <summary>Every indicator of the plan once, in plan order.</summary>
    public IReadOnlyList<IndicatorRow> AllRows => [.. Goals.SelectMany(g => g.Rows).DistinctBy(r => r.Indicator.Id)];

    /// <summary>The plan-wide summary at the top of the overview, over all indicators whatever the filter shows.</summary>
    public PlanSummary Summary => PlanSummary.Of(this);

    /// <summary>Shapes a plan; <c>decided</c> holds the nämnder's decided assessments by goal id (<see cref="DecidedAssessmentQueries"/>), none when null.</summary>
    public static OverviewModel Build(PlanOverview plan, OverviewFilter filter, DateTimeOffset now, IReadOnlyDictionary<int, DecidedAssessment>? decided = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filter);
        var rows = new Dictionary<int, IndicatorRow>();
        var judgedSources = new Dictionary<int, Ingestion.Scheduling.Freshness>();
        IndicatorRow RowOf(IndicatorOverview indicator)
        {
            if (!rows.TryGetValue(indicator.Id, out var row))
            {
                row = new IndicatorRow(indicator, indicator.StandingIn(plan.Period, plan.StartYear, plan.EndYear),
                    DataFreshness.Judge(indicator.SourceStates, now, judgedSources));
                rows[indicator.Id] = row;
            }

            return row;
        }

        var areas = plan.GoalAreas.Select(area =>
        {
            var goals = area.Goals.Select(goal =>
            {
                var all = goal.Indicators.Select(RowOf).ToList();
                var ownedGoal = filter.CommitteeId is null || goal.OwnerCommitteeId == filter.CommitteeId;
                var shown = all.Where(r => (ownedGoal || r.Indicator.OwnerCommitteeId == filter.CommitteeId) && r.Matches(filter.Status)).ToList();
                var subGoals = SubGoalView.Of(plan, goal, now, judgedSources);
                var suggestion = SubGoalSuggestion.SuggestGoal(all.Select(r => r.Judgement), [.. subGoals.Select(s => s.Judgement)], plan.Rule);
                return new GoalView(goal, area, all, shown, StatusCounts.Of(all), suggestion, decided?.GetValueOrDefault(goal.Id))
                {
                    SubGoals = subGoals,
                };
            }).ToList();

            // A goal stays when it keeps a row, or when nothing filters it out (a goal without indicators still shows, saying so).
            var shownGoals = goals.Where(g => g.Shown.Count > 0
                || (g.Rows.Count == 0 && filter.Status == StatusFilter.All && (filter.CommitteeId is null || g.Goal.OwnerCommitteeId == filter.CommitteeId)))
                .ToList();
            var allRows = goals.SelectMany(g => g.Rows).DistinctBy(r => r.Indicator.Id).ToList();
            return new GoalAreaView(area, goals, shownGoals, StatusCounts.Of(allRows),
                GoalAssessmentRule.SuggestForArea(goals.Select(g => g.Rows.Select(r => r.Judgement)), plan.Rule));
        }).ToList();

        var committees = plan.GoalAreas.SelectMany(a => a.Goals)
            .SelectMany(g => g.Indicators.Select(i => (Id: i.OwnerCommitteeId, Name: i.OwnerCommittee)).Prepend((Id: g.OwnerCommitteeId, Name: g.OwnerCommittee)))
            .Where(c => c.Id is not null && c.Name is not null)
            .Select(c => new Committee(c.Id!.Value, c.Name!))
            .Distinct()
            .OrderBy(c => c.Name, StringComparer.Create(Core.Formatting.SwedishFormat.Culture, false))
            .ToList();
        return new OverviewModel(plan, filter, areas, committees);
    }
}

/// <summary>A nämnd as the filter offers it.</summary>
public sealed record Committee(int Id, string Name);
