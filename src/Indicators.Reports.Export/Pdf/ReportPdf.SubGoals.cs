using Indicators.Core.Reports;
using T = Indicators.Reports.Export.ReportExportTexts;

namespace Indicators.Reports.Export.Pdf;

public static partial class ReportPdf
{
    /// <summary>The nämnd's delmål under a goal (issue 20): each with its suggestion and its indicators' table.</summary>
    static void SubGoals(PdfLayout layout, ReportHeader header, ReportGoal goal)
    {
        foreach (var subGoal in goal.SubGoals)
        {
            layout.Space(4);
            layout.EnsureSpace(6 * layout.TableSize);
            layout.Paragraph($"Delmål {subGoal.Code} {subGoal.Name}", size: layout.TableSize + 1.5, bold: true, structure: "H4");
            layout.Paragraph($"{subGoal.CommitteePlanName} · Föreslagen bedömning: {T.Assessment(subGoal.Suggested)}", size: layout.TableSize + 0.5, muted: true);
            if (subGoal.Indicators.Count == 0)
            {
                layout.Paragraph("Delmålet har inga indikatorer.", muted: true);
                continue;
            }

            layout.Table(IndicatorTable(header.Kind, goal with { Indicators = subGoal.Indicators }));
        }
    }
}
