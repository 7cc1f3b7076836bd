using System.Diagnostics;
using System.Text;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// Each indicator's chart in the PDF, read back through the document's structure (PdfPig): a Figure with a Swedish text
/// alternative, whose one run of marked content on one page holds the drawing; vector graphics, no image; rendered by
/// poppler without complaint.
/// </summary>
public class ReportPdfChartTests
{
    /// <summary>A Figure of the structure tree: its /Alt, and the page and MCID of each run of its content.</summary>
    sealed record FigureTag(string? Alt, IReadOnlyList<(int Page, int Mcid)> Content);

    static List<FigureTag> Figures(PdfDocument pdf)
    {
        IToken Resolve(IToken token) => token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        // Our page tree is flat: the pages' references in order.
        var pages = ((ArrayToken)((DictionaryToken)Resolve(catalog.Data["Pages"])).Data["Kids"]).Data
            .Select((kid, i) => (((IndirectReferenceToken)kid).Data, Number: i + 1))
            .ToDictionary(p => p.Data, p => p.Number);
        var figures = new List<FigureTag>();
        void Walk(DictionaryToken element)
        {
            var kids = element.TryGet(NameToken.K, out var k) ? Resolve(k) : null;
            var list = kids is ArrayToken array ? array.Data.Select(Resolve).ToList() : kids is null ? [] : [kids];
            if (element.TryGet(NameToken.S, out var s) && s is NameToken { Data: "Figure" })
            {
                var alt = element.TryGet(NameToken.Create("Alt"), out var a) ? Text(Resolve(a)) : null;
                var content = list.OfType<DictionaryToken>()
                    .Select(mcr => (pages[((IndirectReferenceToken)mcr.Data["Pg"]).Data], ((NumericToken)mcr.Data["MCID"]).Int))
                    .ToList();
                figures.Add(new FigureTag(alt, content));
                return;
            }

            foreach (var kid in list.OfType<DictionaryToken>().Where(d => d.ContainsKey(NameToken.S)))
            {
                Walk(kid);
            }
        }

        var root = (DictionaryToken)Resolve(catalog.Data["StructTreeRoot"]);
        Walk((DictionaryToken)Resolve(((ArrayToken)root.Data["K"]).Data[0]));
        return figures;
    }

    static string Text(IToken token) => token switch
    {
        HexToken hex when hex.Bytes.ToArray() is [0xFE, 0xFF, .. var utf16] => Encoding.BigEndianUnicode.GetString(utf16),
        StringToken text => text.Data,
        _ => throw new InvalidOperationException($"Not a text string: {token}"),
    };

    [Fact]
    public void Each_indicator_with_outcomes_has_a_chart_tagged_as_a_Figure_whose_Swedish_text_alternative_names_the_series()
    {
        using var pdf = PdfDocument.Open(ReportPdf.Create(HandBuiltReport.Document()));

        var figures = Figures(pdf);

        // The waiting time and the costs have outcomes; satisfaction has none, so no chart.
        Assert.Equal(2, figures.Count);
        Assert.Equal(
            Words("Diagram: Andel patienter som fått besök inom 90 dagar jan–aug 2021–2026, senast 84,3 % (jan–aug 2026), "
                + "målvärden 88,0 % (2025), 90,0 % (2026) och 92,0 % (2027), prognos helår 2026 86,4 %."),
            Words(figures[0].Alt ?? ""));
        Assert.Equal(
            Words("Diagram: Nettokostnadsutveckling 2021–2025, senast −412 mnkr (2025), målvärden −335 mnkr (2025, exempel) och −300 mnkr (2026, exempel)."),
            Words(figures[1].Alt ?? ""));
    }

