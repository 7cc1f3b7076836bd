using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using T = Indicators.Reports.Export.ReportExportTexts;

namespace Indicators.Reports.Export.Pdf;

/// <summary>The PDF's Åtgärdsplan section: per plan its status and a table of the year's plan, realised and forecast.</summary>
public static partial class ReportPdf
{
    static void ActionPlans(PdfLayout layout, ReportDocument document)
    {
        if (document.ActionPlans.Count == 0)
        {
            return;
        }

        layout.Heading("Åtgärdsplan", 1, 120);
        foreach (var plan in document.ActionPlans)
        {
            layout.Heading(document.Header.IsRegion ? $"{plan.Name} – {plan.CommitteeName}" : plan.Name, 2, 100);
            layout.Boxes([new PdfBox($"Status {plan.Year}", plan.Status.Label(), plan.StatusExplanation)]);
            static string Amount(decimal? value) => ActionPlanAmounts.Text(value);
            var rows = plan.Measures.Select(m => (IReadOnlyList<PdfCell>)[
                new PdfCell(m.Name, m.IsExample ? "exempel" : null), Amount(m.Planned), Amount(m.Realised), Amount(m.Forecast), m.Comment]).ToList();
            rows.Add([new PdfCell("SUMMA", Bold: true), new PdfCell(Amount(plan.Planned), Bold: true), new PdfCell(Amount(plan.Realised), Bold: true),
                new PdfCell(Amount(plan.Forecast), Bold: true), ""]);
            rows.Add([new PdfCell("Uppdrag", Bold: true), new PdfCell(Amount(plan.Required), Bold: true), T.None, new PdfCell(Amount(plan.Required), Bold: true), ""]);
            rows.Add([new PdfCell("Avvikelse", Bold: true), new PdfCell(ActionPlanAmounts.WithSign(plan.Deviation), Bold: true), T.None,
                new PdfCell(ActionPlanAmounts.WithSign(plan.ForecastDeviation), Bold: true), ""]);
            layout.Table(new PdfTable(
                [new("Åtgärd", 3), new($"Plan {plan.Year} ({plan.Unit})", 1.3, AlignRight: true), new(ActionPlanAmounts.RealisedHeading(document.Header.Kind, plan.Year), 1.3, AlignRight: true),
                    new($"Prognos {plan.Year}", 1.3, AlignRight: true), new("Kommentar", 3)],
                rows));
            if (plan.PathToBalance.Count > 0)
            {
                layout.Paragraph($"Vägen till ekonomisk balans ({plan.Unit}): "
                    + string.Join(" → ", plan.PathToBalance.Select(s => $"{s.Label}: {Amount(s.Result)}")), size: layout.TableSize + 0.5);
            }
        }
    }
}
