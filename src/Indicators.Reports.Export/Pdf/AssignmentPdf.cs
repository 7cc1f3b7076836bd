using Indicators.Core.Reports;
using A = Indicators.Reports.Export.AssignmentExportTexts;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// The PDF's "Uppdrag": in a nämnd's report each uppdrag it receives with its follow-up (status, prognos in the
/// delårsrapport, comment); in the region's each of fullmäktige's riktade uppdrag with its overall state and a table of
/// the receivers' follow-ups, their comments under it.
/// </summary>
public static class AssignmentPdf
{
    /// <summary>Writes the section; nothing when the report has no uppdrag.</summary>
    public static void Write(PdfLayout layout, ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(document);
        if (document.Assignments.Count == 0)
        {
            return;
        }

        var header = document.Header;
        var prognosis = A.ShowsPrognosis(document);
        layout.Heading(header.IsRegion ? "Riktade uppdrag från regionfullmäktige" : "Uppdrag", 1);
        foreach (var assignment in document.Assignments)
        {
            layout.Heading($"Uppdrag {assignment.Code}: {assignment.Text}{(assignment.IsExample ? " (exempel)" : "")}", 2);
            var own = assignment.FollowUps.FirstOrDefault(f => f.CommitteeId == header.CommitteeId);
            var facts = $"Givet av: {A.GivenBy(assignment, own)}"
                + (assignment.GoalCode is null ? "" : $" · {A.Goal(assignment)}")
                + (assignment.EndDate is null ? "" : $" · Slutdatum: {A.Date(assignment.EndDate)}");
            layout.Paragraph(facts, muted: true);
            if (header.IsRegion)
            {
                layout.Paragraph($"Samlad status: {A.Status(assignment.State.Status)}{(assignment.State.Overdue ? " · Försenat" : "")}", bold: true);
                layout.Paragraph(assignment.State.Explanation);
                layout.Table(new PdfTable(
                    [new("Nämnd", 3), new("Status", 1.8), .. prognosis ? new[] { new PdfColumn("Beräknas klart", 1.3) } : []],
                    [.. assignment.FollowUps.Select(f => (IReadOnlyList<PdfCell>)[
                        f.CommitteeName, A.Status(f.Status), .. prognosis ? new[] { new PdfCell(A.Date(f.ExpectedCompletion)) } : []])]));
                foreach (var followUp in assignment.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f.Comment)))
                {
                    layout.Labelled($"Kommentar från {followUp.CommitteeName}", followUp.Comment);
                }
            }
            else if (own is not null)
            {
                layout.Paragraph($"Status: {A.Status(own.Status)}{(assignment.State.Overdue ? " · Försenat" : "")}", bold: true);
                if (prognosis)
                {
                    layout.Paragraph($"Prognos: beräknas klart {(own.ExpectedCompletion is null ? "ej angivet" : A.Date(own.ExpectedCompletion))}");
                }

                var empty = string.IsNullOrWhiteSpace(own.Comment);
                layout.Labelled("Kommentar", empty ? "Ej ifyllt." : own.Comment, muted: empty);
            }
        }
    }
}
