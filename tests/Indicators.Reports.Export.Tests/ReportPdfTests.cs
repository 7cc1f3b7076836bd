using System.Text;
using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Reports.Export.Pdf;
using UglyToad.PdfPig;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

public class ReportPdfTests
{
    [Fact]
    public void Every_part_of_an_interim_report_is_in_the_PDF_text_in_Swedish()
    {
        var document = HandBuiltReport.Document();

        var text = PdfText(ReportPdf.Create(document));

        foreach (var expected in new[]
        {
            "Delårsrapport 2026 (jan–aug)", "Hälso- och sjukvårdsnämnden", "Plan: Regionplan 2025–2027, Fastställd plan",
            "Status: Öppen", "Utkast – inte fastställd", "Uppgifterna är lästa 2026-09-14 10:30",
            "Målområde 2 En hälsofrämjande hälso- och sjukvård", "2.1 Vården är tillgänglig och jämlik",
            "Nämndens bedömning ◐ Delvis uppfyllt", "Föreslagen bedömning (från indikatorerna) ● Uppfyllt",
            "1 av 2 bedömbara indikatorer uppnår sitt målvärde.", "Avviker från den föreslagna bedömningen.",
            "Motivering " + HandBuiltReport.Motivation, "Analys " + HandBuiltReport.Analysis, "Åtgärder " + HandBuiltReport.Actions,
            "Indikator Målvärde Utfall Status Trend K M Prognos helår",
            "Andel patienter som fått besök inom 90 dagar Redovisas för kvinnor och män 90,0 % 84,3 % 2026 jan–aug ◐ Delvis uppnått ▲ Bättre 86,5 % 81,8 % 86,4 % ◐ Delvis uppnått",
            "Nettokostnadsutveckling −335 mnkr exempel −412 mnkr 2025 (senast publicerade) ✕ Ej uppnått ▼ Sämre",
            "Kommentarer Andel patienter som fått besök inom 90 dagar: Siffran för augusti är preliminär.",
            "Nöjd kund-index, vårdcentraler: Uppgift för kvinnor och män saknas för 2026 jan–aug.",
            "2.2 Patienterna är nöjda", "Ej bedömt", "? Kan ej bedömas", "Motivering, analys och åtgärder är inte ifyllda.",
            "Ekonomi som förutsättning E1 God ekonomisk hushållning", "Målet har inga indikatorer.",
        })
        {
            Assert.Contains(Words(expected), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Målområde E", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_six_digit_count_for_women_and_men_stays_on_one_line()
    {
        var document = HandBuiltReport.Document();
        var area = document.Areas[0];
        var goal = area.Goals[0];
        var population = HandBuiltReport.Waiting(ReportKind.Interim) with { Name = "Folkmängd", Unit = "antal", Decimals = 0, Outcome = 241_610m, Women = 119_511m, Men = 122_099m };
        document = document with { Areas = [area with { Goals = [goal with { Indicators = [population] }] }, .. document.Areas.Skip(1)] };

        using var pdf = PdfDocument.Open(ReportPdf.Create(document));

        // The text is drawn cell by cell, so it reads "119 511" even when wrapped: the digits' baselines tell.
        var letters = pdf.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.Value != "\u00A0").ToList();
        var digits = string.Concat(letters.Select(l => l.Value));
        foreach (var count in new[] { "119511", "122099" })
        {
            var at = digits.IndexOf(count, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{count} is not in the PDF");
            Assert.Single(letters.Skip(at).Take(count.Length).Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct());
        }
    }

    [Fact]
    public void The_title_block_counts_the_goals_by_the_nämnds_and_the_suggested_assessment()
    {
        var text = PdfPages(ReportPdf.Create(HandBuiltReport.Document()))[0];

        Assert.Contains("Bedömning Nämndens bedömning Föreslagen bedömning ● Uppfyllt 0 1 ◐ Delvis uppfyllt 1 0 ✕ Ej uppfyllt 1 1 ? Kan ej bedömas 0 1 Ej bedömt 1 Totalt 3 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finalised_report_says_who_finalised_it_and_when_on_its_first_page_and_its_state_in_every_footer()
    {
        var pages = PdfPages(ReportPdf.Create(HandBuiltReport.Document(state: ReportState.Finalised, motivation: LongText(900))));

        // 12:05 UTC on 30 September is 14:05 in Stockholm (summer time).
        Assert.Contains("Status: Fastställd Fastställd 2026-09-30 14:05 av Åsa Öberg", pages[0], StringComparison.Ordinal);
        Assert.Contains("och är de som rapporten fastställdes med. Senare inläsningar och planändringar ändrar dem inte.", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast", string.Join(' ', pages), StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Contains("Delårsrapport 2026 (jan–aug) · Hälso- och sjukvårdsnämnden · Fastställd", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_under_review_reads_as_submitted_and_lists_a_changed_malvarde_with_its_status_and_K_without_one()
    {
        var revision = new ReportRevision(6, [
            new RevisedValue("2.1", 11, "Andel patienter som fått besök inom 90 dagar", "Målvärde", null, null, null, null,
                AttainmentStatus.PartlyAchieved, AttainmentStatus.NotAchieved, 1, "%", TextBefore: "92,0\u00A0%", TextNow: "93,0\u00A0%"),
            new RevisedValue("2.1", 11, "Andel patienter som fått besök inom 90 dagar", "Kvinnor", "2026 jan–aug", 80m, "2026 jan–aug", 81m,
                AttainmentStatus.PartlyAchieved, AttainmentStatus.NotAchieved, 1, "%", HasStatus: false),
        ], ReportState.UnderReview);

        var page = PdfPages(ReportPdf.Create(HandBuiltReport.Document(state: ReportState.UnderReview), revision))[0];

        Assert.Contains(", när rapporten skickades till granskning. Det som ändrats sedan redovisas som revidering.", page, StringComparison.Ordinal);
        Assert.Contains(Words($"Reviderade uppgifter {revision.Summary}"), page, StringComparison.Ordinal);
        Assert.Contains("Målvärde 92,0 % → 93,0 % ◐ Delvis uppnått → ✕ Ej uppnått", page, StringComparison.Ordinal);
        Assert.Contains("Kvinnor 80,0 % → 81,0 % (+1,0) –", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finalised_report_with_revised_data_says_so_on_its_first_page_and_lists_each_change()
    {
        var document = HandBuiltReport.Document(state: ReportState.Finalised);
        var revision = HandBuiltReport.Revision();

        var pages = PdfPages(ReportPdf.Create(document, revision));

        Assert.Contains(Words($"Reviderade uppgifter {revision.Summary}"), pages[0], StringComparison.Ordinal);
        Assert.Contains("Mål Indikator Uppgift Då → nu Status då → nu 2.1 Andel patienter som fått besök inom 90 dagar Utfall 84,3 % → 79,5 % (−4,8) ◐ Delvis uppnått → ✕ Ej uppnått", pages[0], StringComparison.Ordinal);
        Assert.Contains("Inga reviderade uppgifter Inga uppgifter har reviderats sedan rapportens siffror lästes (5 värden jämförda).",
            PdfText(ReportPdf.Create(document, new ReportRevision(5, []))), StringComparison.Ordinal);
        Assert.DoesNotContain("reviderade", PdfText(ReportPdf.Create(document)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_long_motivation_wraps_within_the_margins_and_runs_onto_the_next_pages_every_page_numbered()
    {
        var motivation = LongText(1500);

        var pdf = ReportPdf.Create(HandBuiltReport.Document(motivation: motivation));

        var pages = PdfPages(pdf);
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        var footer = "Delårsrapport 2026 (jan–aug) · Hälso- och sjukvårdsnämnden · Öppen";
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.EndsWith($"{footer} Sida {i + 1} av {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        var body = string.Join(' ', pages.Select((p, i) => p[..^$" {footer} Sida {i + 1} av {pages.Count}".Length]));
        Assert.Contains(Words("Motivering " + motivation + " Analys " + HandBuiltReport.Analysis), body, StringComparison.Ordinal);

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            Assert.All(page.GetWords(), w =>
            {
                Assert.InRange(w.BoundingBox.Left, 49, page.Width - 49);
                Assert.InRange(w.BoundingBox.Right, 49, page.Width - 49);
            });
        }
    }

    [Fact]
    public void A_table_continued_on_a_new_page_repeats_its_header_row()
    {
        var document = HandBuiltReport.Document();
        var goal = document.Goals.First();
        var many = Enumerable.Range(1, 70).Select(i => HandBuiltReport.Waiting(ReportKind.Interim) with { IndicatorId = 1000 + i, Name = $"Indikator nummer {i}", Comment = IndicatorComment.Empty, History = null }).ToList();
        document = document with { Areas = [document.Areas[0] with { Goals = [goal with { Indicators = many }] }] };

        var pages = PdfPages(ReportPdf.Create(document));

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        var header = "Indikator Målvärde Utfall Status Trend K M Prognos helår";
        Assert.All(pages.Skip(1), p => Assert.StartsWith(header, p, StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 70), i => Assert.Single(pages, p => p.Contains($"Indikator nummer {i} ", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_annual_report_sets_the_delårsrapports_assessment_and_forecast_beside_the_outcome()
    {
        var text = PdfText(ReportPdf.Create(HandBuiltReport.Document(ReportKind.Annual)));

        Assert.Contains("Årsrapport 2025", text, StringComparison.Ordinal);
        Assert.Contains("Delårsrapportens bedömning ✕ Ej uppfyllt Nämndens bedömning i den fastställda delårsrapporten.", text, StringComparison.Ordinal);
        Assert.Contains("Indikator Målvärde Utfall Status Trend K M Prognos i delår", text, StringComparison.Ordinal);
        Assert.Contains("84,3 % 2025 ◐ Delvis uppnått ▲ Bättre 86,5 % 81,8 % 86,4 % ◐ Delvis uppnått", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Prognos helår", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_regions_report_names_each_goals_nämnd()
    {
        var text = PdfText(ReportPdf.Create(HandBuiltReport.Document(committeeId: null)));

        Assert.Contains("Delårsrapport 2026 (jan–aug) Hela regionen (Region Västernorrland)", text, StringComparison.Ordinal);
        Assert.Contains("2.1 Vården är tillgänglig och jämlik Ansvarig nämnd: Hälso- och sjukvårdsnämnden", text, StringComparison.Ordinal);
        Assert.Contains("Delårsrapport 2026 (jan–aug) · Hela regionen · Öppen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_regions_report_says_which_nämnds_report_each_assessment_comes_from_and_marks_an_open_reports_assessment_a_draft()
    {
        // HSN's report is open with its goals assessed; composed into the region's report, that is a draft, not a decision.
        var committee = HandBuiltReport.Document(committeeId: 1);
        var region = ReportBuilder.ComposeRegion(HandBuiltReport.Document(committeeId: null), [committee]);
        var open = PdfText(ReportPdf.Create(region));
        Assert.Contains("Ansvarig nämnd: Hälso- och sjukvårdsnämnden · nämndens rapport: öppen", open, StringComparison.Ordinal);
        Assert.Contains("Nämndens bedömning ◐ Delvis uppfyllt " + ReportExportTexts.DraftNote, open, StringComparison.Ordinal);

        var finalised = ReportBuilder.ComposeRegion(HandBuiltReport.Document(committeeId: null), [HandBuiltReport.Document(state: ReportState.Finalised, committeeId: 1)]);
        var decided = PdfText(ReportPdf.Create(finalised));
        Assert.Contains("Ansvarig nämnd: Hälso- och sjukvårdsnämnden · nämndens rapport: fastställd", decided, StringComparison.Ordinal);
        Assert.Contains("Nämndens bedömning ◐ Delvis uppfyllt Avviker från den föreslagna bedömningen.", decided, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportExportTexts.DraftNote, decided, StringComparison.Ordinal);
    }

    [Fact]
    public void The_document_information_gives_the_report_its_Swedish_title_and_language()
    {
        var pdf = ReportPdf.Create(HandBuiltReport.Document(state: ReportState.Finalised));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal("Delårsrapport 2026 (jan–aug) – Hälso- och sjukvårdsnämnden", document.Information.Title);
        Assert.Equal("Uppföljning av Regionplan 2025–2027 (Fastställd plan): Fastställd", document.Information.Subject);
        Assert.Contains("/Lang (sv-SE)", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_målområde_and_mål_is_a_bookmark_leading_to_its_page()
    {
        using var document = PdfDocument.Open(ReportPdf.Create(HandBuiltReport.Document(motivation: LongText(1500))));

        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var areas = bookmarks.Roots.Cast<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().ToList();
        Assert.Equal(["Målområde 2 En hälsofrämjande hälso- och sjukvård", "Ekonomi som förutsättning"], areas.Select(a => a.Title));
        Assert.Equal(["2.1 Vården är tillgänglig och jämlik", "2.2 Patienterna är nöjda"], areas[0].Children.Select(g => g.Title));
        Assert.Equal(["E1 God ekonomisk hushållning"], areas[1].Children.Select(g => g.Title));
        var goal = (UglyToad.PdfPig.Outline.DocumentBookmarkNode)areas[1].Children[0];
        Assert.Contains("E1 God ekonomisk hushållning", PdfPages(ReportPdf.Create(HandBuiltReport.Document(motivation: LongText(1500))))[goal.PageNumber - 1], StringComparison.Ordinal);
        Assert.True(goal.PageNumber > 1);
    }

    [Fact]
    public void A_character_the_font_lacks_is_shown_as_a_question_mark_and_the_rest_of_the_text_stays()
    {
        Assert.Equal("Bra ? men ✕ och ▬ finns – även å, ä, ö", ReportFonts.Printable("Bra 🙂 men ✕ och ▬ finns – även å, ä, ö"));
        Assert.Equal("rad ett\nrad två", ReportFonts.Printable("rad ett\nrad\ttvå".Replace("\t", " ", StringComparison.Ordinal)));

        var text = PdfText(ReportPdf.Create(HandBuiltReport.Document(motivation: "Glada 🙂 patienter\u0007.")));

        Assert.Contains("Motivering Glada ? patienter.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fonts_are_embedded_as_subsets_so_a_report_stays_small()
    {
        var pdf = ReportPdf.Create(HandBuiltReport.Document());

        Assert.InRange(pdf.Length, 1_000, 150_000);
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        Assert.Contains(letters, l => l.Value == "◐" && (l.FontName ?? "").EndsWith("+DejaVuSans", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Value == "å" && (l.FontName ?? "").EndsWith("+DejaVuSans-Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_is_named_after_the_report_and_the_nämnd()
    {
        Assert.Equal("Delårsrapport 2026 – Hälso- och sjukvårdsnämnden.pdf", ReportExportTexts.FileName(HandBuiltReport.Header(), "pdf"));
        Assert.Equal("Årsrapport 2025 – Hela regionen.xlsx", ReportExportTexts.FileName(HandBuiltReport.Header(ReportKind.Annual, committeeId: null), "xlsx"));
    }

    [Fact]
    public void Numbers_are_written_as_the_interface_shows_them()
    {
        var indicator = HandBuiltReport.Waiting(ReportKind.Interim);

        Assert.Equal(SwedishFormat.WithUnit(81.75m, 1, "%"), ReportExportTexts.Value(81.75m, indicator));
        Assert.Equal("–", ReportExportTexts.Value(null, indicator));
        Assert.Equal("◐ Delvis uppfyllt", ReportExportTexts.Assessment(GoalAssessment.PartlyMet));
    }

    /// <summary>Swedish-looking words, numbered so their order can be checked.</summary>
    static string LongText(int words) => string.Join(' ', Enumerable.Range(1, words).Select(i => i % 7 == 0 ? $"åtgärd{i}." : $"väntetid{i}"));
}
