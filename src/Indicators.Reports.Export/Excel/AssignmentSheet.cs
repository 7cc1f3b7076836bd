using Indicators.Core.Reports;
using A = Indicators.Reports.Export.AssignmentExportTexts;

namespace Indicators.Reports.Export.Excel;

/// <summary>
/// The sheet "Uppdrag": one row per uppdrag and receiver (a nämnd's report: its own follow-up; the region's: every
/// receiver of fullmäktige's riktade uppdrag, with the overall state), every field in a cell of its own.
/// </summary>
public static class AssignmentSheet
{
    static readonly string[] RegionColumns = ["Samlad status", "Försenat", "Mottagare"];
    static readonly string[] OverdueColumn = ["Försenat"];
    static readonly string[] PrognosisColumn = ["Prognos: beräknas klart"];

    /// <summary>The sheet, or none when the report has no uppdrag (or was frozen before the section existed).</summary>
    public static IEnumerable<ExcelSheet> For(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Assignments.Count == 0)
        {
            yield break;
        }

        var region = document.Header.IsRegion;
        var prognosis = A.ShowsPrognosis(document);
        var sheet = new ExcelSheet("Uppdrag");
        sheet.AddHeader([
            "Kod", "Uppdrag", "Givet av", "Mål", "Startdatum", "Slutdatum",
            .. region ? RegionColumns : [],
            "Status",
            .. !region ? OverdueColumn : [],
            .. prognosis ? PrognosisColumn : [],
            "Kommentar", "Uppföljd av", "Uppföljd", "Exempel",
        ]);
        foreach (var assignment in document.Assignments)
        {
            foreach (var followUp in assignment.FollowUps.Where(f => region || f.CommitteeId == document.Header.CommitteeId))
            {
                var cells = new List<ExcelCell>
                {
                    ExcelCell.Of(assignment.Code),
                    ExcelCell.Wrapped(assignment.Text),
                    ExcelCell.Of(A.GivenBy(assignment, followUp)),
                    ExcelCell.Wrapped(A.Goal(assignment)),
                    ExcelCell.Of(A.Date(assignment.StartDate)),
                    ExcelCell.Of(A.Date(assignment.EndDate)),
                };
                if (region)
                {
                    cells.Add(ExcelCell.Of(A.Status(assignment.State.Status)));
                    cells.Add(ExcelCell.Of(assignment.State.Overdue ? "Ja" : "Nej"));
                    cells.Add(ExcelCell.Of(followUp.CommitteeName));
                }

                cells.Add(ExcelCell.Of(A.Status(followUp.Status)));
                if (!region)
                {
                    cells.Add(ExcelCell.Of(assignment.State.Overdue ? "Ja" : "Nej"));
                }

                if (prognosis)
                {
                    cells.Add(ExcelCell.Of(A.Date(followUp.ExpectedCompletion)));
                }

                cells.Add(ExcelCell.Wrapped(followUp.Comment));
                cells.Add(ExcelCell.Of(followUp.UpdatedBy ?? ""));
                cells.Add(ExcelCell.Of(followUp.UpdatedAt is { } at ? ReportExportTexts.Time(at) : ""));
                cells.Add(ExcelCell.Of(assignment.IsExample || followUp.IsExample ? "Ja" : "Nej"));
                sheet.Rows.Add(cells);
            }
        }

        var headers = sheet.Rows[0].Select(c => c.Text).ToList();
        sheet.MaxWidths[1] = 50;
        sheet.MaxWidths[3] = 35;
        sheet.MaxWidths[headers.IndexOf("Kommentar")] = 60;
        yield return sheet;
    }
}