    [Fact]
    public void A_chart_is_one_run_of_the_Figures_content_on_one_page_with_its_lines_axes_and_legend_and_no_image()
    {
        using var pdf = PdfDocument.Open(ReportPdf.Create(HandBuiltReport.Document(ReportKind.Annual, ReportState.Finalised)));

        var figures = Figures(pdf);

        Assert.Equal(2, figures.Count);
        foreach (var figure in figures)
        {
            var (pageNumber, mcid) = Assert.Single(figure.Content);
            var marked = pdf.GetPage(pageNumber).GetMarkedContents().Single(m => m.MarkedContentIdentifier == mcid);
            Assert.Equal("Figure", marked.Tag);
            // Frame, grid lines, axis, ticks, the target step, the outcome line, its markers and the legend's samples.
            Assert.True(marked.Paths.Count >= 15, $"{marked.Paths.Count} paths");
            var text = string.Concat(marked.Letters.Select(l => l.Value));
            Assert.Contains("2025", text, StringComparison.Ordinal);
            Assert.Contains("Utfall", text, StringComparison.Ordinal);
            Assert.Contains("Målvärde", text, StringComparison.Ordinal);
        }

        var waiting = string.Concat(pdf.GetPage(figures[0].Content[0].Page).GetMarkedContents()
            .Single(m => m.MarkedContentIdentifier == figures[0].Content[0].Mcid).Letters.Select(l => l.Value));
        Assert.Contains("Delårsrapportens prognos 2025", waiting, StringComparison.Ordinal);
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Empty(page.GetImages());
            var resources = page.Dictionary.TryGet(NameToken.Resources, out var token) ? token : null;
            Assert.False(resources is DictionaryToken dictionary && dictionary.ContainsKey(NameToken.Xobject));
        });
    }

    /// <summary>The strokes of the first chart in a colour (RGB 0–255): whether each is dashed.</summary>
    static List<bool> Strokes(byte[] pdfBytes, (int R, int G, int B) colour)
    {
        using var pdf = PdfDocument.Open(pdfBytes);
        var (page, mcid) = Figures(pdf)[0].Content[0];
        return [.. pdf.GetPage(page).GetMarkedContents().Single(m => m.MarkedContentIdentifier == mcid).Paths
            .Where(p => p.IsStroked && !p.IsFilled && p.StrokeColor?.ToRGBValues() is var (r, g, b)
                && ((int)Math.Round(r * 255), (int)Math.Round(g * 255), (int)Math.Round(b * 255)) == colour)
            .Select(p => p.LineDashPattern is { Array.Count: > 0 })];
    }

    [Fact]
    public void The_outcomes_are_a_solid_line_broken_where_a_year_has_none_and_the_målvärde_a_dashed_one()
    {
        var document = HandBuiltReport.Document(ReportKind.Annual);
        var outcomes = (0x1F, 0x4E, 0x79);
        var target = (0x8A, 0x5A, 0x00);

        // The line and the legend's sample; the målvärde's step line (one run of plan years) and its sample, dashed.
        Assert.Equal([false, false], Strokes(ReportPdf.Create(document), outcomes));
        Assert.Equal([true, true], Strokes(ReportPdf.Create(document), target));

        var area = document.Areas[0];
        var goal = area.Goals[0];
        var waiting = goal.Indicators[0];
        var gap = waiting with { History = waiting.History! with { Outcomes = [.. waiting.History.Outcomes.Where(p => p.Period.Year != 2022)] } };
        document = document with { Areas = [area with { Goals = [goal with { Indicators = [gap, .. goal.Indicators.Skip(1)] }] }, .. document.Areas.Skip(1)] };

        Assert.Equal([false, false, false], Strokes(ReportPdf.Create(document), outcomes));
    }

    [Fact]
    public void Poppler_renders_the_charts_without_complaint()
    {
        var folder = Directory.CreateTempSubdirectory("report-chart-");
        try
        {
            var path = Path.Combine(folder.FullName, "rapport.pdf");
            File.WriteAllBytes(path, ReportPdf.Create(HandBuiltReport.Document()));
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-r", "110", "-png", path, Path.Combine(folder.FullName, "sida") })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "pdftoppm did not finish");
            Assert.Equal((0, ""), (process.ExitCode, error));
            Assert.NotEmpty(Directory.GetFiles(folder.FullName, "sida*.png"));
            if (Environment.GetEnvironmentVariable("REPORT_CHART_PNG_FOLDER") is { Length: > 0 } keep)
            {
                // To look at the charts: REPORT_CHART_PNG_FOLDER=/tmp/charts dotnet test … --filter Poppler_renders_the_charts
                Directory.CreateDirectory(keep);
                foreach (var png in Directory.GetFiles(folder.FullName, "sida*.png"))
                {
                    File.Copy(png, Path.Combine(keep, Path.GetFileName(png)), overwrite: true);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
