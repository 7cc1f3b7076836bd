namespace Indicators.Core.Observations;

/// <summary>Why an outcome has or lacks a value. Only <see cref="Ok"/> carries a value.</summary>
public enum ObservationStatus
{
    Ok,
    Missing,
    Suppressed,
    NotPublished,
    Retracted,
}

public static class ObservationStatusCodes
{
    public static string ToCode(this ObservationStatus status) => status switch
    {
        ObservationStatus.Ok => "ok",
        ObservationStatus.Missing => "missing",
        ObservationStatus.Suppressed => "suppressed",
        ObservationStatus.NotPublished => "not_published",
        ObservationStatus.Retracted => "retracted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? code, out ObservationStatus status)
    {
        foreach (var candidate in Enum.GetValues<ObservationStatus>())
        {
            if (string.Equals(candidate.ToCode(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = ObservationStatus.Missing;
        return false;
    }

    public static string SwedishName(this ObservationStatus status) => status switch
    {
        ObservationStatus.Ok => "Värde finns",
        ObservationStatus.Missing => "Saknas hos källan",
        ObservationStatus.Suppressed => "Skyddat (för få observationer)",
        ObservationStatus.NotPublished => "Ännu inte publicerat",
        ObservationStatus.Retracted => "Återkallat av källan",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
