using Indicators.Core.Attainment;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.Reports;

public class ReportRevisionTests
{
    static ReportIndicator Indicator(int id, decimal? outcome, string? period = "2026 jan–aug", AttainmentStatus status = AttainmentStatus.Achieved, decimal? women = null,
        string target = "90,0\u00A0%", ReportForecast? forecast = null) =>
        new(id, $"I{id}", $"Indikator {id}", "%", 1, women is not null, target, false, period, outcome, false, status, "", Trend.NotAssessable, null,
            women, women is null ? null : women + 2, null, forecast, null, IndicatorComment.Empty);

    static ReportDocument Report(params ReportIndicator[] indicators) => Report(ReportState.Finalised, indicators);

    static ReportDocument Report(ReportState state, params ReportIndicator[] indicators) => new(
        new ReportHeader(1, 1, "Plan", "Version", "Region", 2026, ReportKind.Interim, 7, "HSN", state, null, null, DateTimeOffset.UnixEpoch),
        [new ReportArea("2", "Vård", false, [new ReportGoal(10, "2.1", "Mål", 7, "HSN", GoalAssessment.Met, "", GoalTexts.Empty, indicators)])]);

    static ReportForecast Forecast(decimal value, AttainmentStatus status) => new(value, ForecastMethod.LinearProRating, status, "");

    [Fact]
    public void Unchanged_data_gives_no_changes_and_says_how_many_values_were_compared()
    {
        var report = Report(Indicator(1, 91m), Indicator(2, null), Indicator(3, 80m, women: 79m));

        var revision = ReportRevision.Compare(report, report);

        Assert.False(revision.HasChanges);
        // Three målvärden, three outcomes, K and M.
        Assert.Equal("Inga uppgifter har reviderats sedan rapportens siffror lästes (7 värden jämförda).", revision.Summary);
    }

    [Fact]
    public void One_value_and_one_indicator_are_named_in_the_singular()
    {
        // Without an outcome only the målvärde is compared.
        var frozen = Report(Indicator(1, null, period: null, status: AttainmentStatus.NotAssessable));

        Assert.Equal("Inga uppgifter har reviderats sedan rapportens siffror lästes (1 värde jämfört).", ReportRevision.Compare(frozen, frozen).Summary);
        Assert.Equal("Uppgifterna har reviderats sedan rapportens siffror lästes: 1 av 1 värde har ändrats och 1 indikator skulle i dag få en annan status. "
            + "Den fastställda rapporten är oförändrad.",
            ReportRevision.Compare(frozen, Report(Indicator(1, null, period: null, status: AttainmentStatus.Achieved, target: "Inget målvärde"))).Summary);
    }

    [Fact]
    public void A_revised_value_a_new_value_and_a_changed_status_are_each_named_with_the_size_of_the_change()
    {
        var frozen = Report(Indicator(1, 91m), Indicator(2, null, period: null, status: AttainmentStatus.NotAssessable), Indicator(3, 80m, women: 79m));
        var now = Report(Indicator(1, 88.5m, status: AttainmentStatus.PartlyAchieved), Indicator(2, 70m), Indicator(3, 80m, women: 79.5m));

        var revision = ReportRevision.Compare(frozen, now);

        Assert.Equal(["Indikator 1 Utfall 91,0\u00A0% → 88,5\u00A0% (−2,5)", "Indikator 2 Utfall saknas → 70,0\u00A0% (inget utfall → 2026 jan–aug)", "Indikator 3 Kvinnor 79,0\u00A0% → 79,5\u00A0% (+0,5)",
                "Indikator 3 Män 81,0\u00A0% → 81,5\u00A0% (+0,5)"],
            revision.Changes.Select(c => $"{c.IndicatorName} {c.What} {c.Describe()}"));
        Assert.Equal(2, revision.StatusChanges);
        Assert.Equal("Uppgifterna har reviderats sedan rapportens siffror lästes: 4 av 8 värden har ändrats och 2 indikatorer skulle i dag få en annan status. "
            + "Den fastställda rapporten är oförändrad.", revision.Summary);
    }

    [Fact]
    public void An_indicator_no_longer_in_the_goal_is_left_out_of_the_comparison()
    {
        var revision = ReportRevision.Compare(Report(Indicator(1, 91m), Indicator(2, 50m)), Report(Indicator(1, 91m)));

        // Indicator 1's målvärde and outcome.
        Assert.Equal((2, false), (revision.ComparedValues, revision.HasChanges));
    }

    [Fact]
    public void A_malvarde_changed_after_submission_is_named_with_the_forecast_status_it_changes_and_the_report_reads_as_submitted()
    {
        // The case: submitted against 92,0 %, the plan then says 93,0 % and the forecast would no longer be within tolerance.
        var submitted = Report(ReportState.UnderReview,
            Indicator(1, 88m, status: AttainmentStatus.NotAchieved, target: "92,0\u00A0%", forecast: Forecast(89.5m, AttainmentStatus.PartlyAchieved)));
        var now = Report(ReportState.Open,
            Indicator(1, 88m, status: AttainmentStatus.NotAchieved, target: "93,0\u00A0%", forecast: Forecast(89.5m, AttainmentStatus.NotAchieved)));

        var revision = ReportRevision.Compare(submitted, now);

        Assert.Equal(["Målvärde 92,0\u00A0% → 93,0\u00A0% ✕ Ej uppnått → ✕ Ej uppnått", "Prognosstatus Delvis uppnått → Ej uppnått ◐ Delvis uppnått → ✕ Ej uppnått"],
            revision.Changes.Select(c => $"{c.What} {c.Describe()} {c.StatusBefore.Label()} → {c.StatusNow.Label()}"));
        Assert.All(revision.Changes, c => Assert.True(c.HasStatus));
        Assert.Equal((ReportState.UnderReview, 1, 1), (revision.Baseline, revision.ValueChanges, revision.StatusChanges));
        Assert.Equal("Uppgifterna har reviderats sedan rapporten skickades till granskning", revision.Heading);
        Assert.Equal("Uppgifterna har reviderats sedan rapporten skickades till granskning: 1 av 3 värden har ändrats och 1 indikator skulle i dag få en "
            + "annan status. Rapporten visar siffrorna som de var när den skickades till granskning.", revision.Summary);
    }

    [Fact]
    public void A_status_that_changes_with_every_value_as_it_was_is_named_on_its_own_and_K_and_M_have_no_status()
    {
        // A tolerance or a direction changed: the outcome is the same, its status is not.
        var revision = ReportRevision.Compare(Report(Indicator(1, 88m, status: AttainmentStatus.PartlyAchieved, women: 87m)),
            Report(Indicator(1, 88m, status: AttainmentStatus.NotAchieved, women: 86m)));

        Assert.Equal(["Status Delvis uppnått → Ej uppnått True", "Kvinnor 87,0\u00A0% → 86,0\u00A0% (−1,0) False", "Män 89,0\u00A0% → 88,0\u00A0% (−1,0) False"],
            revision.Changes.Select(c => $"{c.What} {c.Describe()} {c.HasStatus}"));
        Assert.Equal((2, 1), (revision.ValueChanges, revision.StatusChanges));

        var statusOnly = ReportRevision.Compare(Report(Indicator(1, 88m, status: AttainmentStatus.PartlyAchieved)), Report(Indicator(1, 88m, status: AttainmentStatus.NotAchieved)));
        Assert.Equal("Inget av de 2 jämförda värdena har ändrats sedan rapportens siffror lästes, men 1 indikator skulle i dag få en annan status. "
            + "Den fastställda rapporten är oförändrad.", statusOnly.Summary);
    }
}
