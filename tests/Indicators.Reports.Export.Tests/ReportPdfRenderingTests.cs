using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;
using Indicators.Reports.Export.Pdf;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// The files as other programs take them: poppler (pdftoppm, pdffonts; tests/run.sh installs poppler-utils) renders the
/// PDF without a complaint and finds its fonts embedded, subset and mapped to Unicode; the Open XML SDK's validator finds
/// nothing wrong in the workbook.
/// </summary>
public class ReportPdfRenderingTests
{
    static (int Exit, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish");
        return (process.ExitCode, output.Result, error);
    }

    [Fact]
    public void Poppler_renders_every_page_without_complaint_and_finds_the_fonts_embedded_as_subsets_with_Unicode_maps()
    {
        var folder = Directory.CreateTempSubdirectory("report-pdf-");
        try
        {
            var path = Path.Combine(folder.FullName, "rapport.pdf");
            File.WriteAllBytes(path, ReportPdf.Create(HandBuiltReport.Document(ReportKind.Annual, ReportState.Finalised)));

            var fonts = Run("pdffonts", path);
            Assert.Equal((0, ""), (fonts.Exit, fonts.Error));
            var rows = fonts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Matches(@"^[A-Z]{6}\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes", r));

            var render = Run("pdftoppm", "-r", "30", "-gray", path, Path.Combine(folder.FullName, "sida"));
            Assert.Equal((0, ""), (render.Exit, render.Error));
            var pages = Directory.GetFiles(folder.FullName, "sida*.pgm").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(2, pages.Count);
            // The full first page is well inked; the short last one has some text besides its footer.
            Assert.InRange(InkShare(File.ReadAllBytes(pages[0])), 0.01, 0.5);
            Assert.InRange(InkShare(File.ReadAllBytes(pages[1])), 0.003, 0.5);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Poppler_reads_the_PDF_as_tagged_with_headings_paragraphs_and_tables_whose_header_cells_name_the_columns()
    {
        var folder = Directory.CreateTempSubdirectory("report-pdf-");
        try
        {
            var path = Path.Combine(folder.FullName, "rapport.pdf");
            var document = HandBuiltReport.Document(ReportKind.Interim, ReportState.Finalised);
            File.WriteAllBytes(path, ReportPdf.Create(document));

            var info = Run("pdfinfo", path);
            Assert.Equal((0, ""), (info.Exit, info.Error));
            Assert.Matches(@"(?m)^Tagged:\s+yes$", info.Output);
            var structure = Run("pdfinfo", "-struct-text", path);
            Assert.Equal((0, ""), (structure.Exit, structure.Error));
            var tree = structure.Output;

            // The title, målområde and mål are headings of three levels, in reading order.
            var goal = document.Areas.SelectMany(a => a.Goals).First(g => g.Indicators.Count > 0);
            var title = tree.IndexOf($"\"{document.Header.Title}\"", StringComparison.Ordinal);
            var area = tree.IndexOf("H2", StringComparison.Ordinal);
            var goalHeading = tree.IndexOf($"\"{goal.Code} {goal.Name}\"", StringComparison.Ordinal);
            Assert.True(title > 0 && title < area && area < goalHeading, tree);
            Assert.Contains("H1", tree[..title], StringComparison.Ordinal);
            Assert.Matches(@"H3[^\n]*\n\s*""" + System.Text.RegularExpressions.Regex.Escape($"{goal.Code} {goal.Name}") + "\"", tree);

            // Motivering, analys and åtgärder head their texts.
            Assert.Matches(@"H4[^\n]*\n\s*""Motivering""\s*\n\s*P[^\n]*\n\s*""" + System.Text.RegularExpressions.Regex.Escape(goal.Texts.Motivation) + "\"", tree);

            // The indicator table: header cells with column scope, and a data cell holding the outcome as shown.
            var indicator = goal.Indicators[0];
            Assert.Matches(@"TH:\s*\n\s*/Scope /Column\s*\n\s*""Utfall""", tree);
            Assert.Contains($"\"{ReportPdf.Value(indicator.Outcome, indicator)}\"", tree[goalHeading..], StringComparison.Ordinal);
            Assert.Contains("TD", tree[goalHeading..], StringComparison.Ordinal);

            // Page footers are artifacts, not content.
            Assert.DoesNotContain("Sida 1 av", tree, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The share of dark pixels in a binary greyscale PGM ("P5 width height 255", then a byte a pixel).</summary>
    static double InkShare(byte[] pgm)
    {
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            fields.Add(Encoding.ASCII.GetString(pgm, start, at - start));
        }

        Assert.Equal("P5", fields[0]);
        var pixels = pgm.AsSpan(at + 1);
        var dark = 0;
        foreach (var pixel in pixels)
        {
            dark += pixel < 128 ? 1 : 0;
        }

        return (double)dark / pixels.Length;
    }

    [Fact]
    public void The_Open_XML_validator_finds_nothing_wrong_in_the_workbook()
    {
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            using var stream = new MemoryStream(ReportWorkbook.Create(HandBuiltReport.Document(kind, ReportState.Finalised)));
            using var document = SpreadsheetDocument.Open(stream, false);

            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

            Assert.True(errors.Count == 0, string.Join('\n', errors));
        }
    }
}
