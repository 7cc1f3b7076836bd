using Indicators.Core.Assignments;
using Indicators.Data.Assignments;

namespace Indicators.Data.Tests.Assignments;

public partial class AssignmentStoreTests
{
    [Fact]
    public async Task The_demo_has_HSNs_uppdrag_to_the_förvaltning_quoted_from_seed_003_under_their_mål_and_two_example_riktade_uppdrag()
    {
        var all = await queries.ListAsync(new AssignmentFilter(), Today);

        var hsn = all.Where(a => a.Code.StartsWith("HSN-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["1.2:1", "2.1:5", "2.2:5", "3.1:3", "3.2:2", "E.1:4"],
            hsn.GroupBy(a => a.GoalCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}"));
        Assert.All(hsn, a =>
        {
            Assert.Equal("Hälso- och sjukvårdsnämnden", a.GivenBy);
            var receiver = Assert.Single(a.Receivers);
            Assert.Equal(("HSN", ReceiverLevels.Administration), (receiver.Code, receiver.Level));
            Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)), (a.StartDate!.Value, a.EndDate!.Value));
            Assert.False(a.IsExample);
            Assert.DoesNotContain("*", a.Text, StringComparison.Ordinal);
        });
        // Seed 003 §4.1 and §3.2.1, word for word.
        Assert.Equal(
            "att styra verksamhetens omfattning till att klara kostnad per DRG poäng vid periodens slut att uppgå till högst 7,5 procent över snittet i riket för jämförbara sjukhus",
            hsn.Single(a => a.Code == "HSN-E.1-4").Text);
        Assert.Equal("att införa 'En väg in' för barn och unga med psykisk ohälsa.", hsn.Single(a => a.Code == "HSN-2.1-3").Text);

        // Region Västernorrland's (Region Västerbotten's riktade uppdrag, RU-1 to RU-13, are its own organisation's).
        var directed = all.Where(a => a.GivenByCommitteeId is null && !a.Code.StartsWith("RU-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["RF-2025-1", "RF-2025-2"], directed.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.All(directed, a =>
        {
            Assert.True(a.IsExample);
            Assert.Equal("Regionfullmäktige", a.GivenBy);
            Assert.Equal(["HSN", "RS"], a.Receivers.Select(r => r.Code));
        });
        Assert.Equal(["HYRPERSONAL_ANDEL"], directed.Single(a => a.Code == "RF-2025-1").Indicators.Select(i => i.Code));

        // Example follow-ups in the årsrapport 2025: HSN works on RF-2025-1, RS on RF-2025-2, which is still late.
        var hyr = directed.Single(a => a.Code == "RF-2025-1");
        Assert.Equal((AssignmentStatus.InProgress, 1, false), (hyr.State.Status, hyr.State.Reported, hyr.State.Overdue));
        Assert.True(hyr.Receivers.Single(r => r.Code == "HSN").Latest!.IsExample);
        var late = directed.Single(a => a.Code == "RF-2025-2");
        Assert.Equal((AssignmentStatus.InProgress, 1, true), (late.State.Status, late.State.Reported, late.State.Overdue));
        Assert.Equal(["HSN-2.1-3", "HSN-2.2-3", "HSN-3.1-2"], hsn.Where(a => a.State.Reported > 0).Select(a => a.Code).Order(StringComparer.Ordinal));
    }
}
