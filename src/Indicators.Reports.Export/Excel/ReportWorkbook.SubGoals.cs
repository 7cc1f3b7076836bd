using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using T = Indicators.Reports.Export.ReportExportTexts;

namespace Indicators.Reports.Export.Excel;

public static partial class ReportWorkbook
{
    /// <summary>
    /// The sheet "Delmål" (issue 20): one row per indicator of each nämnd's delmål, under its mål, with the delmål's
    /// suggestion and the indicator's nämndplan målvärde, utfall and status; none when the report has no delmål.
    /// </summary>
    static IEnumerable<ExcelSheet> SubGoals(ReportDocument document)
    {
        if (!document.Goals.Any(g => g.SubGoals.Count > 0))
        {
            yield break;
        }

        var sheet = new ExcelSheet("Delmål");
        sheet.AddHeader("Mål", "Delmål", "Delmålets namn", "Nämndplan", "Föreslagen bedömning", "Förklaring", "Indikator", "Målvärde", "Utfall", "Period", "Status");
        foreach (var goal in document.Goals)
        {
            foreach (var subGoal in goal.SubGoals)
            {
                List<ExcelCell> Start() => [
                    ExcelCell.Of(goal.Code), ExcelCell.Of(subGoal.Code), ExcelCell.Wrapped(subGoal.Name), ExcelCell.Wrapped(subGoal.CommitteePlanName),
                    ExcelCell.Of(T.Assessment(subGoal.Suggested)), ExcelCell.Wrapped(subGoal.SuggestedExplanation)];
                if (subGoal.Indicators.Count == 0)
                {
                    sheet.Rows.Add(Start());
                }

                foreach (var indicator in subGoal.Indicators)
                {
                    var shown = new ExcelNumberFormat(indicator.Decimals, indicator.Unit);
                    sheet.Rows.Add([.. Start(),
                        ExcelCell.Wrapped(indicator.Name), ExcelCell.Of(indicator.TargetText),
                        ExcelCell.Of(indicator.Outcome is { } v ? shown.Round(v) : null, shown), ExcelCell.Of(indicator.OutcomePeriod ?? ""),
                        ExcelCell.Of(indicator.Status.Label())]);
                }
            }
        }

        sheet.MaxWidths[2] = 40;
        sheet.MaxWidths[5] = 50;
        sheet.MaxWidths[6] = 40;
        yield return sheet;
    }
}
