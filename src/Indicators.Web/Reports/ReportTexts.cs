using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Reports;

namespace Indicators.Web.Reports;

/// <summary>The Swedish words, symbols and times of the report pages.</summary>
public static class ReportTexts
{
    /// <summary>"2026-09-20 14:02", Stockholm's wall clock.</summary>
    public static string Time(DateTimeOffset? time) => time is { } value ? SwedishFormat.Time(value) : "–";

    /// <summary>"14:02", Stockholm's wall clock.</summary>
    public static string Clock(DateTimeOffset time) => SwedishFormat.Clock(time);

    /// <summary>A report state's shape: ○ open, ◔ under review, ■ finalised (the words always beside it).</summary>
    public static string Symbol(this ReportState state) => state switch
    {
        ReportState.Open => "○",
        ReportState.UnderReview => "◔",
        _ => "■",
    };

    public static string Css(this ReportState state) => state switch
    {
        ReportState.Open => "state-open",
        ReportState.UnderReview => "state-review",
        _ => "state-finalised",
    };

    public static string Css(this GoalAssessment assessment) => assessment switch
    {
        GoalAssessment.Met => "achieved",
        GoalAssessment.PartlyMet => "partly",
        GoalAssessment.NotMet => "not-achieved",
        _ => "not-assessable",
    };

    /// <summary>"3 av 5 mål bedömda".</summary>
    public static string Assessed(CommitteeReportState report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.AssessedGoals} av {report.Goals} mål bedömda";
    }

    /// <summary>"x av y nämnder har fastställt".</summary>
    public static string Finalised(ReportPeriodSummary period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var done = period.Committees.Count(c => c.State == ReportState.Finalised);
        return $"{done} av {SwedishFormat.Count(period.Committees.Count, "nämnd", "nämnder")} har fastställt";
    }

    /// <summary>What follows the state's badge: "2026-09-20 14:02 av Hanna" (finalised), "sedan 2026-09-18 10:15 av Hanna"
    /// (under review), "" (open); so the header reads "■ Fastställd 2026-09-20 14:02 av Hanna".</summary>
    public static string StateLine(CommitteeReportState report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.State switch
        {
            ReportState.Finalised => $"{Time(report.FinalisedAt)}{By(report.FinalisedBy)}",
            ReportState.UnderReview => $"sedan {Time(report.SubmittedAt)}{By(report.SubmittedBy)}",
            _ => "",
        };
    }

    static string By(string? who) => string.IsNullOrEmpty(who) ? "" : $" av {who}";

    /// <summary>
    /// Where the report's figures come from: the finalised or submitted ones (read when it was submitted), or today's.
    /// A report submitted before its figures were stored at submission (no revision to show) still reads today's.
    /// </summary>
    public static string DataRead(CommitteeReportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var read = Time(view.Document.Header.DataReadAt);
        return view.State.State switch
        {
            ReportState.Finalised => $"Siffrorna är de som rapporten fastställdes med (lästa {read}). Senare inläsningar och planändringar ändrar dem inte.",
            ReportState.UnderReview when view.Revision is not null =>
                $"Siffrorna är de som rapporten skickades till granskning med (lästa {read}). Det som ändrats sedan visas som revidering och ändrar inte rapporten.",
            ReportState.UnderReview => $"Siffrorna är dagens ({read}) och fryses när rapporten fastställs.",
            _ => $"Siffrorna är dagens ({read}). De sparas när rapporten skickas till granskning, och det är dem som granskas och fastställs.",
        };
    }

    public static string Value(decimal? value, int decimals, string unit) =>
        value is { } v ? SwedishFormat.WithUnit(v, decimals, unit) : "–";

    /// <summary>"+2,5", "−1,0", "±0".</summary>
    public static string Difference(decimal difference, int decimals) =>
        $"{(difference > 0 ? "+" : difference < 0 ? "−" : "±")}{SwedishFormat.Number(Math.Abs(difference), decimals)}";
}
