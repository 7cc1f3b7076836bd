using Indicators.Core.Assignments;
using Indicators.Data.Assignments;

namespace Indicators.Data.Tests.Assignments;

public partial class AssignmentStoreTests
{
    [Fact]
    public async Task The_list_filters_by_giver_receiver_overall_state_and_deadline()
    {
        var directed = await editor.CreateAsync(versionId, Directed("RF-1", "HSN", "RS") with { EndDate = new DateOnly(2026, 6, 30) }, Analyst);
        var toAdministration = await editor.CreateAsync(versionId, Directed("HSN-X-1") with
        {
            GivenByCommitteeId = committees["HSN"],
            EndDate = new DateOnly(2026, 12, 15),
            Receivers = [new(committees["HSN"], ReceiverLevels.Administration)],
        }, Analyst);
        var done = await editor.CreateAsync(versionId, Directed("RF-2", "RUN") with { EndDate = new DateOnly(2026, 3, 31) }, Analyst);
        await FollowUpAsync(directed, "HSN", "done", 2026);
        await FollowUpAsync(toAdministration, "HSN", "in_progress", 2026);
        await FollowUpAsync(done, "RUN", "done", 2026);

        // The demo's own uppdrag are in the list too; these checks look at the three made here.
        int[] mine = [directed, toAdministration, done];
        async Task<int[]> Ids(AssignmentFilter filter) => [.. (await queries.ListAsync(filter, Today)).Select(a => a.Id).Where(mine.Contains).Order()];

        Assert.Equal([directed, toAdministration, done], await Ids(new AssignmentFilter()));
        Assert.Equal([directed, done], await Ids(new AssignmentFilter(GivenByCouncil: true)));
        Assert.Equal([toAdministration], await Ids(new AssignmentFilter(GivenByCommitteeId: committees["HSN"])));
        Assert.Equal([directed, toAdministration], await Ids(new AssignmentFilter(ReceiverCommitteeId: committees["HSN"])));
        Assert.Equal([directed], await Ids(new AssignmentFilter(ReceiverCommitteeId: committees["RS"])));
        Assert.Equal([directed, toAdministration], await Ids(new AssignmentFilter(Status: AssignmentStatus.InProgress)));
        Assert.Equal([done], await Ids(new AssignmentFilter(Status: AssignmentStatus.Done)));
        Assert.Equal([directed], await Ids(new AssignmentFilter(Deadline: AssignmentDeadline.Overdue)));
        Assert.Equal([directed, toAdministration, done], await Ids(new AssignmentFilter(Deadline: AssignmentDeadline.EndsThisYear)));
        Assert.Equal([toAdministration], await Ids(new AssignmentFilter(Deadline: AssignmentDeadline.EndsSoon)));
        Assert.Empty(await Ids(new AssignmentFilter(VersionId: 987654)));
    }

    [Fact]
    public async Task An_uppdrag_to_two_nämnder_is_only_as_far_along_as_both_and_overdue_until_both_have_closed_it()
    {
        var id = await editor.CreateAsync(versionId, Directed("RF-1", "HSN", "RS"), Analyst);

        var before = (await queries.GetAsync(id, Today))!;
        Assert.Equal(AssignmentStatus.NotStarted, before.State.Status);
        Assert.True(before.State.Overdue);
        Assert.Equal(0, before.State.Reported);

        await FollowUpAsync(id, "HSN", "in_progress", 2025, "annual");
        await FollowUpAsync(id, "HSN", "done", 2026);
        await FollowUpAsync(id, "RS", "in_progress", 2026);
        var half = (await queries.GetAsync(id, Today))!;
        var hsn = half.Receivers.Single(r => r.Code == "HSN");
        Assert.Equal([AssignmentStatus.Done, AssignmentStatus.InProgress], hsn.FollowUps.Select(f => f.Status));
        Assert.Equal("Delårsrapport 2026 (jan–aug)", hsn.Latest!.PeriodTitle);
        Assert.Equal(AssignmentStatus.InProgress, half.State.Status);
        Assert.True(half.State.Overdue);
        Assert.Contains("Slutdatum 2026-06-30 har passerat", half.State.Explanation, StringComparison.Ordinal);

        await FollowUpAsync(id, "RS", "partly_done", 2026, "annual");
        var closed = (await queries.GetAsync(id, Today))!;
        Assert.Equal(AssignmentStatus.PartlyDone, closed.State.Status);
        Assert.False(closed.State.Overdue);
        Assert.Equal("2 av 2 mottagare har följt upp (Hälso- och sjukvårdsnämnden: genomfört; Regionstyrelsen: delvis genomfört).", closed.State.Explanation);
    }
}
