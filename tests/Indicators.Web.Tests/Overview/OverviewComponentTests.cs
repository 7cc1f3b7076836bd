using Bunit;
using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Web.Overview;

namespace Indicators.Web.Tests.Overview;

public class OverviewComponentTests : BunitContext
{
    IRenderedComponent<OverviewView> RenderOverview(OverviewModel? model) =>
        Render<OverviewView>(p => p.Add(v => v.Model, model).Add(v => v.Plans, []));

    static string RowText(IRenderedComponent<OverviewView> view, string indicator) =>
        view.FindAll("table.indicator-table tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == indicator).TextContent;

    [Fact]
    public void An_indicator_row_shows_its_outcome_period_and_target_in_Swedish_format_with_status_in_words()
    {
        var view = RenderOverview(HandBuiltPlan.Model());

        var row = RowText(view, "Andel i tid");
        Assert.Contains("85,0\u00A0%", row, StringComparison.Ordinal);
        Assert.Contains("2025", row, StringComparison.Ordinal);
        Assert.Contains("80,0\u00A0%", row, StringComparison.Ordinal);
        Assert.Contains("exempel", row, StringComparison.Ordinal);
        Assert.Contains("● Uppnått", row, StringComparison.Ordinal);
        Assert.Contains("▲ Bättre", row, StringComparison.Ordinal);
        Assert.DoesNotContain("senast publicerade", row, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_from_an_earlier_year_is_marked_as_the_latest_published_and_the_page_says_why()
    {
        var view = RenderOverview(HandBuiltPlan.Model());

        var row = RowText(view, "Väntande");
        Assert.Contains("50,0\u00A0%", row, StringComparison.Ordinal);
        Assert.Contains("senast publicerade", row, StringComparison.Ordinal);
        Assert.Contains("✕ Ej uppnått", row, StringComparison.Ordinal);
        Assert.Contains("Årsstatistik publiceras året efter", view.Find("p.period-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Stale_data_and_a_failed_last_run_are_marked_in_words_and_link_to_their_source()
    {
        var view = RenderOverview(HandBuiltPlan.Model());

        var failed = view.FindAll("a.freshness").Single(a => a.TextContent.Contains("Senaste körningen misslyckades", StringComparison.Ordinal));
        Assert.Equal("kallor/7", failed.GetAttribute("href"));
        var stale = view.FindAll("a.freshness").Single(a => a.TextContent.Contains("Inaktuell", StringComparison.Ordinal));
        Assert.Equal("kallor/8", stale.GetAttribute("href"));
        Assert.Contains("Ingen källa", RowText(view, "Utan målvärde"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_goal_shows_its_counts_per_status_in_words_and_its_suggested_assessment()
    {
        var view = RenderOverview(HandBuiltPlan.Model());

        var goal = view.FindAll("article.goal").Single(a => a.QuerySelector("h3")!.TextContent.Contains("Mål 1.1", StringComparison.Ordinal));
        var counts = goal.QuerySelectorAll("ul.status-counts li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("● Uppnått: 1", counts);
        Assert.Contains("◐ Delvis uppnått: 0", counts);
        Assert.Contains("✕ Ej uppnått: 1", counts);
        Assert.Contains("? Kan ej bedömas: 0", counts);
        Assert.Contains("⚠ Inaktuella data eller misslyckad körning: 2", counts);
        Assert.Contains("◐ Delvis uppfyllt", goal.QuerySelector(".suggestion summary")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Förslag: Delvis uppfyllt", goal.QuerySelector(".suggestion details p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_filter_leaves_only_matching_rows_and_says_how_many_of_the_goals_indicators_are_shown()
    {
        var view = RenderOverview(HandBuiltPlan.Model(OverviewFilter.Parse(null, null, "ej-uppnatt")));

        var rows = view.FindAll("table.indicator-table tbody tr");
        Assert.Equal("Väntande", Assert.Single(rows).QuerySelector("th a")!.TextContent);
        Assert.Contains("Filtret visar 1 av målets 2 indikatorer", view.Markup, StringComparison.Ordinal);
        Assert.Equal("ej-uppnatt", view.Find("#status option[selected]").GetAttribute("value"));
    }

    [Fact]
    public void A_nämnd_filter_leaves_the_nämnds_goals_and_indicators_and_is_chosen_in_the_form()
    {
        var view = RenderOverview(HandBuiltPlan.Model(OverviewFilter.Parse(null, "3", null)));

        var names = view.FindAll("table.indicator-table tbody th > a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Väntande", "Utan målvärde"], names);
        Assert.Equal("Regionala utvecklingsnämnden", view.Find("#namnd option[selected]").TextContent);
    }

    [Fact]
    public void A_filter_that_matches_nothing_says_so_and_offers_to_show_all()
    {
        var view = RenderOverview(HandBuiltPlan.Model(OverviewFilter.Parse(null, null, "delvis")));

        Assert.Empty(view.FindAll("table.indicator-table"));
        Assert.Contains("Inga indikatorer matchar filtret.", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_without_indicators_says_so()
    {
        var view = RenderOverview(HandBuiltPlan.Model());

        var goal = view.FindAll("article.goal").Single(a => a.QuerySelector("h3")!.TextContent.Contains("Mål 1.3", StringComparison.Ordinal));
        Assert.Contains("Inga indikatorer är kopplade till målet.", goal.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_goal_areas_says_so()
    {
        var view = RenderOverview(HandBuiltPlan.Model(plan: HandBuiltPlan.Plan([])));

        Assert.Contains("Planen har inga målområden ännu.", view.Markup, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("table"));
    }

    [Fact]
    public void Without_any_plan_the_overview_says_there_is_none_yet()
    {
        var view = RenderOverview(null);

        Assert.Equal("Inga planer ännu", view.Find("h1").TextContent);
    }

    [Fact]
    public void The_sparkline_is_hidden_from_screen_readers_and_summarised_in_text()
    {
        var values = new[] { (2019, 61.8m), (2020, 63m), (2024, 68m) }.Select(v => Outcome.Of(Period.OfYear(v.Item1), v.Item2)).ToList();

        var sparkline = Render<Sparkline>(p => p.Add(s => s.Values, values).Add(s => s.Decimals, 1).Add(s => s.Unit, "%"));

        Assert.Equal("true", sparkline.Find("svg").GetAttribute("aria-hidden"));
        Assert.Equal("Utveckling 2019–2024: 61,8 → 68,0\u00A0%", sparkline.Find(".visually-hidden").TextContent);
        Assert.Equal(3, sparkline.Find("polyline").GetAttribute("points")!.Split(' ').Length);
    }

    [Fact]
    public void A_sparkline_with_fewer_than_two_values_says_so_instead_of_drawing()
    {
        var sparkline = Render<Sparkline>(p => p.Add(s => s.Values, [Outcome.Of(Period.OfYear(2024), 1m)]));

        Assert.Empty(sparkline.FindAll("svg"));
        Assert.Equal("För få värden", sparkline.Find(".none").TextContent);
    }
}
