using Indicators.Core.Formatting;

namespace Indicators.Core.Assignments;

/// <summary>One receiver's latest follow-up of an uppdrag; <see cref="Status"/> null when it has not reported yet.</summary>
public sealed record ReceiverStatus(string Receiver, AssignmentStatus? Status);

/// <summary>
/// An uppdrag's overall state, seen from its receivers' follow-ups (a Swedish sentence says how it was reached), and
/// whether it is overdue: its end date has passed and it is not closed.
/// </summary>
public sealed record AssignmentState(AssignmentStatus Status, bool Overdue, int Reported, int Receivers, string Explanation);

/// <summary>
/// The rule for an uppdrag directed at several receivers. It is only as far along as its receivers together:
/// <list type="bullet">
/// <item>closed only when every receiver has closed it: genomfört if all that did not cancel did it, avbrutet if all
/// cancelled, ej genomfört if none did any of it, otherwise delvis genomfört;</item>
/// <item>while some receiver is still working: pågår as soon as any has started (or finished), else ej påbörjat;</item>
/// <item>a receiver that has not reported counts as ej påbörjat.</item>
/// </list>
/// Overdue: the end date lies before <c>today</c> and the uppdrag is not closed.
/// </summary>
public static class AssignmentStateRule
{
    public static AssignmentState Judge(IReadOnlyList<ReceiverStatus> receivers, DateOnly? endDate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        var statuses = receivers.Select(r => r.Status ?? AssignmentStatus.NotStarted).ToList();
        var reported = receivers.Count(r => r.Status is not null);
        var status = Combine(statuses);
        var overdue = endDate is { } end && end < today && !status.IsClosed();
        return new AssignmentState(status, overdue, reported, receivers.Count, Explain(receivers, reported, overdue, endDate));
    }

    static AssignmentStatus Combine(List<AssignmentStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return AssignmentStatus.NotStarted;
        }

        if (statuses.All(s => s.IsClosed()))
        {
            var carried = statuses.Where(s => s != AssignmentStatus.Cancelled).ToList();
            if (carried.Count == 0)
            {
                return AssignmentStatus.Cancelled;
            }

            if (carried.All(s => s == AssignmentStatus.Done))
            {
                return AssignmentStatus.Done;
            }

            return carried.All(s => s == AssignmentStatus.NotDone) ? AssignmentStatus.NotDone : AssignmentStatus.PartlyDone;
        }

        return statuses.Any(s => s != AssignmentStatus.NotStarted) ? AssignmentStatus.InProgress : AssignmentStatus.NotStarted;
    }

    static string Explain(IReadOnlyList<ReceiverStatus> receivers, int reported, bool overdue, DateOnly? endDate)
    {
        if (receivers.Count == 0)
        {
            return "Uppdraget har ingen mottagare.";
        }

        var parts = receivers.Select(r => $"{r.Receiver}: {(r.Status is { } s ? s.SwedishName().ToLower(SwedishFormat.Culture) : "ej uppföljt")}").ToList();
        var text = $"{reported} av {SwedishFormat.Count(receivers.Count, "mottagare", "mottagare")} har följt upp ({string.Join("; ", parts)}).";
        return overdue && endDate is { } end
            ? $"{text} Slutdatum {end.ToString("yyyy-MM-dd", SwedishFormat.Culture)} har passerat utan att uppdraget är avslutat."
            : text;
    }
}
