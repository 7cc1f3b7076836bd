using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Indicators.Reports.Export.Excel;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// The comparison's workbook as Excel holds it, read with the Open XML SDK: sheets, texts, and the målvärden and their
/// difference as number cells with a Swedish number format and the unit.
/// </summary>
public class ComparisonWorkbookTests
{
    static string? TextOf(Dictionary<string, RawCell> row, string header) => row.GetValueOrDefault(header)?.Text;

    static byte[] Workbook() => ComparisonWorkbook.Create(HandBuiltComparison.Comparison(), HandBuiltComparison.MadeAt);

    [Fact]
    public void The_workbook_holds_a_summary_the_mål_and_the_indicators_in_that_order()
    {
        using var stream = new MemoryStream(Workbook());
        using var document = SpreadsheetDocument.Open(stream, false);

        Assert.Equal(["Sammanfattning", "Mål", "Indikatorer"], document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void The_summary_gives_both_sides_the_period_the_counts_per_status_as_numbers_and_the_demo_note()
    {
        var rows = RawWorkbook.Sheet(Workbook(), "Sammanfattning");
        Dictionary<int, RawCell> Row(string label) => rows.Single(r => r.GetValueOrDefault(0)?.Text == label);

        Assert.Equal(("Regionplan 2025–2027", "Regionplan 2025–2027"), (Row("Plan")[1].Text, Row("Plan")[2].Text));
        Assert.Equal(("Fastställd plan", "Sjukvårdspartiets förslag"), (Row("Version")[1].Text, Row("Version")[2].Text));
        Assert.Equal(("Beslutad", "Alternativt förslag"), (Row("Sort")[1].Text, Row("Sort")[2].Text));
        Assert.Equal("Region Västernorrland", Row("Organisation")[2].Text);
        Assert.Equal("2025–2027", Row("År")[1].Text);
        Assert.Equal("Delår jan–aug 2026", Row("Uppföljningsperiod")[1].Text);
        Assert.Equal("2026-09-14 10:30", Row("Skapad")[1].Text);
        RawWorkbook.AssertNumber(Row("◐ Delvis uppnått")[1], "1", "#,##0");
        RawWorkbook.AssertNumber(Row("◐ Delvis uppnått")[2], "0", "#,##0");
        RawWorkbook.AssertNumber(Row("✕ Ej uppnått")[2], "1", "#,##0");
        RawWorkbook.AssertNumber(Row("Totalt")[1], "2", "#,##0");
        Assert.Equal(("0 av 2 uppnådda", "0 av 1 uppnådda"), (Row("Sammanfattning")[1].Text, Row("Sammanfattning")[2].Text));
        Assert.Contains(rows, r => r.GetValueOrDefault(0)?.Text == ComparisonExportTexts.DemoNote);
        Assert.Contains(rows, r => r.GetValueOrDefault(0)?.Text == ComparisonExportTexts.Legend);
    }

    [Fact]
    public void The_mål_sheet_says_how_each_mål_differs_in_words_and_marks_the_changed_words_without_colour()
    {
        var rows = RawWorkbook.Table(Workbook(), "Mål");

        var changed = rows.Single(r => TextOf(r, "Mål A") == "1.1");
        Assert.Equal(("1.1", "Samma kod", "Ändrat"), (TextOf(changed, "Mål B"), TextOf(changed, "Matchning"), TextOf(changed, "Skillnad")));
        Assert.Equal("Vi agerar som en sammanhållande kraft", TextOf(changed, "Målets namn i A"));
        Assert.Equal("Vi agerar som en samlande kraft", TextOf(changed, "Målets namn i B"));
        Assert.Equal("Vi agerar som en [−sammanhållande] [+samlande] kraft", TextOf(changed, "Ändrade ord i namnet"));
        Assert.Equal("1 Ett attraktivt Västernorrland", TextOf(changed, "Målområde"));

        var onlyLeft = rows.Single(r => TextOf(r, "Mål A") == "1.2");
        Assert.Equal(("Ingen motsvarighet", "Bara i A", null), (TextOf(onlyLeft, "Matchning"), TextOf(onlyLeft, "Skillnad"), TextOf(onlyLeft, "Mål B")));
        Assert.Equal("Bara i B", TextOf(rows.Single(r => TextOf(r, "Mål B") == "1.3"), "Skillnad"));
        Assert.Equal("Oförändrat", TextOf(rows.Single(r => TextOf(r, "Mål A") == "2.1"), "Skillnad"));
        Assert.Null(TextOf(rows.Single(r => TextOf(r, "Mål A") == "2.1"), "Ändrade ord i namnet"));
    }

    [Fact]
    public void Målvärden_and_their_difference_are_number_cells_with_the_unit_in_a_Swedish_format_and_the_example_marks_have_columns_of_their_own()
    {
        var rows = RawWorkbook.Table(Workbook(), "Indikatorer");
        Dictionary<string, RawCell> Row(string code, string year) => rows.Single(r => TextOf(r, "Indikator") == code && TextOf(r, "År") == year);

        var year2026 = Row("N79173", "2026");
        RawWorkbook.AssertNumber(year2026["Målvärde A"], "90", "#,##0.0\" %\"");
        RawWorkbook.AssertNumber(year2026["Målvärde B"], "92", "#,##0.0\" %\"");
        RawWorkbook.AssertNumber(year2026["Skillnad B − A"], "2", "+#,##0.0\" p.e.\";-#,##0.0\" p.e.\";0.0\" p.e.\"");
        Assert.Equal(("Nej", "Nej"), (TextOf(year2026, "Målvärde A är ett exempel"), TextOf(year2026, "Målvärde B är ett exempel")));
        Assert.Equal(("◐ Delvis uppnått", "✕ Ej uppnått"), (TextOf(year2026, "Status mot A"), TextOf(year2026, "Status mot B")));
        Assert.Equal(("84,3\u00A0%", "jan–aug 2026"), (TextOf(year2026, "Senaste utfall"), TextOf(year2026, "Utfallets period")));
        Assert.StartsWith("84,3 % mot målvärdet 90,0 %", TextOf(year2026, "Förklaring mot A"), StringComparison.Ordinal);
        Assert.Equal(("1.1, 2.1", "1.1, 2.1", "Ändrat"), (TextOf(year2026, "Mål i A"), TextOf(year2026, "Mål i B"), TextOf(year2026, "Skillnad")));

        // B's 2027 is an example, rounded to the indicator's one decimal; the difference is taken between the shown figures.
        var year2027 = Row("N79173", "2027");
        RawWorkbook.AssertNumber(year2027["Målvärde B"], "95.0", "#,##0.0\" %\"");
        RawWorkbook.AssertNumber(year2027["Skillnad B − A"], "3.0", "+#,##0.0\" p.e.\";-#,##0.0\" p.e.\";0.0\" p.e.\"");
        Assert.Equal(("Nej", "Ja"), (TextOf(year2027, "Målvärde A är ett exempel"), TextOf(year2027, "Målvärde B är ett exempel")));

        // Only in A: B's cells are empty and its status says so.
        var result = Row("E1", "2025");
        RawWorkbook.AssertNumber(result["Målvärde A"], "-335", "#,##0\" mnkr\"");
        Assert.Null(result.GetValueOrDefault("Målvärde B")?.Raw);
        Assert.Null(result.GetValueOrDefault("Skillnad B − A")?.Raw);
        Assert.Equal(("Ja", null), (TextOf(result, "Målvärde A är ett exempel"), TextOf(result, "Målvärde B är ett exempel")));
        Assert.Equal(("Bara i A", "Ingår inte i B"), (TextOf(result, "Skillnad"), TextOf(result, "Status mot B")));
    }

    [Fact]
    public void Between_two_organisations_the_outcome_columns_give_each_sides_own_outcome_named_by_its_letter()
    {
        var shared = HandBuiltComparison.Comparison();
        var indicator = shared.Indicators[0];
        var comparison = shared with
        {
            Right = shared.Right with { OrganisationId = "0024", OrganisationName = "Region Västerbotten" },
            Indicators = [indicator with { Right = indicator.Right! with { OutcomeText = "88,0\u00A0%", OutcomePeriodText = "2025" } }, shared.Indicators[1]],
        };

        var rows = RawWorkbook.Table(ComparisonWorkbook.Create(comparison, HandBuiltComparison.MadeAt), "Indikatorer");

        var year2026 = rows.Single(r => TextOf(r, "Indikator") == "N79173" && TextOf(r, "År") == "2026");
        Assert.Equal(("A: 84,3\u00A0% · B: 88,0\u00A0%", "A: jan–aug 2026 · B: 2025"), (TextOf(year2026, "Senaste utfall"), TextOf(year2026, "Utfallets period")));
        var onlyInA = rows.Single(r => TextOf(r, "Indikator") == "E1");
        Assert.Equal("A: −412\u00A0mnkr", TextOf(onlyInA, "Senaste utfall"));
    }

    [Fact]
    public void A_mål_text_that_looks_like_a_formula_is_stored_as_text_and_control_characters_are_left_out()
    {
        var comparison = HandBuiltComparison.Comparison(goalName: "Mål\u0007 med\u0000 klocka");
        var xlsx = ComparisonWorkbook.Create(comparison, HandBuiltComparison.MadeAt);

        var rows = RawWorkbook.Table(xlsx, "Mål");
        var formula = rows.Single(r => TextOf(r, "Mål B") == "1.3")["Målets namn i B"];
        Assert.Equal((CellValues.SharedString, HandBuiltComparison.FormulaName, false), (formula.Type!.Value, formula.Text, formula.IsFormula));
        Assert.DoesNotContain(RawWorkbook.Sheet(xlsx, "Mål").SelectMany(r => r.Values), c => c.IsFormula);
        Assert.Equal("Mål med klocka", TextOf(rows.Single(r => TextOf(r, "Mål A") == "1.1"), "Målets namn i A"));
    }

    [Fact]
    public void The_Open_XML_validator_finds_nothing_wrong_in_the_comparison_workbook()
    {
        using var stream = new MemoryStream(ComparisonWorkbook.Create(HandBuiltComparison.Comparison(new string('å', 5000)), HandBuiltComparison.MadeAt));
        using var document = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
