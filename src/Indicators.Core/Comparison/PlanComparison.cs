using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;

namespace Indicators.Core.Comparison;

/// <summary>
/// Two plan versions side by side (issue 21): two versions of one plan (the adopted plan and an opposition proposal), or
/// two plans (of one organisation or of two). Målområden and mål are aligned by code or by an analyst's match, their texts
/// compared word by word; indicators are aligned by code with their målvärden per year; and the outcomes known today are
/// judged against each side's målvärden with the dashboard's rules and explanations.
/// </summary>
public sealed record PlanComparison(
    ComparedSide Left,
    ComparedSide Right,
    FollowUpPeriod Period,
    IReadOnlyList<ComparedGoalArea> GoalAreas,
    IReadOnlyList<ComparedIndicator> Indicators,
    JudgedCounts LeftCounts,
    JudgedCounts RightCounts)
{
    /// <summary>The years either side covers, in order: the columns of the målvärden.</summary>
    public IReadOnlyList<int> Years =>
        [.. Enumerable.Range(Math.Min(Left.StartYear, Right.StartYear), Math.Max(Left.EndYear, Right.EndYear) - Math.Min(Left.StartYear, Right.StartYear) + 1)];

    /// <summary>
    /// True when both sides are one organisation's, so an indicator on both is judged on the same outcome; between two
    /// organisations each side is judged on its own area's outcome (<see cref="JudgedSide.OutcomeText"/>), and the views
    /// show it per side.
    /// </summary>
    public bool SharesOutcomes => string.Equals(Left.OrganisationId, Right.OrganisationId, StringComparison.Ordinal);

    /// <summary>True when either side or any indicator holds demo or example data (exports and pages say so).</summary>
    public bool HasDemoData => Left.IsDemo || Right.IsDemo;
}

/// <summary>
/// One side of a comparison: which plan and version, whose, and over which years. <c>VersionKind</c> is the stored kind:
/// "adopted", "draft" or "proposal".
/// </summary>
public sealed record ComparedSide(
    int PlanId, string PlanName, string OrganisationId, string OrganisationName,
    int VersionId, string VersionName, string VersionKind, int StartYear, int EndYear, bool IsDemo)
{
    /// <summary>"Regionplan 2025–2027 – Sjukvårdspartiets förslag".</summary>
    public string Title => $"{PlanName} – {VersionName}";
}

/// <summary>How a row of one side relates to the other.</summary>
public enum Difference
{
    /// <summary>On both sides, with the same text (and, for an indicator, the same målvärden).</summary>
    Same,

    /// <summary>On both sides, with a different text or different målvärden.</summary>
    Changed,

    /// <summary>Only on the left side (removed, seen from the left).</summary>
    OnlyLeft,

    /// <summary>Only on the right side (added, seen from the left).</summary>
    OnlyRight,
}

/// <summary>How two målområden or mål were paired.</summary>
public enum MatchKind
{
    /// <summary>Paired by the same code ("1.1" and "1.1").</summary>
    ByCode,

    /// <summary>Paired by an analyst where the codes differ.</summary>
    ByAnalyst,

    /// <summary>Not paired: on one side only.</summary>
    None,
}

/// <summary>A piece of a word-by-word comparison of two texts.</summary>
public enum PieceKind
{
    Same,

    /// <summary>Only in the left text.</summary>
    Removed,

    /// <summary>Only in the right text.</summary>
    Added,
}

/// <summary>Words (with the whitespace after them) that are the same, removed or added.</summary>
public sealed record TextPiece(string Text, PieceKind Kind);

/// <summary>Two texts (either may be missing) and their word-by-word comparison, in reading order.</summary>
public sealed record ComparedText(string? Left, string? Right, IReadOnlyList<TextPiece> Pieces)
{
    public bool Differs => !string.Equals(Left, Right, StringComparison.Ordinal);
}

public sealed record ComparedGoalArea(
    string? LeftCode, string? RightCode, MatchKind Match, Difference Difference, ComparedText Name, IReadOnlyList<ComparedGoal> Goals);

/// <summary>A mål on either or both sides; the indicator codes are those that follow it up on each side.</summary>
public sealed record ComparedGoal(
    string? LeftCode, string? RightCode, int? LeftGoalId, int? RightGoalId, MatchKind Match, Difference Difference,
    ComparedText Name, ComparedText Description, IReadOnlyList<string> LeftIndicatorCodes, IReadOnlyList<string> RightIndicatorCodes);

/// <summary>
/// One year's målvärden side by side: the values as the rules take them (a band's lower bound in the value, the band in
/// the text), formatted in sv-SE with the unit, and the right side's value minus the left side's where both are single values.
/// </summary>
public sealed record ComparedTarget(
    int Year, decimal? LeftValue, decimal? RightValue, string? LeftText, string? RightText, decimal? Difference, bool LeftIsExample, bool RightIsExample);

/// <summary>
/// How today's outcome stands against one side's målvärde, with the dashboard's explanation, and the outcome it was judged
/// on ("84,3 %", "jan–aug 2026"; null when there is none): the side's own organisation's.
/// </summary>
public sealed record JudgedSide(AttainmentStatus Status, string Explanation, string? TargetText, string? OutcomeText, string? OutcomePeriodText);

/// <summary>
/// An indicator on either or both sides (aligned by code) with its målvärden per year and today's judgement under each
/// side; a side is null when the indicator is not in that version.
/// </summary>
public sealed record ComparedIndicator(
    string Code, string Name, string Unit, int Decimals, Difference Difference, IReadOnlyList<ComparedTarget> Targets,
    JudgedSide? Left, JudgedSide? Right, bool IsDemo)
{
    /// <summary>
    /// The outcome judged ("84,3 %"): the left side's where it has the indicator, else the right's; the same on both sides
    /// when <see cref="PlanComparison.SharesOutcomes"/>.
    /// </summary>
    public string? LatestOutcomeText => (Left ?? Right)?.OutcomeText;

    /// <summary>The period of <see cref="LatestOutcomeText"/> ("jan–aug 2026").</summary>
    public string? LatestPeriodText => (Left ?? Right)?.OutcomePeriodText;
}

/// <summary>The indicators of one side by status: "5 av 12 uppnådda".</summary>
public sealed record JudgedCounts(int Achieved, int PartlyAchieved, int NotAchieved, int NotAssessable)
{
    public int Total => Achieved + PartlyAchieved + NotAchieved + NotAssessable;

    /// <summary>"5 av 12 uppnådda".</summary>
    public string Summary => $"{Achieved} av {Total} uppnådda";

    public static JudgedCounts Of(IEnumerable<AttainmentStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var list = statuses.ToList();
        return new(
            list.Count(s => s == AttainmentStatus.Achieved), list.Count(s => s == AttainmentStatus.PartlyAchieved),
            list.Count(s => s == AttainmentStatus.NotAchieved), list.Count(s => s == AttainmentStatus.NotAssessable));
    }
}
