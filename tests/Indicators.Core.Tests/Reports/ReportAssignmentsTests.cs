using System.Text.Json;
using System.Text.Json.Serialization;
using Indicators.Core.Assignments;
using Indicators.Core.Reports;

namespace Indicators.Core.Tests.Reports;

/// <summary>The report's uppdrag section: the region's composition from the nämnder's reports, and its snapshot JSON.</summary>
public class ReportAssignmentsTests
{
    static readonly DateOnly Today = new(2026, 9, 14);
    static readonly JsonSerializerOptions Snapshot = new() { Converters = { new JsonStringEnumConverter() } };

    static ReportAssignmentFollowUp FollowUp(int committee, string name, AssignmentStatus? status, string comment = "") =>
        new(committee, name, false, status, comment, null, Version: status is null ? 0 : 1);

    static ReportAssignment Riktat(DateOnly? end, params ReportAssignmentFollowUp[] followUps) => ReportAssignments.Judged(
        new ReportAssignment(7, "RF1", "Minska hyrberoendet", ReportAssignments.Fullmaktige, true, null, null, null, end, false, [],
            AssignmentStateRule.Judge([], null, Today)), followUps, Today);

    [Fact]
    public void The_region_takes_each_receivers_part_from_its_own_report_and_judges_the_state_again()
    {
        // Live: HSN has since changed nothing (its report is submitted), RS has reported genomfört in its open report.
        var live = Riktat(new DateOnly(2027, 12, 31), FollowUp(1, "HSN", null), FollowUp(3, "RS", AssignmentStatus.Done));
        var hsnSubmitted = Riktat(new DateOnly(2027, 12, 31), FollowUp(1, "HSN", AssignmentStatus.Done, "Klart i juni."));

        var region = Assert.Single(ReportAssignments.ComposeRegion([live], [(1, [hsnSubmitted])], Today));

        Assert.Equal([AssignmentStatus.Done, AssignmentStatus.Done], region.FollowUps.Select(f => f.Status));
        Assert.Equal("Klart i juni.", region.FollowUps[0].Comment);
        Assert.Equal((AssignmentStatus.Done, 2), (region.State.Status, region.State.Reported));
    }

    [Fact]
    public void A_receiver_whose_report_lacks_the_uppdrag_keeps_its_live_part_and_an_open_uppdrag_past_its_end_is_overdue()
    {
        var live = Riktat(new DateOnly(2026, 6, 30), FollowUp(1, "HSN", AssignmentStatus.InProgress), FollowUp(3, "RS", null));

        var region = Assert.Single(ReportAssignments.ComposeRegion([live], [(1, []), (3, [])], Today));

        Assert.Equal([AssignmentStatus.InProgress, null], region.FollowUps.Select(f => f.Status));
        Assert.True(region.State.Overdue);
        Assert.Contains("Slutdatum 2026-06-30 har passerat", region.State.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_section_round_trips_through_the_snapshot_json_and_a_snapshot_without_it_reads_empty()
    {
        var header = new ReportHeader(1, 1, "Regionplan", "Fastställd", "Region Västernorrland", 2026, ReportKind.Interim, 1, "HSN",
            ReportState.Finalised, null, null, new DateTimeOffset(2026, 9, 14, 8, 0, 0, TimeSpan.Zero));
        var document = new ReportDocument(header, []) { Assignments = [Riktat(null, FollowUp(1, "HSN", AssignmentStatus.PartlyDone, "Delvis."))] };

        var json = JsonSerializer.Serialize(document, Snapshot);
        var read = JsonSerializer.Deserialize<ReportDocument>(json, Snapshot)!;

        Assert.Equal(JsonSerializer.Serialize(document.Assignments, Snapshot), JsonSerializer.Serialize(read.Assignments, Snapshot));
        Assert.Contains("\"PartlyDone\"", json, StringComparison.Ordinal);
        var before = JsonSerializer.Serialize(new ReportDocument(header, []), Snapshot).Replace(",\"Assignments\":[]", "", StringComparison.Ordinal);
        Assert.DoesNotContain("Assignments", before, StringComparison.Ordinal);
        Assert.Empty(JsonSerializer.Deserialize<ReportDocument>(before, Snapshot)!.Assignments);
    }
}
