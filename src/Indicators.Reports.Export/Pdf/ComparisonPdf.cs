using Indicators.Core.Comparison;
using Indicators.Core.Formatting;
using C = Indicators.Reports.Export.ComparisonExportTexts;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// A comparison of two plan versions as a tagged PDF in Swedish (issue 21): a title block (A and B with their kind,
/// organisation and years, the follow-up period, today's outcomes counted under each as boxes and as a table), then per
/// målområde and mål what differs, the two texts stacked and the words that differ marked <c>[−…]</c> (only in A) and
/// <c>[+…]</c> (only in B), so the difference is in the text and not in a colour; then the målvärden per indicator and
/// year with their difference, and today's outcome judged against each side in words with the dashboard's explanations.
/// </summary>
public static class ComparisonPdf
{
    public const string ContentType = ReportPdf.ContentType;

    public static byte[] Create(PlanComparison comparison, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var pdf = new PdfFile
        {
            Title = $"Jämförelse: {C.OneLine(comparison.Left.Title)} och {C.OneLine(comparison.Right.Title)}",
            Subject = $"Jämförelse av planversioner, {comparison.Period.SwedishName}",
            Author = C.OneLine(comparison.Right.OrganisationName),
            Language = "sv-SE",
        };
        var layout = new PdfLayout(pdf);
        TitleBlock(layout, comparison, madeAt);
        layout.Heading("Målområden och mål", 1);
        foreach (var area in comparison.GoalAreas)
        {
            Area(layout, area);
        }

        if (comparison.GoalAreas.Count == 0)
        {
            layout.Paragraph("Ingen av versionerna har några mål.", muted: true);
        }

        Indicators(layout, comparison);
        layout.Finish($"Jämförelse {C.OneLine(comparison.Left.VersionName)} (A) och {C.OneLine(comparison.Right.VersionName)} (B) · {comparison.Period.SwedishName}");
        return pdf.Save();
    }

    static void TitleBlock(PdfLayout layout, PlanComparison comparison, DateTimeOffset madeAt)
    {
        layout.Heading("Jämförelse av planversioner", 0);
        foreach (var (letter, side) in new[] { ("A", comparison.Left), ("B", comparison.Right) })
        {
            layout.Paragraph(C.Side(letter, side), size: 12, bold: true);
            layout.Paragraph(C.SideFacts(side), muted: true, indent: 14);
        }

        layout.Paragraph($"Uppföljningsperiod: {comparison.Period.SwedishName} · Skapad {SwedishFormat.Time(madeAt)}");
        if (comparison.HasDemoData)
        {
            layout.Paragraph(C.DemoNote, bold: true);
        }

        layout.Space(4);
        layout.Boxes([
            new PdfBox($"Under A ({C.OneLine(comparison.Left.VersionName)})", comparison.LeftCounts.Summary, C.Counts(comparison.LeftCounts)),
            new PdfBox($"Under B ({C.OneLine(comparison.Right.VersionName)})", comparison.RightCounts.Summary, C.Counts(comparison.RightCounts)),
        ]);
        layout.Paragraph("Dagens utfall bedömda mot varje versions målvärden", bold: true, structure: "H2");
        layout.Table(new PdfTable(
            [new("Status", 2), new("Antal under A", 1.4, AlignRight: true), new("Antal under B", 1.4, AlignRight: true)],
            [.. C.CountRows(comparison).Select(row => (IReadOnlyList<PdfCell>)[
                new PdfCell(row.Label, Bold: row.Label == "Totalt"),
                new PdfCell(Count(row.Left), Bold: row.Label == "Totalt"),
                new PdfCell(Count(row.Right), Bold: row.Label == "Totalt")])]));
        layout.Paragraph(C.Legend, muted: true);
    }

    static string Count(int value) => value.ToString(SwedishFormat.Culture);

    static void Area(PdfLayout layout, ComparedGoalArea area)
    {
        var code = C.Code(area.LeftCode, area.RightCode);
        layout.Heading($"Målområde {code} {C.Current(area.Name)}".Trim(), 2, 60);
        layout.Paragraph(Facts(area.Difference, area.Match), muted: true);
        if (area.Difference == Difference.Changed && area.Name.Differs)
        {
            Texts(layout, "Namnet", area.Name);
        }

        foreach (var goal in area.Goals)
        {
            Goal(layout, goal);
        }
    }

