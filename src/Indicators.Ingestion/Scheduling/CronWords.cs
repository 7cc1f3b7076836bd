using System.Globalization;
using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// A cron read aloud in Swedish for the people who set schedules: "varje dag kl. 06:00", "måndag–fredag kl. 07:30",
/// "den 1 varje månad kl. 03:00". Only the shapes schedules really take are put in words; anything else returns null and
/// the page shows the expression itself beside the next run times, which are always exact.
/// </summary>
public static class CronWords
{
    static readonly string[] Weekdays = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];

    static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public static string? Describe(string? cron)
    {
        var fields = Expand(cron)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not [var minute, var hour, var day, var month, var weekday])
        {
            return null;
        }

        if (minute.StartsWith("*/", StringComparison.Ordinal) && hour == "*" && day == "*" && month == "*" && weekday == "*"
            && Number(minute[2..], 1, 59) is { } every)
        {
            return every == 1 ? "varje minut" : $"var {every}:e minut";
        }

        if (Number(minute, 0, 59) is not { } m)
        {
            return null;
        }

        string? when;
        if (hour == "*")
        {
            when = $"varje timme, {SwedishFormat.Count(m, "minut", "minuter")} över";
        }
        else
        {
            var hours = hour.Split(',').Select(h => Number(h, 0, 23)).ToList();
            if (hours.Any(h => h is null))
            {
                return null;
            }

            when = "kl. " + Join(hours.Select(h => $"{h:00}:{m:00}").ToList());
        }

        var days = (day, month, weekday) switch
        {
            ("*", "*", "*") => "varje dag",
            ("*", "*", _) => WeekdayWords(weekday),
            (_, "*", "*") when Number(day, 1, 31) is { } d => $"den {d} varje månad",
            (_, _, "*") when Number(day, 1, 31) is { } d && Number(month, 1, 12) is { } mo => $"den {d} {Months[mo - 1]} varje år",
            _ => null,
        };
        return days switch
        {
            null => null,
            "varje dag" when hour == "*" => when,
            _ => $"{days} {when}",
        };
    }

    /// <summary>
    /// "varje måndag och torsdag" for single days, "måndag–fredag" for a range, "måndag–onsdag och fredag" for both (the
    /// picker writes three days or more in a row as a range).
    /// </summary>
    static string? WeekdayWords(string weekday)
    {
        var parts = new List<string>();
        var ranges = false;
        foreach (var item in weekday.Split(','))
        {
            if (item.Split('-') is [var from, var to] && Number(from, 0, 7) is { } f && Number(to, 0, 7) is { } t && f < t)
            {
                parts.Add($"{Weekdays[f]}–{Weekdays[t]}");
                ranges = true;
            }
            else if (Number(item, 0, 7) is { } d)
            {
                parts.Add(Weekdays[d]);
            }
            else
            {
                return null;
            }
        }

        return (ranges ? "" : "varje ") + Join(parts);
    }

    static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " och " + parts[^1];

    /// <summary>A plain number in a cron field, within bounds; null for anything else.</summary>
    internal static int? Number(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    /// <summary>A cron macro as its five fields (the macros Cronos takes); other text as it is.</summary>
    internal static string? Expand(string? cron) => cron?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "@hourly" => "0 * * * *",
        "@daily" or "@midnight" => "0 0 * * *",
        "@weekly" => "0 0 * * 0",
        "@monthly" => "0 0 1 * *",
        "@yearly" or "@annually" => "0 0 1 1 *",
        var other => other,
    };
}
