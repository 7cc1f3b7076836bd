using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using T = Indicators.Reports.Export.ReportExportTexts;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// A report as a PDF in Swedish, laid out like a region's own follow-up: a title block (report, nämnd or the whole region,
/// plan and version, state, who finalised it when or that it is a draft) with the goals counted by assessment, then per
/// målområde and mål the nämnd's assessment beside the suggested one, the motivation, analysis and actions, and a table
/// of the goal's indicators with the comments under it. Every page has a footer with the report and its state, and
/// "Sida i av N".
/// </summary>
public static partial class ReportPdf
{
    public const string ContentType = "application/pdf";

    /// <summary>
    /// The PDF of a report; for a submitted or finalised nämnd's report with its <paramref name="revision"/> (today's data
    /// and plan against its stored figures) the first page says whether data has been revised since, and lists each change.
    /// </summary>
    public static byte[] Create(ReportDocument document, ReportRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var header = document.Header;
        var pdf = new PdfFile
        {
            Title = $"{header.Title} – {(header.IsRegion ? "Hela regionen" : header.CommitteeName)}",
            Subject = $"Uppföljning av {header.PlanName} ({header.VersionName}): {header.State.SwedishName()}",
            Author = header.OrganisationName,
            Language = "sv-SE",
        };
        var layout = new PdfLayout(pdf);
        TitleBlock(layout, document);
        if (revision is not null)
        {
            Revision(layout, revision);
        }

        foreach (var area in document.Areas)
        {
            // A målområde's heading stays with its first mål's heading and assessment.
            layout.Heading(T.Area(area), 1, area.Goals.Count == 0 ? 0 : 40 + layout.BoxesHeight(Boxes(area.Goals[0])));
            foreach (var goal in area.Goals)
            {
                Goal(layout, header, goal);
            }
        }

        if (!document.Areas.Any())
        {
            layout.Paragraph("Rapporten har inga mål.", muted: true);
        }

        AssignmentPdf.Write(layout, document);
        ActionPlans(layout, document);

        layout.Finish($"{header.Title} · {(header.IsRegion ? "Hela regionen" : header.CommitteeName)} · {header.State.SwedishName()}");
        return pdf.Save();
    }

    static void TitleBlock(PdfLayout layout, ReportDocument document)
    {
        var header = document.Header;
        layout.Heading(header.Title, 0);
        layout.Paragraph(T.Committee(header), size: 13, bold: true);
        layout.Space(4);
        layout.Paragraph($"Plan: {header.PlanName}, {header.VersionName}");
        layout.Paragraph($"Status: {header.State.SwedishName()}");
        layout.Paragraph(T.Finalised(header), bold: true);
        if (T.Decision(header) is { } decision)
        {
            layout.Paragraph(decision, bold: true);
        }

        layout.Paragraph(T.DataRead(header), muted: true);
        layout.Space(6);
        layout.Paragraph("Antal mål per bedömning", bold: true, structure: "H2");
        layout.Table(new PdfTable(
            [new("Bedömning", 2), new("Nämndens bedömning", 1.6, AlignRight: true), new("Föreslagen bedömning", 1.6, AlignRight: true)],
            [.. T.AssessmentCounts(document).Select(row => (IReadOnlyList<PdfCell>)[
                new PdfCell(row.Label, Bold: row.Label == "Totalt"),
                new PdfCell(Count(row.Own), Bold: row.Label == "Totalt"),
                new PdfCell(row.Label == T.NotAssessed ? "" : Count(row.Suggested), Bold: row.Label == "Totalt")])]));
    }

    /// <summary>The revision notice: the stored report is unchanged, and what today's data and plan say differently.</summary>
    static void Revision(PdfLayout layout, ReportRevision revision)
    {
        layout.Space(4);
        layout.Boxes([new PdfBox(revision.HasChanges ? "Reviderade uppgifter" : "Inga reviderade uppgifter", revision.Summary)]);
        if (revision.HasChanges)
        {
            layout.Table(new PdfTable(
                [new("Mål", 0.6), new("Indikator", 3), new("Uppgift", 0.9), new("Då → nu", 2.6), new("Status då → nu", 2.2)],
                [.. revision.Changes.Select(c => (IReadOnlyList<PdfCell>)[
                    c.GoalCode, c.IndicatorName, c.What, c.Describe(),
                    !c.HasStatus ? "–" : c.StatusBefore == c.StatusNow ? c.StatusNow.Label() : $"{c.StatusBefore.Label()} → {c.StatusNow.Label()}"])]));
        }
    }

    static string Count(int value) => value.ToString(SwedishFormat.Culture);

