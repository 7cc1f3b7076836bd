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

    /// <summary>"14:02" on Sweden's wall clock.</summary>
    public static string Clock(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Stockholm).ToString("HH:mm", Culture);

    public static string Number(decimal value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>The value with its unit; "%" and other units are separated by a (non-breaking) space.</summary>
    public static string WithUnit(decimal value, int decimals, string unit) =>
        unit.Length == 0 ? Number(value, decimals) : $"{Number(value, decimals)}\u00A0{unit}";
}
