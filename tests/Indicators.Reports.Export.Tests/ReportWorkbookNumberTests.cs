using Indicators.Core.Reports;
using Indicators.Reports.Export.Excel;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// The indicator sheet's figures as Excel holds them (read with the Open XML SDK, not through a reader that might turn
/// text into numbers): a number cell, its value in invariant notation rounded to the indicator's decimals, and a number
/// format that shows it the Swedish way with its unit.
/// </summary>
public class ReportWorkbookNumberTests
{
    const string Percent1 = "#,##0.0\" %\"";
    const string PercentPoints1 = "+#,##0.0\" p.e.\";-#,##0.0\" p.e.\";0.0\" p.e.\"";

    [Fact]
    public void The_målvärde_is_a_number_with_its_unit_and_the_example_mark_has_its_own_column()
    {
        var rows = RawWorkbook.Table(ReportWorkbook.Create(HandBuiltReport.Document()), "Indikatorer");

        var waiting = rows[0];
        RawWorkbook.AssertNumber(waiting.GetValueOrDefault("Målvärde"), "90", Percent1);
        Assert.Equal("Nej", waiting.GetValueOrDefault("Målvärdet är ett exempel")?.Text);
        var costs = rows[1];
        RawWorkbook.AssertNumber(costs.GetValueOrDefault("Målvärde"), "-335", "#,##0\" mnkr\"");
        Assert.Equal("Ja", costs.GetValueOrDefault("Målvärdet är ett exempel")?.Text);
        Assert.Equal("Inget målvärde", rows[2].GetValueOrDefault("Målvärde")?.Text);
    }

    [Fact]
    public void Outcomes_forecasts_and_K_and_M_are_numbers_rounded_to_the_indicators_decimals()
    {
        var rows = RawWorkbook.Table(ReportWorkbook.Create(HandBuiltReport.Document()), "Indikatorer");

        var waiting = rows[0];
        // The forecast was computed with 28 decimals (86,4333…): the cell holds the 86.4 the report shows.
        RawWorkbook.AssertNumber(waiting.GetValueOrDefault("Prognos helår"), "86.4", Percent1);
        // 84,25 shows as 84,3 % everywhere (rounding half away from zero), so the cell holds 84.3, not 84.25.
        RawWorkbook.AssertNumber(waiting.GetValueOrDefault("Utfall"), "84.3", Percent1);
        RawWorkbook.AssertNumber(waiting.GetValueOrDefault("Kvinnor"), "86.5", Percent1);
        RawWorkbook.AssertNumber(waiting.GetValueOrDefault("Män"), "81.8", Percent1);
        RawWorkbook.AssertNumber(rows[1].GetValueOrDefault("Utfall"), "-412", "#,##0\" mnkr\"");
    }

    [Fact]
    public void The_differences_from_the_målvärde_and_from_the_delårsrapports_forecast_are_signed_numbers_that_add_up()
    {
        var interim = RawWorkbook.Table(ReportWorkbook.Create(HandBuiltReport.Document()), "Indikatorer");
        // 84,3 − 90,0: from the figures as shown, so the sheet adds up.
        RawWorkbook.AssertNumber(interim[0].GetValueOrDefault("Avvikelse mot målvärde"), "-5.7", PercentPoints1);
        RawWorkbook.AssertNumber(interim[0].GetValueOrDefault("Prognosens avvikelse mot målvärde"), "-3.6", PercentPoints1);
        RawWorkbook.AssertNumber(interim[1].GetValueOrDefault("Avvikelse mot målvärde"), "-77", "+#,##0\" mnkr\";-#,##0\" mnkr\";0\" mnkr\"");

        var annual = RawWorkbook.Table(ReportWorkbook.Create(HandBuiltReport.Document(ReportKind.Annual, ReportState.Finalised)), "Indikatorer");
        RawWorkbook.AssertNumber(annual[0].GetValueOrDefault("Delårsrapportens prognos"), "86.4", Percent1);
        // 84,3 − 86,4.
        RawWorkbook.AssertNumber(annual[0].GetValueOrDefault("Avvikelse mot prognos"), "-2.1", PercentPoints1);
    }

    [Fact]
    public void A_band_målvärde_is_two_numbers_and_the_difference_is_the_distance_past_its_nearer_edge()
    {
        var document = HandBuiltReport.Document();
        var area = document.Areas[0];
        var goal = area.Goals[0];
        var band = goal.Indicators[0] with { TargetText = "2,0–3,0 %", Target = new ReportTarget(2026, null, 2m, 3m, false), Outcome = 3.45m };
        document = document with { Areas = [area with { Goals = [goal with { Indicators = [band] }] }] };

        var row = RawWorkbook.Table(ReportWorkbook.Create(document), "Indikatorer")[0];

        Assert.False(row.ContainsKey("Målvärde"));
        RawWorkbook.AssertNumber(row.GetValueOrDefault("Målintervall från"), "2", Percent1);
        RawWorkbook.AssertNumber(row.GetValueOrDefault("Målintervall till"), "3", Percent1);
        RawWorkbook.AssertNumber(row.GetValueOrDefault("Avvikelse mot målvärde"), "0.5", PercentPoints1);
    }
}