    static void Goal(PdfLayout layout, ReportHeader header, ReportGoal goal)
    {
        var boxes = Boxes(goal);
        layout.Heading(T.Goal(goal), 2, layout.BoxesHeight(boxes) + 30);
        if (header.IsRegion && goal.CommitteeName is { } committee)
        {
            layout.Paragraph($"Ansvarig nämnd: {committee}{T.CommitteeReport(goal)}", muted: true);
        }

        layout.Boxes(boxes);
        if (new[] { goal.Texts.Motivation, goal.Texts.Analysis, goal.Texts.Actions }.All(string.IsNullOrWhiteSpace))
        {
            layout.Paragraph("Motivering, analys och åtgärder är inte ifyllda.", muted: true);
        }
        else
        {
            Text(layout, "Motivering", goal.Texts.Motivation);
            Text(layout, "Analys", goal.Texts.Analysis);
            Text(layout, "Åtgärder", goal.Texts.Actions);
        }
        SubGoals(layout, header, goal);
        if (goal.Indicators.Count == 0)
        {
            layout.Paragraph("Målet har inga indikatorer.", muted: true);
            return;
        }

        layout.Space(2);
        layout.Table(IndicatorTable(header.Kind, goal));
        var notes = goal.Indicators
            .SelectMany(i => new[] { (i.Name, i.Comment.Text), (i.Name, i.GenderNote ?? "") })
            .Where(n => !string.IsNullOrWhiteSpace(n.Item2))
            .ToList();
        if (notes.Count > 0)
        {
            layout.EnsureSpace(4 * layout.TableSize);
            layout.Paragraph("Kommentarer", size: layout.TableSize + 0.5, bold: true, structure: "H4");
            foreach (var (name, text) in notes)
            {
                layout.Paragraph($"{name}: {text}", size: layout.TableSize + 0.5, indent: 8);
            }
        }

        // Each indicator's chart, two side by side.
        foreach (var pair in goal.Indicators.Where(IndicatorChart.HasChart).Chunk(2))
        {
            layout.Figures([.. pair.Select(i => IndicatorChart.Figure(header, i))], IndicatorChart.Height, columns: 2);
        }
    }

    /// <summary>The nämnd's assessment beside the suggested one (and in an årsrapport the delårsrapport's), text and shape.</summary>
    static List<PdfBox> Boxes(ReportGoal goal)
    {
        var boxes = new List<PdfBox>
        {
            new("Nämndens bedömning", T.Assessment(goal.Texts.Assessed),
                goal.CommitteeReportState == ReportState.Open && goal.Texts.Assessed is not null ? T.DraftNote
                : goal.DiffersFromSuggestion ? "Avviker från den föreslagna bedömningen." : null),
            new("Föreslagen bedömning (från indikatorerna)", T.Assessment(goal.Suggested), goal.SuggestedExplanation),
        };
        if (goal.InterimAssessment is { } interim)
        {
            boxes.Add(new("Delårsrapportens bedömning", T.Assessment(interim.Assessment), T.InterimSource(interim)));
        }

        return boxes;
    }

    static void Text(PdfLayout layout, string label, string text)
    {
        var empty = string.IsNullOrWhiteSpace(text);
        layout.Labelled(label, empty ? "Ej ifyllt." : text, muted: empty);
    }

    static PdfTable IndicatorTable(ReportKind kind, ReportGoal goal)
    {
        var columns = new List<PdfColumn>
        {
            new("Indikator", 2.75),
            new("Målvärde", 1.25, AlignRight: true),
            new("Utfall", 1.25, AlignRight: true),
            new("Status", 1.65),
            new("Trend", 1.5),
            // K and M wide enough for "119 511" on one line (a number split over two lines reads as two numbers), the indicator for
            // "Nettokostnadsutveckling" (a Swedish compound has no place to break).
            new("K", 0.95, AlignRight: true),
            new("M", 0.95, AlignRight: true),
            new(kind == ReportKind.Interim ? "Prognos helår" : "Prognos i delår", 1.3, AlignRight: true),
        };
        var rows = goal.Indicators.Select(i => (IReadOnlyList<PdfCell>)[
            new PdfCell(i.Name, IndicatorNote(i)),
            new PdfCell(ShortUnit(i) ? i.TargetText : i.TargetText.Replace($"\u00A0{i.Unit}", "", StringComparison.Ordinal), i.TargetIsExample ? "exempel" : null),
            new PdfCell(Value(i.Outcome, i), T.OutcomePeriod(i)),
            new PdfCell(i.Status.Label()),
            new PdfCell(T.Trend(i.Trend)),
            new PdfCell(i.GenderSplit ? Value(i.Women, i) : ""),
            new PdfCell(i.GenderSplit ? Value(i.Men, i) : ""),
            Forecast(kind, i),
        ]).ToList();
        return new PdfTable(columns, rows);
    }

    /// <summary>A unit short enough to stand beside every number in a narrow column ("%", "mnkr"); a longer one is named once.</summary>
    static bool ShortUnit(ReportIndicator indicator) => indicator.Unit.Length <= 4 && !indicator.Unit.Contains(' ', StringComparison.Ordinal);

    /// <summary>A value as the indicator table shows it: "84,3 %", "1 351" (its unit named under the indicator), or "–".</summary>
    public static string Value(decimal? value, ReportIndicator indicator) =>
        ShortUnit(indicator) ? T.Value(value, indicator) : value is { } v ? SwedishFormat.Number(v, indicator.Decimals) : T.None;

    /// <summary>Under the indicator's name: its unit when the numbers do not carry it, and whether it is split by gender.</summary>
    static string? IndicatorNote(ReportIndicator indicator)
    {
        var notes = new List<string>();
        if (!ShortUnit(indicator))
        {
            notes.Add($"Enhet: {indicator.Unit}");
        }

        if (indicator.GenderSplit)
        {
            notes.Add("Redovisas för kvinnor och män");
        }

        return notes.Count == 0 ? null : string.Join(". ", notes);
    }

    static PdfCell Forecast(ReportKind kind, ReportIndicator indicator) => kind == ReportKind.Interim
        ? indicator.Forecast is { } forecast ? new PdfCell(Value(forecast.Value, indicator), forecast.Status.Label()) : new PdfCell(T.None)
        : indicator.InterimForecast is { } interim ? new PdfCell(Value(interim.Value, indicator), interim.Status.Label()) : new PdfCell(T.None);
}
