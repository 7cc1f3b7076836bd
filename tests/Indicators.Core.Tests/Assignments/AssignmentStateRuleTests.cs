using Indicators.Core.Assignments;

namespace Indicators.Core.Tests.Assignments;

public class AssignmentStateRuleTests
{
    static readonly DateOnly Today = new(2026, 9, 1);

    static AssignmentState Judge(DateOnly? end, params AssignmentStatus?[] statuses) =>
        AssignmentStateRule.Judge(statuses.Select((s, i) => new ReceiverStatus($"N{i + 1}", s)).ToList(), end, Today);

    [Fact]
    public void An_uppdrag_is_done_only_when_every_receiver_has_done_it()
    {
        Assert.Equal(AssignmentStatus.Done, Judge(null, AssignmentStatus.Done, AssignmentStatus.Done).Status);
        Assert.Equal(AssignmentStatus.InProgress, Judge(null, AssignmentStatus.Done, AssignmentStatus.InProgress).Status);
        Assert.Equal(AssignmentStatus.InProgress, Judge(null, AssignmentStatus.Done, null).Status);
    }

    [Fact]
    public void Closed_by_every_receiver_with_different_outcomes_reads_partly_done_and_a_cancelled_receiver_does_not_count()
    {
        Assert.Equal(AssignmentStatus.PartlyDone, Judge(null, AssignmentStatus.Done, AssignmentStatus.NotDone).Status);
        Assert.Equal(AssignmentStatus.Done, Judge(null, AssignmentStatus.Done, AssignmentStatus.Cancelled).Status);
        Assert.Equal(AssignmentStatus.NotDone, Judge(null, AssignmentStatus.NotDone, AssignmentStatus.Cancelled).Status);
        Assert.Equal(AssignmentStatus.Cancelled, Judge(null, AssignmentStatus.Cancelled, AssignmentStatus.Cancelled).Status);
    }

    [Fact]
    public void Nobody_reporting_reads_ej_påbörjat_and_says_so()
    {
        var state = Judge(null, null, null);

        Assert.Equal(AssignmentStatus.NotStarted, state.Status);
        Assert.Equal(0, state.Reported);
        Assert.Equal("0 av 2 mottagare har följt upp (N1: ej uppföljt; N2: ej uppföljt).", state.Explanation);
    }

    [Fact]
    public void An_open_uppdrag_past_its_end_date_is_overdue_and_a_closed_one_is_not()
    {
        var late = Judge(new DateOnly(2026, 6, 30), AssignmentStatus.InProgress);
        var lastDay = Judge(Today, AssignmentStatus.InProgress);
        var closed = Judge(new DateOnly(2026, 6, 30), AssignmentStatus.Done);

        Assert.True(late.Overdue);
        Assert.Contains("Slutdatum 2026-06-30 har passerat", late.Explanation, StringComparison.Ordinal);
        Assert.False(lastDay.Overdue);
        Assert.False(closed.Overdue);
    }

    [Theory]
    [InlineData("pågår", AssignmentStatus.InProgress)]
    [InlineData("DELVIS GENOMFÖRT", AssignmentStatus.PartlyDone)]
    [InlineData("not_started", AssignmentStatus.NotStarted)]
    [InlineData("klar", null)]
    [InlineData("", null)]
    public void A_status_is_read_from_its_code_or_its_Swedish_name(string text, AssignmentStatus? expected) =>
        Assert.Equal(expected, AssignmentStatusCodes.TryParse(text));
}
