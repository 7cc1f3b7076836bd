using System.Globalization;
using Indicators.Core.FollowUp;

namespace Indicators.Core.Reports;

/// <summary>The two reports of a year: the delårsrapport (jan–aug, with a forecast for the year's end) and the årsrapport.</summary>
public enum ReportKind
{
    Interim,
    Annual,
}

/// <summary>The states a nämnd's report moves through. Only an open report can be edited; a finalised one never changes.</summary>
public enum ReportState
{
    Open,
    UnderReview,
    Finalised,
}

public static class ReportNames
{
    public static string SwedishName(this ReportKind kind) => kind switch
    {
        ReportKind.Interim => "Delårsrapport",
        ReportKind.Annual => "Årsrapport",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>"Delårsrapport 2026 (jan–aug)" or "Årsrapport 2025".</summary>
    public static string Title(this ReportKind kind, int year) => kind == ReportKind.Interim
        ? $"Delårsrapport {year.ToString(CultureInfo.InvariantCulture)} (jan–aug)"
        : $"Årsrapport {year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The follow-up period a report judges outcomes in.</summary>
    public static FollowUpPeriod Period(this ReportKind kind, int year) =>
        kind == ReportKind.Interim ? FollowUpPeriod.Interim(year) : FollowUpPeriod.WholeYear(year);

    /// <summary>The database's code: "interim" or "annual".</summary>
    public static string Code(this ReportKind kind) => kind == ReportKind.Interim ? "interim" : "annual";

    public static ReportKind ParseKind(string code) => code switch
    {
        "interim" => ReportKind.Interim,
        "annual" => ReportKind.Annual,
        _ => throw new FormatException($"Unknown report kind '{code}'."),
    };

    public static string SwedishName(this ReportState state) => state switch
    {
        ReportState.Open => "Öppen",
        ReportState.UnderReview => "Under granskning",
        ReportState.Finalised => "Fastställd",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The database's code: "open", "under_review" or "finalised".</summary>
    public static string Code(this ReportState state) => state switch
    {
        ReportState.Open => "open",
        ReportState.UnderReview => "under_review",
        ReportState.Finalised => "finalised",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static ReportState ParseState(string code) => code switch
    {
        "open" => ReportState.Open,
        "under_review" => ReportState.UnderReview,
        "finalised" => ReportState.Finalised,
        _ => throw new FormatException($"Unknown report state '{code}'."),
    };
}