    static string Facts(Difference difference, MatchKind match) =>
        match == MatchKind.None ? C.Difference(difference) : $"{C.Difference(difference)} · {C.Match(match).ToLower(SwedishFormat.Culture)}";

    static void Goal(PdfLayout layout, ComparedGoal goal)
    {
        layout.Heading($"{C.Code(goal.LeftCode, goal.RightCode)} {C.Current(goal.Name)}".Trim(), 3, 40);
        layout.Paragraph(Facts(goal.Difference, goal.Match), bold: goal.Difference != Difference.Same);
        if (goal.Difference == Difference.Changed && goal.Name.Differs)
        {
            Texts(layout, "Målets namn", goal.Name);
        }

        if (goal.Description.Differs && goal.Difference == Difference.Changed)
        {
            Texts(layout, "Beskrivningen", goal.Description);
        }
        else if (!string.IsNullOrWhiteSpace(goal.Description.Right ?? goal.Description.Left))
        {
            layout.Paragraph(C.Current(goal.Description), muted: true);
        }

        var left = string.Join(", ", goal.LeftIndicatorCodes);
        var right = string.Join(", ", goal.RightIndicatorCodes);
        if (left.Length + right.Length > 0)
        {
            layout.Paragraph(left == right ? $"Indikatorer: {left}" : $"Indikatorer i A: {(left.Length == 0 ? "inga" : left)} · i B: {(right.Length == 0 ? "inga" : right)}",
                size: layout.TableSize + 0.5, muted: true);
        }
    }

    /// <summary>Both texts stacked, then the difference with its markers.</summary>
    static void Texts(PdfLayout layout, string what, ComparedText text)
    {
        layout.Labelled($"{what} i A", text.Left ?? "(saknas)");
        layout.Labelled($"{what} i B", text.Right ?? "(saknas)");
        layout.Labelled("Skillnad", C.Marked(text));
    }

    static void Indicators(PdfLayout layout, PlanComparison comparison)
    {
        layout.Heading("Indikatorer och målvärden", 1);
        if (comparison.Indicators.Count == 0)
        {
            layout.Paragraph("Ingen av versionerna har några indikatorer.", muted: true);
            return;
        }

        layout.Paragraph("Målvärden per år", bold: true, structure: "H2");
        var rows = new List<IReadOnlyList<PdfCell>>();
        foreach (var indicator in comparison.Indicators)
        {
            var first = true;
            foreach (var target in indicator.Targets.OrderBy(t => t.Year))
            {
                rows.Add([
                    first ? new PdfCell($"{indicator.Code} {indicator.Name}", C.Difference(indicator.Difference)) : new PdfCell(indicator.Code),
                    SwedishFormat.Year(target.Year),
                    C.Target(target.LeftText, target.LeftIsExample),
                    C.Target(target.RightText, target.RightIsExample),
                    target.Difference is { } d ? C.WithSign(d, indicator.Decimals) : "–",
                ]);
                first = false;
            }

            if (first)
            {
                rows.Add([new PdfCell($"{indicator.Code} {indicator.Name}", C.Difference(indicator.Difference)), "", "–", "–", "–"]);
            }
        }

        layout.Table(new PdfTable(
            [new("Indikator", 3.4), new("År", 0.7), new("Målvärde A", 1.6, AlignRight: true), new("Målvärde B", 1.6, AlignRight: true),
                new("Skillnad B − A", 1.2, AlignRight: true)],
            rows));

        layout.Paragraph("Dagens utfall bedömt mot A och B", bold: true, structure: "H2");
        layout.Table(new PdfTable(
            [new("Indikator", 2.6), new("Senaste utfall", 1.3, AlignRight: true), new("Status mot A", 2.4), new("Status mot B", 2.4)],
            [.. comparison.Indicators.Select(i => (IReadOnlyList<PdfCell>)[
                new PdfCell($"{i.Code} {i.Name}", i.IsDemo ? "demodata" : null),
                new PdfCell(C.Outcome(comparison, i) ?? "–", C.OutcomePeriod(comparison, i)),
                new PdfCell(C.Status(i.Left, "A"), i.Left?.Explanation),
                new PdfCell(C.Status(i.Right, "B"), i.Right?.Explanation)])]));
    }
}
