namespace Indicators.Core.Attainment;

/// <summary>
/// Suggested assessment of a goal from its indicators (the committee's own assessment overrides it; both are kept):
/// <list type="number">
/// <item>no assessable indicator (all kan ej bedömas, or none) → kan ej bedömas;</item>
/// <item>all assessable indicators uppnått → uppfyllt;</item>
/// <item>none uppnått and more than half of the assessable indicators have trend sämre → ej uppfyllt;</item>
/// <item>otherwise → delvis uppfyllt.</item>
/// </list>
/// A målområde is judged the same way from all its goals' indicators together.
/// </summary>
public static class GoalAssessmentRule
{
    public static GoalAssessmentResult Suggest(IEnumerable<IndicatorJudgement> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var all = indicators.ToList();
        var assessable = all.Where(i => i.Status != AttainmentStatus.NotAssessable).ToList();
        var achieved = assessable.Where(i => i.Status == AttainmentStatus.Achieved).ToList();
        var worsening = assessable.Where(i => i.Trend == Trend.Worse).ToList();

        var (assessment, rule) =
            assessable.Count == 0 ? (GoalAssessment.NotAssessable, "ingen indikator kan bedömas")
            : achieved.Count == assessable.Count ? (GoalAssessment.Met, "alla bedömbara indikatorer är uppnådda")
            : achieved.Count == 0 && worsening.Count * 2 > assessable.Count
                ? (GoalAssessment.NotMet, "ingen indikator är uppnådd och fler än hälften utvecklas åt fel håll")
            : achieved.Count > 0 ? (GoalAssessment.PartlyMet, "en del men inte alla bedömbara indikatorer är uppnådda")
            : (GoalAssessment.PartlyMet, "ingen indikator är uppnådd men högst hälften utvecklas åt fel håll");

        var listed = all.Count == 0 ? "inga indikatorer"
            : string.Join("; ", all.Select(i => $"{i.Name}: {i.Status.SwedishName().ToLowerInvariant()}"
                + (i.Trend == Trend.NotAssessable ? "" : $", {i.Trend.SwedishName().ToLowerInvariant()}")));
        var explanation = $"Förslag: {assessment.SwedishName()} – {rule} ({achieved.Count} av {assessable.Count} bedömbara uppnådda"
            + $", {worsening.Count} sämre). Indikatorer: {listed}.";
        return new GoalAssessmentResult(assessment, assessable.Count, achieved.Count, worsening.Count, explanation);
    }

    /// <summary>A målområde: the rule applied to the indicators of all its goals together.</summary>
    public static GoalAssessmentResult SuggestForArea(IEnumerable<IEnumerable<IndicatorJudgement>> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        return Suggest(goals.SelectMany(goal => goal));
    }
}
