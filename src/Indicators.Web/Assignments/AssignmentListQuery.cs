using Indicators.Core.Assignments;
using Indicators.Data.Assignments;
using Indicators.Web.Components;

namespace Indicators.Web.Assignments;

/// <summary>
/// The uppdrag list's filters as the address carries them (<c>/uppdrag?givare=rf&amp;mottagare=2&amp;status=in_progress&amp;slutdatum=forsenade</c>),
/// parsed the one way: a value the page cannot use is ignored, as if absent.
/// </summary>
public sealed record AssignmentListQuery(string Giver, int? Receiver, AssignmentStatus? Status, AssignmentDeadline? Deadline, int? Goal, int? Version)
{
    /// <summary>The giver value for Regionfullmäktige (a nämnd's is its id).</summary>
    public const string Council = "rf";

    public static readonly IReadOnlyList<(AssignmentDeadline Deadline, string Code, string Name)> Deadlines =
    [
        (AssignmentDeadline.Overdue, "forsenade", "Försenade (slutdatum passerat)"),
        (AssignmentDeadline.EndsSoon, "inom-90-dagar", "Slutdatum inom 90 dagar"),
        (AssignmentDeadline.EndsThisYear, "i-ar", "Slutdatum i år"),
    ];

    public static AssignmentListQuery Parse(string? giver, string? receiver, string? status, string? deadline, string? goal, string? version)
    {
        var giverValue = giver?.Trim() is { } g && (g == Council || QueryValue.WholeNumber(g) is not null) ? g : "";
        var statusValue = Enum.GetValues<AssignmentStatus>().Cast<AssignmentStatus?>().FirstOrDefault(s => s!.Value.Code() == status?.Trim());
        var deadlineValue = Deadlines.Where(d => d.Code == deadline?.Trim()).Select(d => (AssignmentDeadline?)d.Deadline).FirstOrDefault();
        return new AssignmentListQuery(giverValue, QueryValue.WholeNumber(receiver), statusValue, deadlineValue, QueryValue.WholeNumber(goal),
            QueryValue.WholeNumber(version));
    }

    public AssignmentFilter ToFilter() => new(
        Version, Giver == Council, Giver == Council ? null : QueryValue.WholeNumber(Giver), Receiver, Status, Deadline, Goal);

    public string DeadlineCode => Deadlines.Where(d => d.Deadline == Deadline).Select(d => d.Code).FirstOrDefault() ?? "";
}
