using System.Text.Json.Serialization;
using Indicators.Core.Attainment;
using Indicators.Core.Periods;

namespace Indicators.Core.Reports;

/// <summary>
/// A report as a nämnd (or the whole region) reads, decides and exports it: målområde → mål → the committee's assessment
/// beside the suggested one → the indicators with målvärde, utfall, status, trend and K/M. A live report is built from the
/// database each time it is read; finalising stores this record as JSON, and a finalised report is only ever read back
/// from that snapshot, so later ingestion cannot change what was decided.
/// </summary>
public sealed record ReportDocument(ReportHeader Header, IReadOnlyList<ReportArea> Areas)
{
    [JsonIgnore]
    public IEnumerable<ReportGoal> Goals => Areas.SelectMany(a => a.Goals);

    /// <summary>The uppdrag the nämnd receives (the region's: fullmäktige's riktade uppdrag); empty in a snapshot frozen before the section existed.</summary>
    public IReadOnlyList<ReportAssignment> Assignments { get; init; } = [];
    /// <summary>The nämnd's åtgärdsplaner followed up for the year (the region's: every nämnd's); empty in a snapshot from before them.</summary>
    public IReadOnlyList<ReportActionPlan> ActionPlans { get; init; } = [];
}

/// <summary>What a report is: which plan, year, kind and nämnd, its state and when its data was read.</summary>
/// <remarks><c>CommitteeId</c>: The nämnd; null for the whole region's report (made of every nämnd's report).</remarks>
/// <remarks><c>CommitteeName</c>: The nämnd's name, or the organisation's for the whole region.</remarks>
/// <remarks><c>DataReadAt</c>: When the figures were read: the finalising time for a frozen report.</remarks>
public sealed record ReportHeader(
    int ReportPeriodId,
    int PlanId,
    string PlanName,
    string VersionName,
    string OrganisationName,
    int Year,
    ReportKind Kind,
    int? CommitteeId,
    string CommitteeName,
    ReportState State,
    DateTimeOffset? FinalisedAt,
    string? FinalisedBy,
    DateTimeOffset DataReadAt)
{
    /// <summary>"Delårsrapport 2026 (jan–aug)" or "Årsrapport 2025".</summary>
    [JsonIgnore]
    public string Title => Kind.Title(Year);

    [JsonIgnore]
    public bool IsRegion => CommitteeId is null;

    /// <summary>The decision that finalised the report (body, meeting, §); null before, and for reports finalised without one.</summary>
    public ReportDecision? Decision { get; init; }
}

public sealed record ReportArea(string Code, string Name, bool IsPrerequisite, IReadOnlyList<ReportGoal> Goals);

/// <summary>A mål with the suggested assessment (the rule's, from its indicators) and the nämnd's own texts.</summary>
/// <remarks>
/// <c>InterimAssessment</c>: In an årsrapport: what the same year's delårsrapport said about the goal (its own assessment
/// where it made one, else its suggestion); null in a delårsrapport or when there is none.
/// </remarks>
public sealed record ReportGoal(
    int GoalId,
    string Code,
    string Name,
    int? CommitteeId,
    string? CommitteeName,
    GoalAssessment Suggested,
    string SuggestedExplanation,
    GoalTexts Texts,
    IReadOnlyList<ReportIndicator> Indicators,
    InterimComparison? InterimAssessment = null)
{
    /// <summary>
    /// In the whole region's report: the state of the nämnd's own report this goal comes from, so an assessment still
    /// being written (open) is never read as decided; null in a nämnd's report, whose header carries the state. Not part
    /// of a snapshot: the region's report is composed anew each time it is read.
    /// </summary>
    [JsonIgnore]
    public ReportState? CommitteeReportState { get; init; }

    /// <summary>The owner nämnd's delmål under the goal, from which its suggestion is made; none in a snapshot frozen before delmål.</summary>
    public IReadOnlyList<ReportSubGoal> SubGoals { get; init; } = [];

    /// <summary>The nämnd's assessment differs from the suggestion, so a motivation is required.</summary>
    [JsonIgnore]
    public bool DiffersFromSuggestion => Texts.Assessed is { } own && own != Suggested;
}

/// <summary>
/// The nämnd's texts for a goal. <see cref="Version"/> is 0 before anyone has written anything; every save raises it.
/// </summary>
public sealed record GoalTexts(
    GoalAssessment? Assessed,
    string Motivation,
    string Analysis,
    string Actions,
    int Version = 0,
    string? UpdatedBy = null,
    DateTimeOffset? UpdatedAt = null)
{
    public static GoalTexts Empty { get; } = new(null, "", "", "");

    /// <summary>The same content, whoever wrote it when.</summary>
    public bool SameContentAs(GoalTexts other) =>
        other is not null && Assessed == other.Assessed && Motivation == other.Motivation && Analysis == other.Analysis && Actions == other.Actions;
}

