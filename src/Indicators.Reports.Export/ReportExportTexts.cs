using System.Globalization;
using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;

namespace Indicators.Reports.Export;

/// <summary>The Swedish wording both exports share, so the Excel file and the PDF say the same thing the same way.</summary>
public static class ReportExportTexts
{
    /// <summary>What a report that is not finalised says where a finalised one names who finalised it when.</summary>
    public const string Draft = "Utkast – inte fastställd";

    /// <summary>Shown for an empty cell or value.</summary>
    public const string None = "–";

    /// <summary>A goal the nämnd has not yet assessed.</summary>
    public const string NotAssessed = "Ej bedömt";

    /// <summary>In the region's report, beside an assessment from a nämnd's report that is still open.</summary>
    public const string DraftNote = "Utkast: nämndens rapport är öppen, bedömningen är inte inskickad.";

    /// <summary>In the region's report: " · nämndens rapport: Fastställd" (the state of the report a goal comes from).</summary>
    public static string CommitteeReport(ReportGoal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return goal.CommitteeReportState is { } state ? $" · nämndens rapport: {state.SwedishName().ToLowerInvariant()}" : "";
    }

    /// <summary>A time as Stockholm's wall clock: "2026-09-30 14:05".</summary>
    public static string Time(DateTimeOffset value) => SwedishFormat.Time(value);

    /// <summary>"Hälso- och sjukvårdsnämnden", or "Hela regionen (Region Västernorrland)" for the region's report.</summary>
    public static string Committee(ReportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.IsRegion ? $"Hela regionen ({header.OrganisationName})" : header.CommitteeName;
    }

    /// <summary>"Fastställd 2026-09-30 14:05 av Anna Berg", or <see cref="Draft"/>.</summary>
    public static string Finalised(ReportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.State != ReportState.Finalised)
        {
            return Draft;
        }

        var at = header.FinalisedAt is { } time ? $" {Time(time)}" : "";
        var by = string.IsNullOrWhiteSpace(header.FinalisedBy) ? "" : $" av {header.FinalisedBy}";
        return $"Fastställd{at}{by}";
    }

    /// <summary>
    /// When the figures were read and whether they can still change: a nämnd's report keeps the figures it was submitted
    /// with, and finalising freezes them; the region's report takes each nämnd's as its report has them.
    /// </summary>
    public static string DataRead(ReportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var read = Time(header.DataReadAt);
        return header switch
        {
            { IsRegion: true } => $"Uppgifterna är lästa {read}. Mål från inskickade och fastställda nämndrapporter har de siffror rapporten skickades in med.",
            { State: ReportState.Finalised } => $"Uppgifterna är lästa {read} och är de som rapporten fastställdes med. Senare inläsningar och planändringar ändrar dem inte.",
            { State: ReportState.UnderReview } => $"Uppgifterna är lästa {read}, när rapporten skickades till granskning. Det som ändrats sedan redovisas som revidering.",
            _ => $"Uppgifterna är lästa {read} och kan ändras tills rapporten skickas till granskning.",
        };
    }

    /// <summary>"Beslut: Hälso- och sjukvårdsnämnden 2026-09-24 § 87, protokoll HSN 2026/9"; null without a recorded decision.</summary>
    public static string? Decision(ReportHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Decision is { } decision ? $"Beslut: {decision.Text}" : null;
    }

    /// <summary>"Målområde 1 Ett attraktivt Västernorrland"; a prerequisite area goes by its name alone.</summary>
    public static string Area(ReportArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return area.IsPrerequisite ? area.Name : $"Målområde {area.Code} {area.Name}";
    }

    /// <summary>"1.1 Vi agerar som en sammanhållande kraft".</summary>
    public static string Goal(ReportGoal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return $"{goal.Code} {goal.Name}";
    }

    /// <summary>Shape and name: "◐ Delvis uppfyllt"; <see cref="NotAssessed"/> when there is none.</summary>
    public static string Assessment(GoalAssessment? assessment) =>
        assessment is { } a ? $"{a.Symbol()} {a.SwedishName()}" : NotAssessed;

    /// <summary>"▲ Bättre".</summary>
    public static string Trend(Trend trend) => $"{trend.Symbol()} {trend.SwedishName()}";

    /// <summary>"74,2 %", or <see cref="None"/> when there is no value.</summary>
    public static string Value(decimal? value, ReportIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return value is { } v ? SwedishFormat.WithUnit(v, indicator.Decimals, indicator.Unit) : None;
    }

    /// <summary>The målvärde as shown, marked when it is an example rather than a decided figure.</summary>
    public static string Target(ReportIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.TargetIsExample ? $"{indicator.TargetText} (exempel)" : indicator.TargetText;
    }

    /// <summary>"2026 jan–aug", "2025 (senast publicerade)" for an earlier year's outcome, or "Inget utfall".</summary>
    public static string OutcomePeriod(ReportIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.OutcomePeriod is not { } period ? "Inget utfall"
            : indicator.IsLagging ? $"{period} (senast publicerade)"
            : period;
    }

    /// <summary>Where the delårsrapport's assessment of a goal comes from: "Nämndens bedömning i den fastställda delårsrapporten."</summary>
    public static string InterimSource(InterimComparison interim)
    {
        ArgumentNullException.ThrowIfNull(interim);
        var whose = interim.IsOwnAssessment ? "Nämndens bedömning" : "Föreslagen bedömning";
        return interim.FromFinalisedReport ? $"{whose} i den fastställda delårsrapporten." : $"{whose}; delårsrapporten är inte fastställd.";
    }

    /// <summary>
    /// "Delårsrapport 2026 – Hälso- och sjukvårdsnämnden.pdf" or "Årsrapport 2025 – Hela regionen.xlsx", less the
    /// characters no file system takes.
    /// </summary>
    public static string FileName(ReportHeader header, string extension)
    {
        ArgumentNullException.ThrowIfNull(header);
        var who = header.IsRegion ? "Hela regionen" : header.CommitteeName;
        var name = $"{header.Kind.SwedishName()} {header.Year.ToString(CultureInfo.InvariantCulture)} – {who}";
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c)]).Trim();
        return $"{safe}.{extension}";
    }

    /// <summary>Every goal's own assessment counted, in the order of <see cref="GoalAssessment"/>, then the goals not assessed.</summary>
    public static IReadOnlyList<(string Label, int Own, int Suggested)> AssessmentCounts(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var goals = document.Goals.ToList();
        var rows = Enum.GetValues<GoalAssessment>()
            .Select(a => (Assessment(a), goals.Count(g => g.Texts.Assessed == a), goals.Count(g => g.Suggested == a)))
            .ToList();
        rows.Add((NotAssessed, goals.Count(g => g.Texts.Assessed is null), 0));
        rows.Add(("Totalt", goals.Count, goals.Count));
        return rows;
    }
}
