using System.Globalization;

namespace Indicators.Core.Periods;

/// <summary>
/// The ways sources spell periods besides our canonical codes: files (Swedish spellings) and SCB's PxWeb time codes
/// ("2024M03", "2024K2") alike. One parser, so a period reads the same whichever source it comes from.
/// </summary>
public static class PeriodSpellings
{
    /// <summary>
    /// A period: the canonical codes <see cref="Period.TryParse"/> takes ("2025", "2025-T2", "2025-Q3", "2025-08",
    /// "2025-JA") and the spellings Swedish files use for the same: "T2 2025", "2025T2", "kv. 3 2025", "Q3 2025",
    /// "2025K3" and "2025M08" (SCB), "aug 2025", "jan–aug 2025". A date such as "2025-08-31" is not taken: it does not
    /// say whether it means the month or a period ending that day.
    /// </summary>
    public static bool TryParse(string? text, out Period period)
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
        if (t.Length >= 6 && TryYear(t.AsSpan(t.Length - 4), out year) && t[^5] == ' ')
        {
            var rest = t.AsSpan(0, t.Length - 5).Trim();
            if (rest.Equals("jan–aug", StringComparison.OrdinalIgnoreCase) || rest.Equals("jan-aug", StringComparison.OrdinalIgnoreCase))
            {
                period = Period.OfJanuaryToAugust(year);
                return true;
            }

            for (var m = 0; m < Period.MonthNames.Length; m++)
            {
                if (rest.Equals(Period.MonthNames[m], StringComparison.OrdinalIgnoreCase))
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
}
