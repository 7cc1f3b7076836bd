namespace Indicators.Core.Attainment;

/// <summary>An outcome's status against its målvärde.</summary>
public enum AttainmentStatus
{
    Achieved,
    PartlyAchieved,
    NotAchieved,
    NotAssessable,
}

/// <summary>
/// Swedish names and shapes. Status is never shown by colour alone: each status has a distinct shape that
/// reads in greyscale and for colour-blind users — ● full (uppnått), ◐ half (delvis), ✕ cross (ej uppnått),
/// ? question mark (kan ej bedömas).
/// </summary>
public static class AttainmentStatusNames
{
    public static string SwedishName(this AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => "Uppnått",
        AttainmentStatus.PartlyAchieved => "Delvis uppnått",
        AttainmentStatus.NotAchieved => "Ej uppnått",
        AttainmentStatus.NotAssessable => "Kan ej bedömas",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Symbol(this AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => "●",
        AttainmentStatus.PartlyAchieved => "◐",
        AttainmentStatus.NotAchieved => "✕",
        AttainmentStatus.NotAssessable => "?",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Shape and name together, e.g. "◐ Delvis uppnått".</summary>
    public static string Label(this AttainmentStatus status) => $"{status.Symbol()} {status.SwedishName()}";
}
