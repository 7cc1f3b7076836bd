using Indicators.Core.Assignments;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;

namespace Indicators.Reports.Export;

/// <summary>How both exports write the uppdrag section: the same words as the report page.</summary>
public static class AssignmentExportTexts
{
    /// <summary>"◔ Pågår", or "Ej uppföljt" while the receiver has not followed the uppdrag up.</summary>
    public static string Status(AssignmentStatus? status) => status is { } s ? $"{s.Symbol()} {s.SwedishName()}" : "Ej uppföljt";

    /// <summary>"2027-12-31", or "" without a date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", SwedishFormat.Culture) : "";

    /// <summary>"Mål 2.1 Tillgänglig vård", or "" when the uppdrag serves no mål.</summary>
    public static string Goal(ReportAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.GoalCode is null ? "" : $"Mål {assignment.GoalCode} {assignment.GoalName}";
    }

    /// <summary>"Regionfullmäktige", or "Hälso- och sjukvårdsnämnden till förvaltningen" for a nämnd's uppdrag to its förvaltning.</summary>
    public static string GivenBy(ReportAssignment assignment, ReportAssignmentFollowUp? followUp)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return followUp is { ToAdministration: true } ? $"{assignment.GivenBy} till förvaltningen" : assignment.GivenBy;
    }

    /// <summary>The delårsrapport asks for the prognos of completion; an årsrapport shows it where one was given.</summary>
    public static bool ShowsPrognosis(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Header.Kind == ReportKind.Interim
            || document.Assignments.Any(a => a.FollowUps.Any(f => f.ExpectedCompletion is not null));
    }
}
