using System.Globalization;
using Indicators.Core.Observations;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>Which character a number's decimals follow.</summary>
internal enum DecimalMark
{
    Point,
    Comma,
    /// <summary>Text cells in a workbook: whichever of ',' or '.' the cell uses (one of them, once).</summary>
    Either,
}

/// <summary>Parsing of the cells a file holds, the same for CSV and xlsx. Allocation-free on the common path, since a file may hold a million rows.</summary>
internal static class FileValues
{
    /// <summary>Empty, "..", "-" (and the en dash Excel's autocorrect turns it into) mean the source has no value: null, never 0.</summary>
    public static bool IsMissingMarker(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty || trimmed is ".." || trimmed is "-" || trimmed is "–";
    }

    /// <summary>
    /// A number as Swedish and international files write it: "1234,5", "1 234,5" (space, no-break or narrow no-break
    /// space between thousands), "-3", "−3" (the typographic minus), "79.5" in a decimal-point file.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, DecimalMark mark, out decimal value)
    {
        value = 0;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || trimmed.Length > 64)
        {
            return false;
        }

        Span<char> normalized = stackalloc char[trimmed.Length];
        var length = 0;
        var digits = 0;
        var separatorSeen = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is >= '0' and <= '9')
            {
                normalized[length++] = c;
                digits++;
            }
            else if ((c is '-' or '−' or '+') && i == 0)
            {
                normalized[length++] = c == '+' ? '+' : '-';
            }
            else if (c is ' ' or '\u00A0' or '\u202F')
            {
                // A thousands separator only between digits: "1 234" but not "1 ,5" or "- 3".
                if (i == 0 || !char.IsAsciiDigit(trimmed[i - 1]) || i + 1 >= trimmed.Length || !char.IsAsciiDigit(trimmed[i + 1]) || separatorSeen)
                {
                    return false;
                }
            }
            else if ((c == ',' && mark != DecimalMark.Point) || (c == '.' && mark != DecimalMark.Comma))
            {
                if (separatorSeen)
                {
                    return false;
                }

                separatorSeen = true;
                normalized[length++] = '.';
            }
            else
            {
                return false;
            }
        }

        return digits > 0
            && decimal.TryParse(normalized[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
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
