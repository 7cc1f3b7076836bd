using Indicators.Core.Assignments;
using Indicators.Core.Reports;
using Indicators.Data.Assignments;

namespace Indicators.Web.Reports.Assignments;

/// <summary>A nämnd's follow-up of one uppdrag as the form edits it; <see cref="Version"/> is what was loaded, for the editor's conflict check.</summary>
public sealed class AssignmentFollowUpForm
{
    /// <summary>The status's code, "" while none is chosen.</summary>
    public string Status { get; set; } = "";

    public string? Comment { get; set; }

    public DateOnly? ExpectedCompletion { get; set; }

    public int Version { get; private set; }

    public static AssignmentFollowUpForm From(ReportAssignmentFollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new AssignmentFollowUpForm
        {
            Status = followUp.Status?.Code() ?? "",
            Comment = followUp.Comment,
            ExpectedCompletion = followUp.ExpectedCompletion,
            Version = followUp.Version,
        };
    }

    public AssignmentFollowUpInput ToInput() => new(AssignmentStatusCodes.TryParse(Status), Comment, ExpectedCompletion);
}
