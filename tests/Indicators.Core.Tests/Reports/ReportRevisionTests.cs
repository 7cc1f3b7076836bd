using Indicators.Core.Attainment;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.Reports;

public class ReportRevisionTests
{
    static ReportIndicator Indicator(int id, decimal? outcome, string? period = "2026 jan–aug", AttainmentStatus status = AttainmentStatus.Achieved, decimal? women = null) =>
        new(id, $"I{id}", $"Indikator {id}", "%", 1, women is not null, "90,0\u00A0%", false, period, outcome, false, status, "", Trend.NotAssessable, null,
            women, women is null ? null : women + 2, null, null, null, IndicatorComment.Empty);

    static ReportDocument Report(params ReportIndicator[] indicators) => new(
        new ReportHeader(1, 1, "Plan", "Version", "Region", 2026, ReportKind.Interim, 7, "HSN", ReportState.Finalised, null, null, DateTimeOffset.UnixEpoch),
        [new ReportArea("2", "Vård", false, [new ReportGoal(10, "2.1", "Mål", 7, "HSN", GoalAssessment.Met, "", GoalTexts.Empty, indicators)])]);

    [Fact]
    public void Unchanged_data_gives_no_changes_and_says_how_many_values_were_compared()
    {
        var report = Report(Indicator(1, 91m), Indicator(2, null), Indicator(3, 80m, women: 79m));

        var revision = ReportRevision.Compare(report, report);

        Assert.False(revision.HasChanges);
        Assert.Equal("Inga uppgifter har reviderats sedan rapporten fastställdes (4 värden jämförda).", revision.Summary);
    }

    [Fact]
    public void One_value_and_one_indicator_are_named_in_the_singular()
    {
        var frozen = Report(Indicator(1, 91m));

        Assert.Equal("Inga uppgifter har reviderats sedan rapporten fastställdes (1 värde jämfört).", ReportRevision.Compare(frozen, frozen).Summary);
        Assert.Equal("Uppgifterna har reviderats sedan rapporten fastställdes: 1 av 1 värde har ändrats och 1 indikator skulle i dag få en annan status. "
            + "Den fastställda rapporten är oförändrad.", ReportRevision.Compare(frozen, Report(Indicator(1, 80m, status: AttainmentStatus.NotAchieved))).Summary);
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
        Assert.Equal("Uppgifterna har reviderats sedan rapporten fastställdes: 4 av 5 värden har ändrats och 2 indikatorer skulle i dag få en annan status. "
            + "Den fastställda rapporten är oförändrad.", revision.Summary);
    }

    [Fact]
    public void An_indicator_no_longer_in_the_goal_is_left_out_of_the_comparison()
    {
        var revision = ReportRevision.Compare(Report(Indicator(1, 91m), Indicator(2, 50m)), Report(Indicator(1, 91m)));

        Assert.Equal((1, false), (revision.ComparedValues, revision.HasChanges));
    }
}
