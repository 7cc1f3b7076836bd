using System.Globalization;

namespace Indicators.Core.Periods;

public enum PeriodKind
{
    Year,
    Tertial,
    Quarter,
    Month,
    /// <summary>January–August, the delårsrapport's period.</summary>
    JanuaryToAugust,
}

/// <summary>
/// A reporting period. Its canonical code is what the database stores:
/// "2025" (year), "2025-T2" (tertial), "2025-Q3" (quarter), "2025-08" (month), "2025-JA" (jan–aug).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(PeriodJsonConverter))]
public readonly record struct Period : IComparable<Period>
{
    internal static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    Period(int year, PeriodKind kind, int number)
    {
        Year = year;
        Kind = kind;
        Number = number;
    }

    public int Year { get; }

    public PeriodKind Kind { get; }

    /// <summary>Tertial 1–3, quarter 1–4 or month 1–12; 0 for a year or jan–aug.</summary>
    public int Number { get; }

    public static Period OfYear(int year) => new(CheckYear(year), PeriodKind.Year, 0);

    public static Period OfTertial(int year, int tertial) =>
        new(CheckYear(year), PeriodKind.Tertial, CheckRange(tertial, 1, 3, nameof(tertial)));

    public static Period OfQuarter(int year, int quarter) =>
        new(CheckYear(year), PeriodKind.Quarter, CheckRange(quarter, 1, 4, nameof(quarter)));

    public static Period OfMonth(int year, int month) =>
        new(CheckYear(year), PeriodKind.Month, CheckRange(month, 1, 12, nameof(month)));

    public static Period OfJanuaryToAugust(int year) => new(CheckYear(year), PeriodKind.JanuaryToAugust, 0);

    /// <summary>The last month the period covers (12 for a year, 8 for jan–aug).</summary>
    public int LastMonth => Kind switch
    {
        PeriodKind.Year => 12,
        PeriodKind.Tertial => Number * 4,
        PeriodKind.Quarter => Number * 3,
        PeriodKind.Month => Number,
        PeriodKind.JanuaryToAugust => 8,
        _ => throw new InvalidOperationException(),
    };

    public string Code => Kind switch
    {
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.Tertial => $"{Year:D4}-T{Number}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        PeriodKind.Month => $"{Year:D4}-{Number:D2}",
        PeriodKind.JanuaryToAugust => $"{Year:D4}-JA",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Swedish display: "2025", "T2 2025", "kv. 3 2025", "aug 2025", "jan–aug 2025".</summary>
    public string SwedishName => Kind switch
    {
        PeriodKind.Year => Code,
        PeriodKind.Tertial => $"T{Number} {Year}",
        PeriodKind.Quarter => $"kv. {Number} {Year}",
        PeriodKind.Month => $"{MonthNames[Number - 1]} {Year}",
        PeriodKind.JanuaryToAugust => $"jan–aug {Year}",
        _ => throw new InvalidOperationException(),
    };

    public static Period Parse(string code) =>
        TryParse(code, out var period)
            ? period
            : throw new FormatException($"'{code}' is not a period (expected e.g. 2025, 2025-T2, 2025-Q3, 2025-08 or 2025-JA).");

    public static bool TryParse(string? code, out Period period)
    {
        period = default;
        var text = code?.Trim();
        if (text is null || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1900 || year > 2200)
        {
            return false;
        }

        if (text.Length == 4)
        {
            period = OfYear(year);
            return true;
        }

        if (text[4] != '-' || text.Length < 6)
        {
            return false;
        }

        var rest = text.AsSpan(5);
        if (rest.Equals("JA", StringComparison.OrdinalIgnoreCase))
        {
            period = OfJanuaryToAugust(year);
            return true;
        }

        if (rest.Length == 2 && (rest[0] == 'T' || rest[0] == 't') && rest[1] is >= '1' and <= '3')
        {
            period = OfTertial(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] is >= '1' and <= '4')
        {
            period = OfQuarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            period = OfMonth(year, month);
            return true;
        }

        return false;
    }

    /// <summary>How many months the period covers.</summary>
    public int Months => Kind switch
    {
        PeriodKind.Year => 12,
        PeriodKind.Tertial => 4,
        PeriodKind.Quarter => 3,
        PeriodKind.Month => 1,
        PeriodKind.JanuaryToAugust => 8,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// Orders by year, then by the last month covered, then shorter before longer: december before the year,
    /// august before jan–aug.
    /// </summary>
    public int CompareTo(Period other)
    {
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byMonth = LastMonth.CompareTo(other.LastMonth);
        return byMonth != 0 ? byMonth : Months.CompareTo(other.Months);
    }

    public override string ToString() => Code;

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    static int CheckYear(int year) => CheckRange(year, 1900, 2200, nameof(year));

    static int CheckRange(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"Expected {min}–{max}.");
}