/// <summary>One indicator of a goal in the report period.</summary>
/// <remarks><c>TargetText</c>: The year's målvärde as shown ("90 %", "2,0–3,0 %"); "Inget målvärde" when the plan has none.</remarks>
/// <remarks><c>OutcomePeriod</c>: The period of the judged outcome ("2026 jan–aug"); null when there is none.</remarks>
/// <remarks><c>IsLagging</c>: The outcome is an earlier year's (the period's is not yet published).</remarks>
/// <remarks><c>Women</c>: K for the outcome's period, when the indicator is split by gender.</remarks>
/// <remarks><c>GenderNote</c>: Says when a gender-split indicator lacks K or M.</remarks>
/// <remarks><c>Forecast</c>: In a delårsrapport: the year-end forecast.</remarks>
/// <remarks><c>InterimForecast</c>: In an årsrapport: the forecast the same year's delårsrapport made, to compare with.</remarks>
/// <remarks><c>Target</c>: The year's målvärde as numbers (what <c>TargetText</c> shows), for the exports to compute with.</remarks>
/// <remarks><c>History</c>: What the exports' chart draws. Both are null in a snapshot frozen before they were added.</remarks>
public sealed record ReportIndicator(
    int IndicatorId,
    string Code,
    string Name,
    string Unit,
    int Decimals,
    bool GenderSplit,
    string TargetText,
    bool TargetIsExample,
    string? OutcomePeriod,
    decimal? Outcome,
    bool IsLagging,
    AttainmentStatus Status,
    string StatusExplanation,
    Trend Trend,
    string? TrendExplanation,
    decimal? Women,
    decimal? Men,
    string? GenderNote,
    ReportForecast? Forecast,
    InterimForecast? InterimForecast,
    IndicatorComment Comment,
    ReportTarget? Target = null,
    ReportHistory? History = null);

/// <summary>A year's målvärde as numbers: a <see cref="Value"/>, or a band from <see cref="BandMin"/> to <see cref="BandMax"/>.</summary>
public sealed record ReportTarget(int Year, decimal? Value, decimal? BandMin, decimal? BandMax, bool IsExample)
{
    public bool IsBand => Value is null && BandMin is not null && BandMax is not null;

    /// <summary>
    /// How far a value lies from the målvärde: value − målvärde; for a band the distance past its nearer edge (0 inside).
    /// Null without a value or a målvärde.
    /// </summary>
    public decimal? Difference(decimal? value) => (value, this) switch
    {
        (null, _) => null,
        ({ } v, { Value: { } target }) => v - target,
        ({ } v, { BandMin: { } min, BandMax: { } max }) => v < min ? v - min : v > max ? v - max : 0,
        _ => null,
    };
}

/// <summary>
/// An indicator's outcomes and målvärden as the exports' chart draws them: the judged outcome's kind of period up to it
/// (<see cref="FollowUp.PeriodStanding.Recent"/>: two years of months or eight of other periods), and the plan's målvärde
/// for each year.
/// </summary>
public sealed record ReportHistory(IReadOnlyList<ReportPoint> Outcomes, IReadOnlyList<ReportTarget> Targets);

/// <summary>An outcome of a period.</summary>
public sealed record ReportPoint(Period Period, decimal Value);

/// <summary>A year-end forecast and how it stands against the year's målvärde.</summary>
public sealed record ReportForecast(decimal? Value, ForecastMethod? Method, AttainmentStatus Status, string Explanation);

/// <summary>
/// What the delårsrapport forecast for an indicator, for the årsrapport's comparison.
/// <paramref name="FromFinalisedReport"/> is true when it comes from the finalised delårsrapport's snapshot, false when
/// the delårsrapport is not finalised and the forecast is computed from today's data.
/// </summary>
public sealed record InterimForecast(decimal? Value, AttainmentStatus Status, bool FromFinalisedReport);

/// <summary>What the delårsrapport said about a goal, for the årsrapport's comparison.</summary>
public sealed record InterimComparison(GoalAssessment Assessment, bool IsOwnAssessment, bool FromFinalisedReport);

/// <summary>The nämnd's comment on an indicator; <see cref="Version"/> 0 before anyone has written one.</summary>
public sealed record IndicatorComment(string Text, int Version = 0, string? UpdatedBy = null, DateTimeOffset? UpdatedAt = null)
{
    public static IndicatorComment Empty { get; } = new("");
}
