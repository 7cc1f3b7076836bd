namespace Indicators.Core.Assignments;

/// <summary>Where one receiver stands with an uppdrag in a report period, as the receiver reports it.</summary>
public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Done,
    PartlyDone,
    NotDone,
    Cancelled,
}

public static class AssignmentStatusNames
{
    /// <summary>The words a delårsrapport uses: ej påbörjat, pågår, genomfört, delvis genomfört, ej genomfört, avbrutet.</summary>
    public static string SwedishName(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "Ej påbörjat",
        AssignmentStatus.InProgress => "Pågår",
        AssignmentStatus.Done => "Genomfört",
        AssignmentStatus.PartlyDone => "Delvis genomfört",
        AssignmentStatus.NotDone => "Ej genomfört",
        AssignmentStatus.Cancelled => "Avbrutet",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A shape for each status so that it never reads by colour alone: ○ ◔ ● ◐ ✕ ⊘.</summary>
    public static string Symbol(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "○",
        AssignmentStatus.InProgress => "◔",
        AssignmentStatus.Done => "●",
        AssignmentStatus.PartlyDone => "◐",
        AssignmentStatus.NotDone => "✕",
        AssignmentStatus.Cancelled => "⊘",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>True when the receiver's work has ended, one way or another: nothing more is expected of it.</summary>
    public static bool IsClosed(this AssignmentStatus status) =>
        status is AssignmentStatus.Done or AssignmentStatus.PartlyDone or AssignmentStatus.NotDone or AssignmentStatus.Cancelled;
}

/// <summary>The database's codes for a status (assignment_follow_up.status).</summary>
public static class AssignmentStatusCodes
{
    public static string Code(this AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "not_started",
        AssignmentStatus.InProgress => "in_progress",
        AssignmentStatus.Done => "done",
        AssignmentStatus.PartlyDone => "partly_done",
        AssignmentStatus.NotDone => "not_done",
        AssignmentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static AssignmentStatus Parse(string code) => code switch
    {
        "not_started" => AssignmentStatus.NotStarted,
        "in_progress" => AssignmentStatus.InProgress,
        "done" => AssignmentStatus.Done,
        "partly_done" => AssignmentStatus.PartlyDone,
        "not_done" => AssignmentStatus.NotDone,
        "cancelled" => AssignmentStatus.Cancelled,
        _ => throw new FormatException($"Unknown assignment status '{code}'."),
    };

    /// <summary>A status read from user input or a plan document: the code or the Swedish name, any case; null if neither.</summary>
    public static AssignmentStatus? TryParse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        foreach (var status in Enum.GetValues<AssignmentStatus>())
        {
            if (string.Equals(trimmed, status.Code(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, status.SwedishName(), StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        return null;
    }
}
