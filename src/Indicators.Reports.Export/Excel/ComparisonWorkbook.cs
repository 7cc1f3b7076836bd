using Indicators.Core.Comparison;
using Indicators.Core.Formatting;
using C = Indicators.Reports.Export.ComparisonExportTexts;

namespace Indicators.Reports.Export.Excel;

/// <summary>
/// A comparison of two plan versions as a workbook (issue 21): <i>Sammanfattning</i> (both sides, the follow-up period,
/// the indicators per status under each side), <i>Mål</i> (one row per mål with its codes, how it was paired, what
/// differs, both texts and the words that differ marked <c>[−…]</c> and <c>[+…]</c>) and <i>Indikatorer</i> (one row per
/// indicator and year: both målvärden and their difference as number cells shown with the unit, the example marks in
/// columns of their own, today's outcome and its status and explanation under each side). Text cells are shared
/// strings, never formulas, whatever they start with.
/// </summary>
public static class ComparisonWorkbook
{
    public const string ContentType = ReportWorkbook.ContentType;

    public static byte[] Create(PlanComparison comparison, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return ExcelWriter.Write([Summary(comparison, madeAt), Goals(comparison), Indicators(comparison)]);
    }

    static ExcelSheet Summary(PlanComparison comparison, DateTimeOffset madeAt)
    {
        var sheet = new ExcelSheet("Sammanfattning");
        sheet.Add(ExcelCell.Of("Jämförelse av planversioner", ExcelStyle.Title));
        sheet.Add();
        sheet.Add(ExcelCell.Of("", ExcelStyle.Header), ExcelCell.Of("A (från)", ExcelStyle.Header), ExcelCell.Of("B (till)", ExcelStyle.Header));
        void Both(string label, Func<ComparedSide, string> value) =>
            sheet.Add(ExcelCell.Of(label, ExcelStyle.Bold), ExcelCell.Wrapped(value(comparison.Left)), ExcelCell.Wrapped(value(comparison.Right)));
        Both("Plan", s => C.OneLine(s.PlanName));
        Both("Version", s => C.OneLine(s.VersionName));
        Both("Sort", s => C.Kind(s.VersionKind));
        Both("Organisation", s => C.OneLine(s.OrganisationName));
        Both("År", C.Years);
        Both("Demodata", s => s.IsDemo ? "Ja" : "Nej");
        sheet.Add();
        sheet.Add(ExcelCell.Of("Uppföljningsperiod", ExcelStyle.Bold), ExcelCell.Of(comparison.Period.SwedishName));
        sheet.Add(ExcelCell.Of("Skapad", ExcelStyle.Bold), ExcelCell.Of(SwedishFormat.Time(madeAt)));
        sheet.Add();
        sheet.Add(ExcelCell.Of("Dagens utfall bedömda mot", ExcelStyle.Header), ExcelCell.Of("A: antal indikatorer", ExcelStyle.Header),
            ExcelCell.Of("B: antal indikatorer", ExcelStyle.Header));
        foreach (var (label, left, right) in C.CountRows(comparison))
        {
            sheet.Add(ExcelCell.Of(label), ExcelCell.Of(left, 0), ExcelCell.Of(right, 0));
        }

        sheet.Add(ExcelCell.Of("Sammanfattning", ExcelStyle.Bold), ExcelCell.Of(comparison.LeftCounts.Summary), ExcelCell.Of(comparison.RightCounts.Summary));
        sheet.Add();
        sheet.Add(ExcelCell.Wrapped(C.Legend));
        if (comparison.HasDemoData || comparison.Indicators.Any(i => i.IsDemo || i.Targets.Any(t => t.LeftIsExample || t.RightIsExample)))
        {
            sheet.Add(ExcelCell.Wrapped(C.DemoNote));
        }

        sheet.MaxWidths[0] = 30;
        sheet.MaxWidths[1] = 45;
        sheet.MaxWidths[2] = 45;
        return sheet;
    }

