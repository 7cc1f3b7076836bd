using Bunit;
using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using Indicators.Web.Reports;

namespace Indicators.Web.Tests.Reports;

/// <summary>The report's indicator table and revision notice, rendered from hand-built report records.</summary>
public class ReportComponentTests : BunitContext
{
    /// <summary>The text with Swedish number formatting's non-breaking spaces as plain ones.</summary>
    static string Plain(AngleSharp.Dom.IElement element) => element.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    static ReportIndicator Indicator(string name, decimal? outcome, bool lagging = false, decimal? interimForecast = null, bool interimFinalised = true,
        decimal? women = null, decimal? men = null, string? genderNote = null, ReportForecast? forecast = null) =>
        new(1, "N79173", name, "%", 1, women is not null || genderNote is not null, "85,0 %", false,
            outcome is null ? null : lagging ? "2024" : "2025", outcome, lagging, AttainmentStatus.PartlyAchieved, "Utfallet ligger inom toleransen.",
            Trend.Better, "Bättre än året innan.", women, men, genderNote, forecast,
            interimForecast is { } f ? new InterimForecast(f, AttainmentStatus.NotAchieved, interimFinalised) : null, IndicatorComment.Empty);

    [Fact]
    public void An_årsrapport_shows_the_delårsrapports_forecast_beside_the_outcome_and_the_difference_but_none_for_an_earlier_years_outcome()
    {
        var table = Render<ReportIndicatorTable>(p => p
            .Add(t => t.Kind, ReportKind.Annual).Add(t => t.Year, 2025)
            .Add(t => t.Indicators, [
                Indicator("Bedömning inom 3 dagar", 75.6m, interimForecast: 74.4m, women: 73.5m, men: 78.2m),
                Indicator("Förtroende", 56.6m, lagging: true, interimForecast: 55m, interimFinalised: false, genderNote: "Uppgift för män saknas för 2024."),
            ]));

        var headers = table.FindAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Prognos i delårsrapporten", headers);
        Assert.Contains("Utfall mot prognos", headers);
        Assert.DoesNotContain(headers, h => h.StartsWith("Prognos helår", StringComparison.Ordinal));
        var rows = table.FindAll("tbody tr");
        Assert.Contains("74,4 %", Plain(rows[0]), StringComparison.Ordinal);
        Assert.Contains("+1,2", Plain(rows[0]), StringComparison.Ordinal);
        Assert.Contains("högre än prognosen", Plain(rows[0]), StringComparison.Ordinal);
        Assert.Contains("73,5 %", Plain(rows[0]), StringComparison.Ordinal);
        Assert.Contains("Årets utfall saknas ännu", Plain(rows[1]), StringComparison.Ordinal);
        Assert.Contains("Uppgift för män saknas för 2024.", Plain(rows[1]), StringComparison.Ordinal);
        Assert.Contains("ej fastställd", Plain(rows[1]), StringComparison.Ordinal);
        Assert.Contains("Delårsrapporten för 2025 är inte fastställd", Plain(table.Find("p.comparison-note")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_delårsrapport_shows_the_year_end_forecast_with_its_method_and_status_in_words_and_shape()
    {
        var forecast = new ReportForecast(77.2m, ForecastMethod.LinearProRating, AttainmentStatus.NotAchieved, "Linjär uppräkning.");
        var table = Render<ReportIndicatorTable>(p => p
            .Add(t => t.Kind, ReportKind.Interim).Add(t => t.Year, 2026)
            .Add(t => t.Indicators, [Indicator("Bedömning inom 3 dagar", 75.6m, forecast: forecast)]));

        Assert.Contains("Prognos helår 2026", Plain(table.Find("thead")), StringComparison.Ordinal);
        var cells = table.FindAll("tbody td");
        var cell = cells[^1];
        Assert.Contains("77,2 %", Plain(cell), StringComparison.Ordinal);
        Assert.Contains(ForecastMethod.LinearProRating.SwedishName(), Plain(cell), StringComparison.Ordinal);
        Assert.Contains($"{AttainmentStatus.NotAchieved.Symbol()} {AttainmentStatus.NotAchieved.SwedishName()}", Plain(cell), StringComparison.Ordinal);
        Assert.Contains("Redovisas inte per kön", Plain(table.Find("tbody")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_revision_notice_says_the_frozen_report_is_unchanged_and_lists_each_revised_value()
    {
        var revision = new ReportRevision(10, [
            new RevisedValue("2.1", 1, "Bedömning inom 3 dagar", "Utfall", "2025", 75.6m, "2025", 76.6m,
                AttainmentStatus.PartlyAchieved, AttainmentStatus.Achieved, 1, "%"),
        ]);

        var notice = Render<RevisionNotice>(p => p.Add(n => n.Revision, revision));

        Assert.Equal(revision.Summary, notice.Find("[role=status]").TextContent);
        Assert.Contains("Den fastställda rapporten är oförändrad.", revision.Summary, StringComparison.Ordinal);
        var row = notice.Find("table.revision-table tbody tr");
        Assert.Contains("75,6 % → 76,6 % (+1,0)", Plain(row), StringComparison.Ordinal);
        Assert.Contains("Delvis uppnått", Plain(row), StringComparison.Ordinal);
        Assert.Contains("Uppnått", Plain(row), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_review_the_notice_says_what_changed_since_the_submission_with_a_status_for_a_malvarde_and_none_for_K()
    {
        var revision = new ReportRevision(10, [
            new RevisedValue("2.1", 2, "Telefonsamtal besvarade samma dag", "Målvärde", null, null, null, null,
                AttainmentStatus.PartlyAchieved, AttainmentStatus.NotAchieved, 1, "%", TextBefore: "92,0\u00A0%", TextNow: "93,0\u00A0%"),
            new RevisedValue("2.1", 1, "Bedömning inom 3 dagar", "Kvinnor", "2025", 75.6m, "2025", 76.6m,
                AttainmentStatus.Achieved, AttainmentStatus.Achieved, 1, "%", HasStatus: false),
        ], ReportState.UnderReview);

        var notice = Render<RevisionNotice>(p => p.Add(n => n.Revision, revision));

        Assert.Equal("↻ Uppgifterna har reviderats sedan rapporten skickades till granskning", Plain(notice.Find("h2")).Trim());
        Assert.Contains("Rapporten nedan visar de siffror den skickades till granskning med.", System.Text.RegularExpressions.Regex.Replace(Plain(notice.Find("section")), @"\s+", " "), StringComparison.Ordinal);
        var rows = notice.FindAll("table.revision-table tbody tr");
        Assert.Equal(["2.1", "Målvärde", "92,0 % → 93,0 %", "◐ Delvis uppnått", "✕ Ej uppnått"], rows[0].QuerySelectorAll("td").Select(c => Plain(c).Trim()));
        Assert.Equal("Värdet har ingen egen status", rows[1].QuerySelector("td.none .visually-hidden")!.TextContent);
    }
}
