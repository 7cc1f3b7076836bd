using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.FollowUp;
using Indicators.Core.Observations;
using Indicators.Core.Plans;

namespace Indicators.Core.Comparison;

/// <summary>An analyst's pairing of a mål of one version with a mål of another whose code differs; either way round.</summary>
public sealed record GoalMatch(int GoalId, int OtherGoalId);

/// <summary>
/// Builds a <see cref="PlanComparison"/> from two versions read as the overview reads them.
/// <list type="number">
/// <item>Mål are paired by code ("1.1" with "1.1"), then – among those left unpaired – by the analyst's matches (stored
/// either way round). Målområden are paired by code, then an unpaired målområde on the left with the unpaired one on the
/// right that holds the mål an analyst matched with one of its mål. Anything unpaired is on one side only.</item>
/// <item>A paired mål is the same when its name, description and set of indicators (by code) are; a målområde when its
/// name is and all its mål are the same.</item>
/// <item>Indicators are paired by code; each year's målvärde of both sides is shown as the overview shows it, with the
/// difference right − left where both are single values. An indicator is the same when every year's målvärde is.</item>
/// <item>The outcome known at the period is judged against each side's målvärde for the period's year with the dashboard's
/// rules (<see cref="IndicatorOverview.StandingIn"/>); each side's counts are of its own indicators.</item>
/// </list>
/// Rows keep the left version's order; a row only on the right comes just before the next row the right shares with the left.
/// </summary>
public static class PlanComparisonBuilder
{
    /// <summary>
    /// The period a comparison shows first: the left version's default, as the overview chooses it from the newest
    /// outcome of its indicators.
    /// </summary>
    public static FollowUpPeriod DefaultPeriod(PlanOverview left)
    {
        ArgumentNullException.ThrowIfNull(left);
        var newest = left.Indicators.SelectMany(i => i.Outcomes).Select(o => (Periods.Period?)o.Period).Max();
        return FollowUpPeriod.Default(left.StartYear, left.EndYear, newest);
    }

    public static PlanComparison Build(
        ComparedSide left, PlanOverview leftPlan, ComparedSide right, PlanOverview rightPlan, IEnumerable<GoalMatch> matches, FollowUpPeriod period)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(leftPlan);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(rightPlan);
        ArgumentNullException.ThrowIfNull(matches);

        var leftGoals = leftPlan.GoalAreas.SelectMany(a => a.Goals.Select(g => (Area: a, Goal: g))).ToList();
        var rightGoals = rightPlan.GoalAreas.SelectMany(a => a.Goals.Select(g => (Area: a, Goal: g))).ToList();
        var goalPairs = PairGoals(leftGoals.Select(g => g.Goal).ToList(), rightGoals.Select(g => g.Goal).ToList(), matches);
        var areaPairs = PairAreas(leftPlan.GoalAreas, rightPlan.GoalAreas, goalPairs, leftGoals, rightGoals);

        var areaRows = Aligned(leftPlan.GoalAreas, rightPlan.GoalAreas, areaPairs.ToDictionary(p => p.Left.Id, p => p.Right));
        var areaOfLeftGoal = leftGoals.ToDictionary(g => g.Goal.Id, g => g.Area.Id);
        var areaOfRightGoal = rightGoals.ToDictionary(g => g.Goal.Id, g => g.Area.Id);
        var goalRows = Aligned(
            leftGoals.Select(g => g.Goal).ToList(), rightGoals.Select(g => g.Goal).ToList(), goalPairs.ToDictionary(p => p.Left.Id, p => p.Right));

        var areas = new List<ComparedGoalArea>();
        foreach (var (leftArea, rightArea) in areaRows)
        {
            // A goal row belongs under the målområde of its left mål, or (only on the right) of its right mål.
            var goals = goalRows
                .Where(row => row.Left is { } l ? areaOfLeftGoal[l.Id] == leftArea?.Id : rightArea is not null && areaOfRightGoal[row.Right!.Id] == rightArea.Id)
                .Select(row => CompareGoal(row.Left, row.Right, goalPairs))
                .ToList();
            var match = leftArea is null || rightArea is null ? MatchKind.None
                : string.Equals(leftArea.Code.Trim(), rightArea.Code.Trim(), StringComparison.Ordinal) ? MatchKind.ByCode : MatchKind.ByAnalyst;
            var name = TextDiff.Compare(leftArea?.Name, rightArea?.Name);
            var difference = DifferenceOf(leftArea, rightArea, !name.Differs && goals.All(g => g.Difference == Difference.Same));
            areas.Add(new ComparedGoalArea(leftArea?.Code, rightArea?.Code, match, difference, name, goals));
        }