    static ExcelSheet Goals(PlanComparison comparison)
    {
        var sheet = new ExcelSheet("Mål");
        sheet.AddHeader(
            "Målområde", "Mål A", "Mål B", "Matchning", "Skillnad", "Målets namn i A", "Målets namn i B", "Ändrade ord i namnet",
            "Beskrivning i A", "Beskrivning i B", "Ändrade ord i beskrivningen", "Indikatorer i A", "Indikatorer i B");
        foreach (var area in comparison.GoalAreas)
        {
            var areaName = $"{C.Code(area.LeftCode, area.RightCode)} {C.Marked(area.Name)}".Trim();
            if (area.Goals.Count == 0)
            {
                sheet.Add(ExcelCell.Wrapped(areaName), ExcelCell.Empty, ExcelCell.Empty, ExcelCell.Of(C.Match(area.Match)), ExcelCell.Of(C.Difference(area.Difference)));
                continue;
            }

            foreach (var goal in area.Goals)
            {
                sheet.Add(
                    ExcelCell.Wrapped(areaName),
                    ExcelCell.Of(goal.LeftCode ?? ""),
                    ExcelCell.Of(goal.RightCode ?? ""),
                    ExcelCell.Of(C.Match(goal.Match)),
                    ExcelCell.Of(C.Difference(goal.Difference)),
                    ExcelCell.Wrapped(goal.Name.Left),
                    ExcelCell.Wrapped(goal.Name.Right),
                    ExcelCell.Wrapped(goal.Name.Differs ? C.Marked(goal.Name) : ""),
                    ExcelCell.Wrapped(goal.Description.Left),
                    ExcelCell.Wrapped(goal.Description.Right),
                    ExcelCell.Wrapped(goal.Description.Differs ? C.Marked(goal.Description) : ""),
                    ExcelCell.Wrapped(string.Join(", ", goal.LeftIndicatorCodes)),
                    ExcelCell.Wrapped(string.Join(", ", goal.RightIndicatorCodes)));
            }
        }

        sheet.MaxWidths[0] = 30;
        foreach (var column in new[] { 5, 6, 7 })
        {
            sheet.MaxWidths[column] = 40;
        }

        foreach (var column in new[] { 8, 9, 10 })
        {
            sheet.MaxWidths[column] = 50;
        }

        sheet.MaxWidths[11] = 25;
        sheet.MaxWidths[12] = 25;
        return sheet;
    }

    /// <summary>
    /// One row per indicator and year. The målvärden and their difference are numbers rounded to the indicator's
    /// decimals and shown with its unit; the difference (B − A) is taken between the figures as shown, so the sheet adds
    /// up, and is left empty where either side's målvärde is a band (its text says so in the columns beside).
    /// </summary>
    static ExcelSheet Indicators(PlanComparison comparison)
    {
        var sheet = new ExcelSheet("Indikatorer");
        sheet.AddHeader(
            "Indikator", "Namn", "Enhet", "Mål i A", "Mål i B", "Skillnad", "År", "Målvärde A", "Målvärde B", "Skillnad B − A",
            "Målvärde A enligt planen", "Målvärde B enligt planen", "Målvärde A är ett exempel", "Målvärde B är ett exempel",
            "Senaste utfall", "Utfallets period", "Status mot A", "Status mot B", "Förklaring mot A", "Förklaring mot B", "Demodata");
        foreach (var indicator in comparison.Indicators)
        {
            var shown = new ExcelNumberFormat(indicator.Decimals, indicator.Unit);
            var difference = ExcelNumberFormat.Difference(indicator.Decimals, indicator.Unit);
            IEnumerable<ComparedTarget?> targets = indicator.Targets.Count == 0 ? [null] : indicator.Targets.OrderBy(t => t.Year);
            foreach (var target in targets)
            {
                var left = target?.LeftValue is { } l ? shown.Round(l) : (decimal?)null;
                var right = target?.RightValue is { } r ? shown.Round(r) : (decimal?)null;
                var change = target?.Difference is not null && left is { } a && right is { } b ? b - a : (decimal?)null;
                sheet.Add(
                    ExcelCell.Of(C.OneLine(indicator.Code)),
                    ExcelCell.Wrapped(C.OneLine(indicator.Name)),
                    ExcelCell.Of(C.OneLine(indicator.Unit)),
                    ExcelCell.Of(C.GoalsOf(comparison, indicator.Code, left: true)),
                    ExcelCell.Of(C.GoalsOf(comparison, indicator.Code, left: false)),
                    ExcelCell.Of(C.Difference(indicator.Difference)),
                    ExcelCell.Of(target is null ? "" : SwedishFormat.Year(target.Year)),
                    ExcelCell.Of(left, shown),
                    ExcelCell.Of(right, shown),
                    ExcelCell.Of(change, difference),
                    ExcelCell.Of(C.OneLine(target?.LeftText)),
                    ExcelCell.Of(C.OneLine(target?.RightText)),
                    ExcelCell.Of(ExampleMark(target?.LeftText, target?.LeftValue, target?.LeftIsExample)),
                    ExcelCell.Of(ExampleMark(target?.RightText, target?.RightValue, target?.RightIsExample)),
                    ExcelCell.Of(C.Outcome(comparison, indicator) ?? ""),
                    ExcelCell.Of(C.OutcomePeriod(comparison, indicator) ?? ""),
                    ExcelCell.Of(C.Status(indicator.Left, "A")),
                    ExcelCell.Of(C.Status(indicator.Right, "B")),
                    ExcelCell.Wrapped(indicator.Left?.Explanation),
                    ExcelCell.Wrapped(indicator.Right?.Explanation),
                    ExcelCell.Of(indicator.IsDemo ? "Ja" : "Nej"));
            }
        }

        sheet.MaxWidths[1] = 45;
        sheet.MaxWidths[14] = 20;
        sheet.MaxWidths[18] = 50;
        sheet.MaxWidths[19] = 50;
        return sheet;
    }

    /// <summary>"Ja" or "Nej" where the side has a målvärde that year; empty where it has none.</summary>
    static string ExampleMark(string? text, decimal? value, bool? isExample) =>
        text is null && value is null ? "" : isExample == true ? "Ja" : "Nej";
}
