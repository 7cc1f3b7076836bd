using System.Globalization;

namespace Indicators.Core.Formatting;

/// <summary>sv-SE number formatting as the UI shows it: "1 234,5 %", "−335 mnkr".</summary>
public static class SwedishFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Sweden's time zone: every time the UI and the exports show is its wall clock.</summary>
    public static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>"2026-09-20 14:02" on Sweden's wall clock.</summary>
    public static string Time(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Stockholm).ToString("yyyy-MM-dd HH:mm", Culture);

    /// <summary>The date on Sweden's wall clock at <paramref name="time"/> (what "today" means for a meeting or a plan's date).</summary>
    public static DateOnly Date(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, Stockholm).DateTime);

    /// <summary>"14:02" on Sweden's wall clock.</summary>
    public static string Clock(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Stockholm).ToString("HH:mm", Culture);

    /// <summary>A year or a plain count of years as Swedish texts write it: 2026, without a thousands separator.</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Number(decimal value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>The value with its unit; "%" and other units are separated by a (non-breaking) space.</summary>
    public static string WithUnit(decimal value, int decimals, string unit) =>
        unit.Length == 0 ? Number(value, decimals) : $"{Number(value, decimals)}\u00A0{unit}";

    /// <summary>
    /// The unit shown after an indicator's values. A count ("antal") shows what it counts when the indicator names it
    /// ("241 610 invånare", not "241 610 antal"); every other unit, and a count without a noun, shows as it is.
    /// </summary>
    public static string ShownUnit(string unit, string? countedNoun) =>
        string.Equals(unit.Trim(), CountUnit, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(countedNoun)
            ? countedNoun.Trim()
            : unit;

    /// <summary>The unit of an indicator that counts something; <see cref="ShownUnit"/> replaces it by the counted noun.</summary>
    public const string CountUnit = "antal";

    /// <summary>A count with its noun: "1 varning", "2 varningar", "1 234 rader" (singular only for exactly one).</summary>
    public static string Count(long count, string singular, string plural) =>
        $"{Number(count, 0)} {Plural(count, singular, plural)}";

    /// <summary>The noun that goes with a count shown elsewhere in the sentence: singular only for exactly one.</summary>
    public static string Plural(long count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>"1.1, 1.2 och 2.1": a list in a Swedish sentence.</summary>
    public static string List(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count switch
        {
            0 => "",
            1 => items[0],
            _ => string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1],
        };
    }
}
