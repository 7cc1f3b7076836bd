using Indicators.Reports.Export.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Indicators.Reports.Export.Tests.ExportReading;

namespace Indicators.Reports.Export.Tests;

/// <summary>The comparison's PDF read back with PdfPig: its text, its structure tree, and where its words sit on the page.</summary>
public class ComparisonPdfTests
{
    static byte[] Pdf() => ComparisonPdf.Create(HandBuiltComparison.Comparison(), HandBuiltComparison.MadeAt);

    [Fact]
    public void The_title_block_names_both_versions_the_period_and_the_counts_under_each()
    {
        var page = PdfPages(Pdf())[0];

        foreach (var expected in new[]
        {
            "Jämförelse av planversioner", "A: Regionplan 2025–2027 – Fastställd plan beslutad, Region Västernorrland, 2025–2027, demodata",
            "B: Regionplan 2025–2027 – Sjukvårdspartiets förslag alternativt förslag, Region Västernorrland",
            "Uppföljningsperiod: Delår jan–aug 2026 · Skapad 2026-09-14 10:30",
            "Under A (Fastställd plan) 0 av 2 uppnådda 0 av 2 uppnådda (1 delvis uppnådda, 1 ej uppnådda, 0 kan ej bedömas)",
            "Under B (Sjukvårdspartiets förslag) 0 av 1 uppnådda",
            "Status Antal under A Antal under B ● Uppnått 0 0 ◐ Delvis uppnått 1 0 ✕ Ej uppnått 1 1 ? Kan ej bedömas 0 0 Totalt 2 1",
            ComparisonExportTexts.Legend, ComparisonExportTexts.DemoNote,
        })
        {
            Assert.Contains(Words(expected), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_changed_mål_shows_both_texts_and_its_changed_words_in_brackets_and_a_mål_in_one_version_says_which()
    {
        var text = PdfText(Pdf());

        Assert.Contains("1.1 Vi agerar som en samlande kraft Ändrat · samma kod Målets namn i A Vi agerar som en sammanhållande kraft "
            + "Målets namn i B Vi agerar som en samlande kraft Skillnad Vi agerar som en [−sammanhållande] [+samlande] kraft", text, StringComparison.Ordinal);
        Assert.Contains("1.2 Hållbar samhällsplanering Bara i A", text, StringComparison.Ordinal);
        Assert.Contains($"1.3 {HandBuiltComparison.FormulaName} Bara i B", text, StringComparison.Ordinal);
        Assert.Contains("2.1 Vården är tillgänglig och jämlik Oförändrat · samma kod", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_indicator_tables_give_the_målvärden_per_year_with_their_difference_and_the_statuses_in_words()
    {
        var text = PdfText(Pdf());

        Assert.Contains("Indikator År Målvärde A Målvärde B Skillnad B − A N79173 Andel patienter som fått besök inom 90 dagar Ändrat 2025 88,0 % 88,0 % ±0,0 "
            + "N79173 2026 90,0 % 92,0 % +2,0 N79173 2027 92,0 % 95,0 % (exempel) +3,0", text, StringComparison.Ordinal);
        Assert.Contains("E1 Resultat Bara i A 2025 −335 mnkr (exempel) – –", text, StringComparison.Ordinal);
        Assert.Contains("Indikator Senaste utfall Status mot A Status mot B N79173 Andel patienter som fått besök inom 90 dagar demodata 84,3 % jan–aug 2026 "
            + "◐ Delvis uppnått 84,3 % mot målvärdet 90,0 %: inom 10 % av målvärdet. ✕ Ej uppnått", text, StringComparison.Ordinal);
        Assert.Contains("✕ Ej uppnått −412 mnkr mot målvärdet −335 mnkr. Ingår inte i B", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PDF_is_tagged_with_headings_paragraphs_and_tables_with_column_headers_in_Swedish()
    {
        var pdf = Pdf();
        using var document = PdfDocument.Open(pdf);
        IToken Resolve(IToken token) => token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data).Data : token;
        var types = new List<string>();
        var scopes = new List<string>();
        void Walk(DictionaryToken element)
        {
            if (element.TryGet(NameToken.S, out var s) && s is NameToken name)
            {
                types.Add(name.Data);
            }

            if (element.TryGet(NameToken.Create("A"), out var a) && Resolve(a) is DictionaryToken attributes
                && attributes.TryGet(NameToken.Create("Scope"), out var scope) && scope is NameToken scopeName)
            {
                scopes.Add(scopeName.Data);
            }

            var kids = element.TryGet(NameToken.K, out var k) ? Resolve(k) : null;
            var list = kids is ArrayToken array ? array.Data.Select(Resolve).ToList() : kids is null ? [] : [kids];
            foreach (var kid in list.OfType<DictionaryToken>().Where(d => d.ContainsKey(NameToken.S)))
            {
                Walk(kid);
            }
        }

        var root = (DictionaryToken)Resolve(document.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        Walk(root);

        foreach (var type in new[] { "Document", "H1", "H2", "H3", "H4", "P", "Div", "Table", "TR", "TH", "TD" })
        {
            Assert.Contains(type, types);
        }

        Assert.Equal(3, types.Count(t => t == "Table"));
        Assert.Contains("Column", scopes);
        Assert.Equal("Jämförelse: Regionplan 2025–2027 – Fastställd plan och Regionplan 2025–2027 – Sjukvårdspartiets förslag", document.Information.Title);
        Assert.Contains("/Lang (sv-SE)", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_and_hostile_mål_texts_wrap_within_the_margins_over_numbered_pages()
    {
        var longName = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"vårdplats{i}")) + " Ett_ord_utan_mellanslag_" + new string('x', 300);
        var comparison = HandBuiltComparison.Comparison(goalName: longName + "\u0007\u0000", description: "Beskrivning\nmed radbrytning\toch 🙂.");

        var pdf = ComparisonPdf.Create(comparison, HandBuiltComparison.MadeAt);

        var pages = PdfPages(pdf);
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.EndsWith($"Sida {i + 1} av {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        var text = string.Join(' ', pages);
        Assert.Contains("vårdplats400 Ett_ord_utan", text, StringComparison.Ordinal);
        Assert.Contains("[+och mer]", text, StringComparison.Ordinal);
        Assert.Contains("och ?. [+Ny mening.]", text, StringComparison.Ordinal);
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
}
