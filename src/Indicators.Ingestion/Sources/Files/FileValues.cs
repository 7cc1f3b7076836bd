using System.Globalization;
using Indicators.Core.Observations;
using Indicators.Core.Periods;

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
    static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

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

    /// <summary>
    /// A period: the canonical codes <see cref="Period.TryParse"/> takes ("2025", "2025-T2", "2025-Q3", "2025-08",
    /// "2025-JA") and the spellings Swedish files use for the same: "T2 2025", "2025T2", "kv. 3 2025", "Q3 2025",
    /// "2025K3" and "2025M08" (SCB), "aug 2025", "jan–aug 2025". A date such as "2025-08-31" is not taken: it does not
    /// say whether it means the month or a period ending that day.
    /// </summary>
    public static bool TryParsePeriod(string? text, out Period period)
    {
        if (Period.TryParse(text, out period))
        {
            return true;
        }

        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return false;
        }

        // "2025T2", "2025 T2", "2025Q3", "2025K3", "2025M08": year first.
        if (t.Length >= 6 && TryYear(t.AsSpan(0, 4), out var year))
        {
            var rest = t.AsSpan(4).TrimStart(" -");
            if (TryNumbered(rest, year, out period))
            {
                return true;
            }
        }

        // "T2 2025", "kv. 3 2025", "Q3 2025", "aug 2025", "jan–aug 2025": year last.
        if (t.Length >= 6 && TryYear(t.AsSpan(t.Length - 4), out year) && t[t.Length - 5] == ' ')
        {
            var rest = t.AsSpan(0, t.Length - 5).Trim();
            if (rest.Equals("jan–aug", StringComparison.OrdinalIgnoreCase) || rest.Equals("jan-aug", StringComparison.OrdinalIgnoreCase))
            {
                period = Period.OfJanuaryToAugust(year);
                return true;
            }

            for (var m = 0; m < MonthNames.Length; m++)
            {
                if (rest.Equals(MonthNames[m], StringComparison.OrdinalIgnoreCase))
                {
                    period = Period.OfMonth(year, m + 1);
                    return true;
                }
            }

            if (rest.StartsWith("kv.", StringComparison.OrdinalIgnoreCase))
            {
                rest = ("Q" + rest[3..].Trim().ToString()).AsSpan();
            }

            return TryNumbered(rest, year, out period);
        }

        return false;
    }

    static bool TryNumbered(ReadOnlySpan<char> rest, int year, out Period period)
    {
        period = default;
        if (rest.Length < 2 || !int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        switch (char.ToUpperInvariant(rest[0]))
        {
            case 'T' when number is >= 1 and <= 3:
                period = Period.OfTertial(year, number);
                return true;
            case 'Q' or 'K' when number is >= 1 and <= 4:
                period = Period.OfQuarter(year, number);
                return true;
            case 'M' when number is >= 1 and <= 12:
                period = Period.OfMonth(year, number);
                return true;
            default:
                return false;
        }
    }

    static bool TryYear(ReadOnlySpan<char> text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1900 and <= 2200;

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
