using Indicators.Core.Observations;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>Parsing of the cells a file holds, the same for CSV and xlsx. Allocation-free on the common path, since a file may hold a million rows.</summary>
internal static class FileValues
{
    /// <summary>Empty, "..", "-" (and the en dash Excel's autocorrect turns it into) mean the source has no value: null, never 0.</summary>
    public static bool IsMissingMarker(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty || trimmed is ".." || trimmed is "-" || trimmed is "–";
    }

    /// <summary>T/K/M, or the Swedish words files spell them with.</summary>
    public static bool TryParseGender(string? text, out Gender gender)
    {
        if (GenderCodes.TryParse(text, out gender))
        {
            return true;
        }

        var t = text?.Trim();
        foreach (var candidate in (ReadOnlySpan<Gender>)[Gender.T, Gender.K, Gender.M])
        {
            if (string.Equals(t, candidate.SwedishName(), StringComparison.OrdinalIgnoreCase))
            {
                gender = candidate;
                return true;
            }
        }

        if (string.Equals(t, "Alla", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "Båda könen", StringComparison.OrdinalIgnoreCase))
        {
            gender = Gender.T;
            return true;
        }

        return false;
    }

    /// <summary>A status code ("ok", "suppressed", ...) or its Swedish name ("Skyddat (för få observationer)").</summary>
    public static bool TryParseStatus(string? text, out ObservationStatus status)
    {
        if (ObservationStatusCodes.TryParse(text, out status))
        {
            return true;
        }

        var t = text?.Trim();
        foreach (var candidate in Enum.GetValues<ObservationStatus>())
        {
            if (string.Equals(t, candidate.SwedishName(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }
}
