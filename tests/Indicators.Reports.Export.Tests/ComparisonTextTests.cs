using System.Text;
using Indicators.Core.Comparison;

namespace Indicators.Reports.Export.Tests;

/// <summary>The text diff for the meeting papers, line by line.</summary>
public class ComparisonTextTests
{
    static string[] Lines(PlanComparison comparison) =>
        ComparisonText.Write(comparison, HandBuiltComparison.MadeAt).Split('\n');

    [Fact]
    public void The_heading_names_both_versions_the_period_and_the_date()
    {
        var lines = Lines(HandBuiltComparison.Comparison());

        Assert.Equal([
            "Jämförelse av planversioner",
            "",
            "A: Regionplan 2025–2027 – Fastställd plan (beslutad, Region Västernorrland, 2025–2027, demodata)",
            "B: Regionplan 2025–2027 – Sjukvårdspartiets förslag (alternativt förslag, Region Västernorrland, 2025–2027, demodata)",
            "Uppföljningsperiod: Delår jan–aug 2026",
            "Datum: 2026-09-14",
            "",
            ComparisonExportTexts.Legend,
            ComparisonExportTexts.DemoNote,
        ], lines[..9]);
    }

    [Fact]
    public void Each_mål_is_unchanged_changed_with_both_texts_and_a_word_diff_or_in_one_version_only()
    {
        var lines = Lines(HandBuiltComparison.Comparison());

        var goals = lines.SkipWhile(l => l != "MÅLOMRÅDEN OCH MÅL").TakeWhile(l => l != "MÅLVÄRDEN SOM SKILJER SIG").ToList();
        Assert.Equal([
            "MÅLOMRÅDEN OCH MÅL",
            "",
            "Målområde 1 Ett attraktivt Västernorrland",
            "- Mål 1.1: Ändrat",
            "    Namnet i A: Vi agerar som en sammanhållande kraft",
            "    Namnet i B: Vi agerar som en samlande kraft",
            "    Skillnad: Vi agerar som en [−sammanhållande] [+samlande] kraft",
            "- Mål 1.2: finns bara i A: Hållbar samhällsplanering",
            $"- Mål 1.3: finns bara i B: {HandBuiltComparison.FormulaName}",
            "",
            "Målområde 2 En hälsofrämjande hälso- och sjukvård",
            "- Mål 2.1: oförändrat: Vården är tillgänglig och jämlik",
            "",
        ], goals);
    }

    [Fact]
    public void Målvärden_that_differ_are_listed_per_indicator_and_year_with_the_difference_and_the_counts_come_last()
    {
        var lines = Lines(HandBuiltComparison.Comparison());

        var targets = lines.SkipWhile(l => l != "MÅLVÄRDEN SOM SKILJER SIG").ToList();
        Assert.Equal([
            "MÅLVÄRDEN SOM SKILJER SIG",
            "N79173 Andel patienter som fått besök inom 90 dagar 2026: 90,0\u00A0% → 92,0\u00A0% (+2,0)",
            "N79173 Andel patienter som fått besök inom 90 dagar 2027: 92,0\u00A0% → 95,0\u00A0% (exempel) (+3,0)",
            "E1 Resultat: finns bara i A (2025: −335\u00A0mnkr (exempel))",
            "",
            "DAGENS UTFALL BEDÖMDA MOT VARJE VERSION",
            "Under A (Fastställd plan): 0 av 2 uppnådda (1 delvis uppnådda, 1 ej uppnådda, 0 kan ej bedömas)",
            "Under B (Sjukvårdspartiets förslag): 0 av 1 uppnådda (0 delvis uppnådda, 1 ej uppnådda, 0 kan ej bedömas)",
            "",
        ], targets);
    }

    [Fact]
    public void Line_breaks_and_control_characters_in_stored_texts_do_not_break_or_corrupt_the_lines()
    {
        var comparison = HandBuiltComparison.Comparison(goalName: "Första raden\r\nandra\u0007 raden\u0000", description: "Text\tmed tabb");

        var text = ComparisonText.Write(comparison, HandBuiltComparison.MadeAt);

        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        var lines = text.Split('\n');
        Assert.Contains("    Namnet i A: Första raden andra raden", lines);
        Assert.Contains("    Skillnad: Första raden andra raden [+och mer]", lines);
        Assert.Contains("    Beskrivningen i B: Text med tabb Ny mening.", lines);
        Assert.Contains("    Skillnad: Text med tabb [+Ny mening.]", lines);
    }

    [Fact]
    public void The_file_is_UTF8_with_a_byte_order_mark_so_Swedish_letters_survive()
    {
        var bytes = ComparisonText.Create(HandBuiltComparison.Comparison(), HandBuiltComparison.MadeAt);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Jämförelse av planversioner\n", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.Equal("jamforelse-1-2.txt", ComparisonExportTexts.FileName(1, 2, "txt"));
    }

    [Fact]
    public void A_word_diff_marks_runs_of_removed_and_added_words_and_leaves_a_one_sided_text_as_it_is()
    {
        Assert.Equal("Vi agerar som en [−sammanhållande] [+samlande] kraft", ComparisonExportTexts.Marked(HandBuiltComparison.ChangedName));
        Assert.Equal("[−Gammal början] ny [+slut här]", ComparisonExportTexts.Marked(new ComparedText("Gammal början ny", "ny slut här", [
            new("Gammal ", PieceKind.Removed), new("början ", PieceKind.Removed), new("ny ", PieceKind.Same), new("slut ", PieceKind.Added), new("här", PieceKind.Added)])));
        Assert.Equal("Bara här", ComparisonExportTexts.Marked(new ComparedText(null, "Bara här", [new("Bara här", PieceKind.Added)])));
        Assert.Equal("−1,5", ComparisonExportTexts.WithSign(-1.45m, 1));
        Assert.Equal("±0", ComparisonExportTexts.WithSign(0.2m, 0));
    }
}
