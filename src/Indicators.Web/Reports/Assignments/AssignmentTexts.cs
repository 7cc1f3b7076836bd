using Indicators.Core.Formatting;
using Indicators.Core.Reports;

namespace Indicators.Web.Reports.Assignments;

/// <summary>How the uppdrag section writes dates and what an uppdrag serves, the same on the nämnd's and the region's page.</summary>
public static class AssignmentTexts
{
    /// <summary>"2027-12-31", or "–" without a date.</summary>
    public static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", SwedishFormat.Culture) : "–";

    /// <summary>"Mål 2.1 Tillgänglig vård", or "–" when the uppdrag serves no mål of the plan.</summary>
    public static string Goal(ReportAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.GoalCode is null ? "–" : $"Mål {assignment.GoalCode} {assignment.GoalName}";
    }
}
