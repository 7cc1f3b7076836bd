using System.Globalization;
using Indicators.Core.Formatting;
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

    /// <summary>
    /// A workbook's number as the value column holds it. <c>observation.value</c> is an unbounded <c>numeric</c>, but it is
    /// read and written as a .NET decimal, so the bound is decimal's: NaN, ±∞ and anything from ±7,9·10²⁸ on do not fit
    /// (decimal's own conversion throws OverflowException for them).
    /// </summary>
    public static bool TryToDecimal(double number, out decimal value)
    {
        value = 0;
        if (!double.IsFinite(number) || Math.Abs(number) >= (double)decimal.MaxValue)
        {
            return false;
        }

        try
        {
            value = (decimal)number;
            return true;
        }
        catch (OverflowException)
        {
            // Within a rounding step of the bound.
            return false;
        }
    }

    /// <summary>
    /// Whether a value that is no number we read ("1e300", "NaN", "-Infinity", thirty digits) is still a number, only one
    /// that <see cref="TryToDecimal"/> refuses: then the reason says so instead of "är inte ett tal".
    /// </summary>
    public static bool IsUnstorableNumber(string text, DecimalMark mark)
    {
        var normalized = mark == DecimalMark.Comma ? text.Trim().Replace(',', '.') : text.Trim();
        return double.TryParse(normalized, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !TryToDecimal(number, out _);
    }

    /// <summary>The reason for a number that cannot be stored, in Swedish.</summary>
    public static string UnstorableNumber(string text) =>
        $"'{StorableText.Excerpt(text, 40)}' kan inte lagras: ett värde måste vara ett ändligt tal, till beloppet under 7,9·10²⁸";
}
