using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Core.Reports;

namespace Indicators.Reports.Export.Tests;

/// <summary>A report built by hand, with a value in every field, for the export tests.</summary>
static class HandBuiltReport
{
    public static readonly DateTimeOffset ReadAt = new(2026, 9, 14, 8, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset FinalisedAt = new(2026, 9, 30, 12, 5, 0, TimeSpan.Zero);

    public const string Motivation = "Väntetiderna har kortats men målet nås inte fullt ut i år.";
    public const string Analysis = "Bemanningen på akutmottagningen i Sundsvall har förbättrats sedan våren.";
    public const string Actions = "Fler mottagningstider på kvällar; översyn av remissflödet.";

    public static ReportHeader Header(ReportKind kind = ReportKind.Interim, ReportState state = ReportState.Open, int? committeeId = 1) => new(
        ReportPeriodId: 7,
        PlanId: 1,
        PlanName: "Regionplan 2025–2027",
        VersionName: "Fastställd plan",
        OrganisationName: "Region Västernorrland",
        Year: kind == ReportKind.Interim ? 2026 : 2025,
        Kind: kind,
        CommitteeId: committeeId,
        CommitteeName: committeeId is null ? "Region Västernorrland" : "Hälso- och sjukvårdsnämnden",
        State: state,
        FinalisedAt: state == ReportState.Finalised ? FinalisedAt : null,
        FinalisedBy: state == ReportState.Finalised ? "Åsa Öberg" : null,
        DataReadAt: ReadAt);

    public static ReportIndicator Waiting(ReportKind kind) => new(
        IndicatorId: 11,
        Code: "VT-90",
        Name: "Andel patienter som fått besök inom 90 dagar",
        Unit: "%",
        Decimals: 1,
        GenderSplit: true,
        TargetText: "90,0 %",
        TargetIsExample: false,
        OutcomePeriod: kind == ReportKind.Interim ? "2026 jan–aug" : "2025",
        Outcome: 84.25m,
        IsLagging: false,
        Status: AttainmentStatus.PartlyAchieved,
        StatusExplanation: "84,3 % är inom toleransen 5 procentenheter från 90 %.",
        Trend: Trend.Better,
        TrendExplanation: "Bättre än 2025 jan–aug (80,1 %).",
        Women: 86.5m,
        Men: 81.75m,
        GenderNote: null,
        // A forecast as the rules compute it: a decimal with all its digits (the exports round it to the indicator's decimals).
        Forecast: kind == ReportKind.Interim ? new ReportForecast(ForecastValue, ForecastMethod.YearToDateLevel, AttainmentStatus.PartlyAchieved, "Årets nivå hittills.") : null,
        InterimForecast: kind == ReportKind.Annual ? new InterimForecast(ForecastValue, AttainmentStatus.PartlyAchieved, true) : null,
        Comment: new IndicatorComment("Siffran för augusti är preliminär."),
        Target: new ReportTarget(kind == ReportKind.Interim ? 2026 : 2025, 90m, null, null, false),
        History: new ReportHistory(
            kind == ReportKind.Interim
                ? [.. Enumerable.Range(2021, 6).Select(y => new ReportPoint(Period.OfJanuaryToAugust(y), 76.5m + (1.55m * (y - 2021))))]
                : [.. Enumerable.Range(2019, 7).Select(y => new ReportPoint(Period.OfYear(y), 76.51m + (1.29m * (y - 2019))))],
            [new ReportTarget(2025, 88m, null, null, false), new ReportTarget(2026, 90m, null, null, false), new ReportTarget(2027, 92m, null, null, false)]));

    /// <summary>The waiting-time forecast with the 28 decimals a computed decimal carries.</summary>
    public const decimal ForecastValue = 86.43333333333333333333333333m;

    public static ReportIndicator Costs(ReportKind kind) => new(
        IndicatorId: 12,
        Code: "EK-1",
        Name: "Nettokostnadsutveckling",
        Unit: "mnkr",
        Decimals: 0,
        GenderSplit: false,
        TargetText: "−335 mnkr",
        TargetIsExample: true,
        OutcomePeriod: "2025",
        Outcome: -412m,
        IsLagging: true,
        Status: AttainmentStatus.NotAchieved,
        StatusExplanation: "−412 mnkr är sämre än målvärdet.",
        Trend: Trend.Worse,
        TrendExplanation: null,
        Women: null,
        Men: null,
        GenderNote: null,
        Forecast: kind == ReportKind.Interim ? new ReportForecast(null, null, AttainmentStatus.NotAssessable, "Ingen prognos.") : null,
        InterimForecast: null,
        Comment: IndicatorComment.Empty,
        Target: new ReportTarget(kind == ReportKind.Interim ? 2026 : 2025, -335m, null, null, true),
        History: new ReportHistory(
            [.. Enumerable.Range(2021, 5).Select(y => new ReportPoint(Period.OfYear(y), -250m - (40.5m * (y - 2021))))],
            [new ReportTarget(2025, -335m, null, null, true), new ReportTarget(2026, -300m, null, null, true)]));

    public static ReportIndicator Satisfaction() => new(
        IndicatorId: 13,
        Code: "NKI",
        Name: "Nöjd kund-index, vårdcentraler",
        Unit: "",
        Decimals: 0,
        GenderSplit: true,
        TargetText: "Inget målvärde",
        TargetIsExample: false,
        OutcomePeriod: null,
        Outcome: null,
        IsLagging: false,
        Status: AttainmentStatus.NotAssessable,
        StatusExplanation: "Inget utfall.",
        Trend: Trend.NotAssessable,
        TrendExplanation: null,
        Women: null,
        Men: null,
        GenderNote: "Uppgift för kvinnor och män saknas för 2026 jan–aug.",
        Forecast: null,
        InterimForecast: null,
        Comment: IndicatorComment.Empty);

    /// <summary>Today's data against the frozen report: the waiting-time outcome revised from 84,25 to 79,5 %, now ej uppnått.</summary>
    public static ReportRevision Revision() => new(5, [
        new RevisedValue("2.1", 11, "Andel patienter som fått besök inom 90 dagar", "Utfall", "2026 jan–aug", 84.25m, "2026 jan–aug", 79.5m,
            AttainmentStatus.PartlyAchieved, AttainmentStatus.NotAchieved, 1, "%"),
    ]);

    public static ReportDocument Document(ReportKind kind = ReportKind.Interim, ReportState state = ReportState.Open, string motivation = Motivation, int? committeeId = 1)
    {
        var care = new ReportGoal(
            GoalId: 101,
            Code: "2.1",
            Name: "Vården är tillgänglig och jämlik",
            CommitteeId: 1,
            CommitteeName: "Hälso- och sjukvårdsnämnden",
            Suggested: GoalAssessment.Met,
            SuggestedExplanation: "1 av 2 bedömbara indikatorer uppnår sitt målvärde.",
            Texts: new GoalTexts(GoalAssessment.PartlyMet, motivation, Analysis, Actions, 3, "Åsa Öberg", ReadAt),
            Indicators: [Waiting(kind), Costs(kind)],
            InterimAssessment: kind == ReportKind.Annual ? new InterimComparison(GoalAssessment.NotMet, true, true) : null);
        var open = new ReportGoal(
            GoalId: 102,
            Code: "2.2",
            Name: "Patienterna är nöjda",
            CommitteeId: 1,
            CommitteeName: "Hälso- och sjukvårdsnämnden",
            Suggested: GoalAssessment.NotAssessable,
            SuggestedExplanation: "Ingen indikator kan bedömas.",
            Texts: GoalTexts.Empty,
            Indicators: [Satisfaction()]);
        var finances = new ReportGoal(
            GoalId: 201,
            Code: "E1",
            Name: "God ekonomisk hushållning",
            CommitteeId: 1,
            CommitteeName: "Hälso- och sjukvårdsnämnden",
            Suggested: GoalAssessment.NotMet,
            SuggestedExplanation: "Ingen av 1 bedömbar indikator uppnår sitt målvärde.",
            Texts: new GoalTexts(GoalAssessment.NotMet, "", "", ""),
            Indicators: []);
        return new ReportDocument(Header(kind, state, committeeId), [
            new ReportArea("2", "En hälsofrämjande hälso- och sjukvård", false, [care, open]),
            new ReportArea("E", "Ekonomi som förutsättning", true, [finances]),
        ]);
    }
}