        var indicators = CompareIndicators(leftPlan, rightPlan, left, right, period);
        return new PlanComparison(
            left, right, period, areas, indicators,
            JudgedCounts.Of(indicators.Where(i => i.Left is not null).Select(i => i.Left!.Status)),
            JudgedCounts.Of(indicators.Where(i => i.Right is not null).Select(i => i.Right!.Status)));
    }

    sealed record GoalPair(GoalOverview Left, GoalOverview Right, MatchKind Match);

    static List<GoalPair> PairGoals(IReadOnlyList<GoalOverview> left, IReadOnlyList<GoalOverview> right, IEnumerable<GoalMatch> matches)
    {
        var pairs = new List<GoalPair>();
        var freeRight = right.ToList();
        var unpairedLeft = new List<GoalOverview>();
        foreach (var goal in left)
        {
            var same = freeRight.FirstOrDefault(r => string.Equals(r.Code.Trim(), goal.Code.Trim(), StringComparison.Ordinal));
            if (same is null)
            {
                unpairedLeft.Add(goal);
                continue;
            }

            pairs.Add(new GoalPair(goal, same, MatchKind.ByCode));
            freeRight.Remove(same);
        }

        var matchList = matches.ToList();
        foreach (var goal in unpairedLeft)
        {
            var other = freeRight.FirstOrDefault(r => matchList.Any(m => (m.GoalId == goal.Id && m.OtherGoalId == r.Id) || (m.GoalId == r.Id && m.OtherGoalId == goal.Id)));
            if (other is not null)
            {
                pairs.Add(new GoalPair(goal, other, MatchKind.ByAnalyst));
                freeRight.Remove(other);
            }
        }

        return pairs;
    }

    static List<(GoalAreaOverview Left, GoalAreaOverview Right)> PairAreas(
        IReadOnlyList<GoalAreaOverview> left, IReadOnlyList<GoalAreaOverview> right, List<GoalPair> goalPairs,
        List<(GoalAreaOverview Area, GoalOverview Goal)> leftGoals, List<(GoalAreaOverview Area, GoalOverview Goal)> rightGoals)
    {
        var pairs = new List<(GoalAreaOverview Left, GoalAreaOverview Right)>();
        var freeRight = right.ToList();
        var unpairedLeft = new List<GoalAreaOverview>();
        foreach (var area in left)
        {
            var same = freeRight.FirstOrDefault(r => string.Equals(r.Code.Trim(), area.Code.Trim(), StringComparison.Ordinal));
            if (same is null)
            {
                unpairedLeft.Add(area);
                continue;
            }

            pairs.Add((area, same));
            freeRight.Remove(same);
        }

        foreach (var area in unpairedLeft)
        {
            var analystPaired = goalPairs
                .Where(p => p.Match == MatchKind.ByAnalyst && leftGoals.Any(g => g.Area.Id == area.Id && g.Goal.Id == p.Left.Id))
                .Select(p => rightGoals.First(g => g.Goal.Id == p.Right.Id).Area)
                .FirstOrDefault(r => freeRight.Any(f => f.Id == r.Id));
            if (analystPaired is not null)
            {
                pairs.Add((area, analystPaired));
                freeRight.RemoveAll(f => f.Id == analystPaired.Id);
            }
        }

        return pairs;
    }

    /// <summary>
    /// The rows of two ordered lists given the pairs (left id → right): the left's order, each right-only item placed just
    /// before the row of the next paired right item (last when there is none), so removed rows come before added ones.
    /// </summary>
    static List<(T? Left, T? Right)> Aligned<T>(IReadOnlyList<T> left, IReadOnlyList<T> right, Dictionary<int, T> pairs)
        where T : class
    {
        var rows = left.Select(l => (Left: (T?)l, Right: pairs.GetValueOrDefault(Id(l)))).ToList();
        var paired = pairs.Values.Select(Id).ToHashSet();
        for (var i = 0; i < right.Count; i++)
        {
            if (paired.Contains(Id(right[i])))
            {
                continue;
            }

            var anchor = right.Skip(i + 1).FirstOrDefault(r => paired.Contains(Id(r)));
            var at = anchor is null ? rows.Count : rows.FindIndex(row => row.Right is not null && Id(row.Right) == Id(anchor));
            rows.Insert(at, (null, right[i]));
        }

        return rows;

        static int Id(T item) => item switch
        {
            GoalAreaOverview area => area.Id,
            GoalOverview goal => goal.Id,
            _ => throw new ArgumentException($"No id for {typeof(T).Name}."),
        };
    }

    static ComparedGoal CompareGoal(GoalOverview? left, GoalOverview? right, List<GoalPair> pairs)
    {
        var name = TextDiff.Compare(left?.Name, right?.Name);
        var description = TextDiff.Compare(left?.Description, right?.Description);
        var leftCodes = left?.Indicators.Select(i => i.Code).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var rightCodes = right?.Indicators.Select(i => i.Code).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var same = !name.Differs && !NormalisedDiffers(left?.Description, right?.Description)
            && leftCodes.Order(StringComparer.Ordinal).SequenceEqual(rightCodes.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        var match = left is null || right is null ? MatchKind.None : pairs.First(p => p.Left.Id == left.Id).Match;
        return new ComparedGoal(left?.Code, right?.Code, left?.Id, right?.Id, match, DifferenceOf(left, right, same), name, description, leftCodes, rightCodes);
    }

    /// <summary>A missing description and an empty one are the same; so are texts differing only in whitespace.</summary>
    static bool NormalisedDiffers(string? left, string? right) =>
        !string.Equals(string.Join(' ', (left ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', (right ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

    static Difference DifferenceOf(object? left, object? right, bool same) => (left, right) switch
    {
        (null, _) => Difference.OnlyRight,
        (_, null) => Difference.OnlyLeft,
        _ => same ? Difference.Same : Difference.Changed,
    };

    static List<ComparedIndicator> CompareIndicators(PlanOverview leftPlan, PlanOverview rightPlan, ComparedSide left, ComparedSide right, FollowUpPeriod period)
    {
        var leftIndicators = leftPlan.Indicators.DistinctBy(i => i.Code).ToList();
        var rightIndicators = rightPlan.Indicators.DistinctBy(i => i.Code).ToList();
        var codes = leftIndicators.Select(i => i.Code).Concat(rightIndicators.Select(i => i.Code)).Distinct(StringComparer.Ordinal).ToList();
        var years = Enumerable.Range(Math.Min(left.StartYear, right.StartYear),
            Math.Max(left.EndYear, right.EndYear) - Math.Min(left.StartYear, right.StartYear) + 1).ToList();
        var result = new List<ComparedIndicator>();
        foreach (var code in codes)
        {
            var l = leftIndicators.FirstOrDefault(i => i.Code == code);
            var r = rightIndicators.FirstOrDefault(i => i.Code == code);
            var shown = (r ?? l)!;
            var targets = years.Select(year => CompareTarget(year, InYears(l, left, year), InYears(r, right, year), shown)).ToList();
            var sameTargets = targets.All(t => t.LeftValue == t.RightValue && t.LeftText == t.RightText);
            var leftStanding = l?.StandingIn(period, left.StartYear, left.EndYear);
            var rightStanding = r?.StandingIn(period, right.StartYear, right.EndYear);
            result.Add(new ComparedIndicator(
                code, shown.Name, shown.ShownUnit, shown.Decimals, DifferenceOf(l, r, sameTargets), targets,
                Judged(l, leftStanding, period),
                Judged(r, rightStanding, period),
                (l?.IsDemo ?? false) || (r?.IsDemo ?? false)));
        }

        return result;
    }

    /// <summary>The side's målvärde of a year inside its plan's years; none outside them.</summary>
    static TargetValue? InYears(IndicatorOverview? indicator, ComparedSide side, int year) =>
        indicator is not null && year >= side.StartYear && year <= side.EndYear ? indicator.TargetFor(year) : null;

    static ComparedTarget CompareTarget(int year, TargetValue? left, TargetValue? right, IndicatorOverview shown)
    {
        var leftValue = left?.Value ?? left?.BandMin;
        var rightValue = right?.Value ?? right?.BandMin;
        decimal? difference = left?.Value is { } l && right?.Value is { } r ? r - l : null;
        return new ComparedTarget(year, leftValue, rightValue, TargetText(left, shown), TargetText(right, shown), difference,
            left?.IsExample ?? false, right?.IsExample ?? false);
    }

    /// <summary>A målvärde as the overview's target cell shows it: "90,0 %", or a band "2,0–3,0 %".</summary>
    public static string? TargetText(TargetValue? target, IndicatorOverview indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return target switch
        {
            { Value: { } value } => SwedishFormat.WithUnit(value, indicator.Decimals, indicator.ShownUnit),
            { BandMin: { } min, BandMax: { } max } => $"{SwedishFormat.Number(min, indicator.Decimals)}–{SwedishFormat.WithUnit(max, indicator.Decimals, indicator.ShownUnit)}",
            _ => null,
        };
    }

    static JudgedSide? Judged(IndicatorOverview? indicator, PeriodStanding? standing, FollowUpPeriod period) =>
        indicator is null || standing is null ? null
            : new JudgedSide(standing.Status.Status, standing.Status.Explanation, TargetText(indicator.TargetFor(period.Year), indicator),
                OutcomeText(standing.Outcome, indicator), standing.Outcome?.Period.SwedishName);

    /// <summary>"84,3 %", or the outcome's status in words where it has no value ("sekretess"); null without an outcome.</summary>
    static string? OutcomeText(Outcome? outcome, IndicatorOverview indicator) =>
        outcome is null ? null
            : outcome.Value is { } value ? SwedishFormat.WithUnit(value, indicator.Decimals, indicator.ShownUnit) : outcome.Status.SwedishName();
}
