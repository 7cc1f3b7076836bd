using Indicators.Core.Attainment;
using Indicators.Core.Reports;

namespace Indicators.Reports.Export.Excel;

/// <summary>The sheet "Åtgärdsplan": each åtgärd's plan, realised and forecast for the year, then SUMMA, Uppdrag, Avvikelse and status.</summary>
public static partial class ReportWorkbook
{
    /// <summary>A report with åtgärdsplaner gets the sheet; one without (or a snapshot from before them) does not.</summary>
    static void AddActionPlans(List<ExcelSheet> sheets, ReportDocument document)
    {
        if (document.ActionPlans.Count > 0)
        {
            sheets.Add(ActionPlans(document.ActionPlans, document.Header.Kind));
        }
    }

    static ExcelSheet ActionPlans(IReadOnlyList<ReportActionPlan> plans, ReportKind kind)
    {
        var sheet = new ExcelSheet("Åtgärdsplan");
        sheet.AddHeader("Nämnd", "Åtgärdsplan", "År", "Åtgärd", "Plan", kind == ReportKind.Annual ? "Utfall för året" : "Utfall hittills", "Prognos för året", "Kommentar");
        foreach (var plan in plans)
        {
            var decimals = plan.Measures.SelectMany(m => new[] { m.Planned, m.Realised, m.Forecast })
                .Concat([plan.Required, plan.Planned]).OfType<decimal>().Select(ActionPlanAmounts.Decimals).DefaultIfEmpty(0).Max();
            var amount = new ExcelNumberFormat(decimals, plan.Unit);
            var deviation = ExcelNumberFormat.Difference(decimals, plan.Unit);
            IReadOnlyList<ExcelCell> Row(string what, ExcelCell planned, ExcelCell realised, ExcelCell forecast, string comment, ExcelStyle style = ExcelStyle.Text) =>
                [ExcelCell.Wrapped(plan.CommitteeName), ExcelCell.Wrapped(plan.Name), ExcelCell.Of(plan.Year, 0), ExcelCell.Of(what, style),
                    planned, realised, forecast, ExcelCell.Wrapped(comment)];
            foreach (var measure in plan.Measures)
            {
                sheet.Rows.Add(Row(measure.Name, ExcelCell.Of(measure.Planned, amount), ExcelCell.Of(measure.Realised, amount),
                    ExcelCell.Of(measure.Forecast, amount), measure.IsExample ? $"Exempel. {measure.Comment}".Trim() : measure.Comment));
            }

            sheet.Rows.Add(Row("SUMMA", ExcelCell.Of(plan.Planned, amount), ExcelCell.Of(plan.Realised, amount), ExcelCell.Of(plan.Forecast, amount), "", ExcelStyle.Bold));
            sheet.Rows.Add(Row("Uppdrag", ExcelCell.Of(plan.Required, amount), ExcelCell.Empty, ExcelCell.Of(plan.Required, amount), "Den effekt åtgärderna ska ge under året.", ExcelStyle.Bold));
            sheet.Rows.Add(Row("Avvikelse", ExcelCell.Of(plan.Deviation, deviation), ExcelCell.Empty, ExcelCell.Of(plan.ForecastDeviation, deviation),
                "Plan och prognos minus uppdraget.", ExcelStyle.Bold));
            sheet.Rows.Add(Row($"Status: {plan.Status.Label()}", ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Empty, plan.StatusExplanation, ExcelStyle.Bold));
            foreach (var step in plan.PathToBalance)
            {
                sheet.Rows.Add(Row($"Resultat {step.Label}", ExcelCell.Of(step.Result, amount), ExcelCell.Empty, ExcelCell.Empty, "Vägen till ekonomisk balans."));
            }
        }

        sheet.MaxWidths[0] = 30;
        sheet.MaxWidths[1] = 30;
        sheet.MaxWidths[3] = 40;
        sheet.MaxWidths[7] = 50;
        return sheet;
    }
}
