namespace Indicators.Core.Attainment;

/// <summary>
/// Suggested assessment of a goal from its indicators (the committee's own assessment overrides it; both are kept).
/// Each assessable indicator (status not kan ej bedömas) counts, with its weight w (default 1), toward uppnådd or ej
/// uppnådd by its status and its progress toward the plan's end target:
/// <list type="table">
/// <listheader><term>status</term><description>counts as</description></listheader>
/// <item><term>uppnått</term><description>w uppnådd, whatever its progress;</description></item>
/// <item><term>delvis uppnått (within tolerance) and progress målet nått or i fas</term><description>½ w uppnådd;</description></item>
/// <item><term>delvis uppnått and progress försämring</term><description>½ w ej uppnådd;</description></item>
/// <item><term>delvis uppnått otherwise (behöver öka takten, begränsad utveckling, kan ej bedömas)</term><description>neither;</description></item>
/// <item><term>ej uppnått</term><description>w ej uppnådd, whatever its progress (this year's målvärde is missed).</description></item>
/// </list>
/// With A and E the weight counted as uppnådd and as ej uppnådd and W the assessable indicators' total weight:
/// <list type="number">
/// <item>no assessable indicator → kan ej bedömas;</item>
/// <item>A/W ≥ the plan's share for uppfyllt (<see cref="GoalRule.MetShare"/>, default 100 %: all uppnådda) → uppfyllt;</item>
/// <item>no indicator uppnått and E/W &gt; the plan's share for ej uppfyllt (<see cref="GoalRule.NotMetShare"/>, default
/// 50 %: most of them) → ej uppfyllt;</item>
/// <item>otherwise → delvis uppfyllt.</item>
/// </list>
/// Improving one indicator's status (ej → delvis → uppnått) or progress (försämring → neutral → i fas/målet nått) never
/// raises its E nor lowers its A, so it never lowers the suggestion (ej &lt; delvis &lt; uppfyllt); the order of the
/// indicators does not matter. Every weight must be more than 0 (a weight of 0 is refused, not ignored). The trend is
/// shown in the explanation but does not count: progress is the measure of direction toward the target.
/// A målområde is judged the same way from all its goals' indicators together.
/// </summary>
public static class GoalAssessmentRule
{
    public static GoalAssessmentResult Suggest(IEnumerable<IndicatorJudgement> indicators, GoalRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        rule ??= GoalRule.Default;
        var all = indicators.ToList();
        foreach (var indicator in all.Where(i => i.Weight <= 0 || i.Weight > GoalRule.MaxWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(indicators), indicator.Weight,
                $"The weight of '{indicator.Name}' must be more than 0 and at most {GoalRule.MaxWeight}.");
        }

        var assessable = all.Where(i => i.Status != AttainmentStatus.NotAssessable).ToList();
        var total = assessable.Sum(i => i.Weight);
        var counted = assessable.Select(i => Count(i)).ToList();
        var achievedWeight = counted.Sum(c => c.Achieved);
        var notAchievedWeight = counted.Sum(c => c.NotAchieved);
        var anyAchieved = assessable.Any(i => i.Status == AttainmentStatus.Achieved);

        var (assessment, reason) =
            assessable.Count == 0 ? (GoalAssessment.NotAssessable, "ingen indikator kan bedömas")
            : achievedWeight * 100 >= rule.MetShare * total
                ? (GoalAssessment.Met, $"minst {GoalRule.Percent(rule.MetShare)} räknas som uppnådd")
            : !anyAchieved && notAchievedWeight * 100 > rule.NotMetShare * total
                ? (GoalAssessment.NotMet, $"ingen indikator är uppnådd och mer än {GoalRule.Percent(rule.NotMetShare)} räknas som ej uppnådd")
            : anyAchieved ? (GoalAssessment.PartlyMet, $"en del är uppnådd men mindre än {GoalRule.Percent(rule.MetShare)}")
            : (GoalAssessment.PartlyMet, $"ingen indikator är uppnådd men högst {GoalRule.Percent(rule.NotMetShare)} räknas som ej uppnådd");

        var weighted = all.Any(i => i.Weight != GoalRule.DefaultWeight);
        var counts = assessable.Count == 0 ? ""
            : $" Räknat{(weighted ? " med vikter" : "")}: {GoalRule.Number(achievedWeight)} av {GoalRule.Number(total)} uppnådd"
              + $" ({GoalRule.Percent(Share(achievedWeight, total))}), {GoalRule.Number(notAchievedWeight)} ej uppnådd"
              + $" ({GoalRule.Percent(Share(notAchievedWeight, total))}).";
        var listed = all.Count == 0 ? "inga indikatorer"
            : string.Join("; ", all.Select(i => $"{i.Name}: {Describe(i, weighted)}"));
        var explanation = $"Förslag: {assessment.SwedishName()} – {reason}.{counts} Regel: {rule.Describe()} Indikatorer: {listed}.";
        var worsening = assessable.Count(i => i.Trend == Trend.Worse);
        return new GoalAssessmentResult(assessment, assessable.Count, assessable.Count(i => i.Status == AttainmentStatus.Achieved), worsening,
            explanation, total, achievedWeight, notAchievedWeight);
    }

    /// <summary>A målområde: the rule applied to the indicators of all its goals together.</summary>
    public static GoalAssessmentResult SuggestForArea(IEnumerable<IEnumerable<IndicatorJudgement>> goals, GoalRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(goals);
        return Suggest(goals.SelectMany(goal => goal), rule);
    }

    /// <summary>How much of an assessable indicator's weight counts as uppnådd and as ej uppnådd (the table above).</summary>
    public static (decimal Achieved, decimal NotAchieved) Count(IndicatorJudgement indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var w = indicator.Weight;
        return (indicator.Status, Lean(indicator.Progress)) switch
        {
            (AttainmentStatus.Achieved, _) => (w, 0),
            (AttainmentStatus.PartlyAchieved, > 0) => (w / 2, 0),
            (AttainmentStatus.PartlyAchieved, < 0) => (0, w / 2),
            (AttainmentStatus.NotAchieved, _) => (0, w),
            _ => (0, 0),
        };
    }

    /// <summary>+1 when progress counts toward the goal (målet nått, i fas), −1 against (försämring), 0 otherwise.</summary>
    public static int Lean(ProgressCategory progress) => progress switch
    {
        ProgressCategory.TargetAchieved or ProgressCategory.OnTrack => 1,
        ProgressCategory.Deterioration => -1,
        _ => 0,
    };

    static decimal Share(decimal part, decimal total) => total == 0 ? 0 : Math.Round(part * 100 / total, 1);

    static string Describe(IndicatorJudgement i, bool weighted)
    {
        var parts = new List<string> { i.Status.SwedishName().ToLowerInvariant() };
        if (i.Progress != ProgressCategory.NotAssessable)
        {
            parts.Add(i.Progress.SwedishName().ToLowerInvariant());
        }

        if (i.Trend != Trend.NotAssessable)
        {
            parts.Add($"trend {i.Trend.SwedishName().ToLowerInvariant()}");
        }

        if (weighted)
        {
            parts.Add($"vikt {GoalRule.Number(i.Weight)}");
        }

        if (i.Status != AttainmentStatus.NotAssessable)
        {
            var (achieved, notAchieved) = Count(i);
            parts.Add(achieved > 0 ? $"räknas {GoalRule.Number(achieved)} uppnådd"
                : notAchieved > 0 ? $"räknas {GoalRule.Number(notAchieved)} ej uppnådd"
                : "räknas varken uppnådd eller ej uppnådd");
        }

        return string.Join(", ", parts);
    }
}
