using System.Globalization;

namespace Indicators.Ingestion.Scheduling;

/// <summary>The four shapes of schedule a person picks without writing cron.</summary>
public enum ScheduleKind
{
    /// <summary>Every day at a time.</summary>
    Daily,

    /// <summary>On one or more weekdays at a time.</summary>
    Weekly,

    /// <summary>On one day of every month at a time.</summary>
    Monthly,

    /// <summary>On one date of every year at a time.</summary>
    Yearly,
}

/// <summary>
/// A schedule as the source form's picker holds it: daily, weekly on some weekdays, monthly on a day or yearly on a date,
/// always at one time of day (svensk tid: the source's time zone). It writes the cron Hangfire runs and reads back the
/// crons of those shapes. The rules:
/// <list type="bullet">
/// <item>The time is hours and minutes, 00:00–23:59, written "06:30", "6:30" or "6.30".</item>
/// <item>Weekly needs at least one weekday; all seven is daily. Weekdays are written Monday first, three or more days
/// in a row as a range ("30 6 * * 1-5"), Sunday as 0 unless it ends a range ("5-7").</item>
/// <item>Monthly takes a day 1–31; a month without that day is skipped (the 31st runs seven months a year): <see cref="Note"/>
/// says so.</item>
/// <item>Yearly takes a date that exists in some year: 29 February runs in leap years only, 30 February or 31 April is refused.</item>
/// <item><see cref="FromCron"/> reads a cron of these shapes in any spelling Cronos takes for them (numbers, lists and
/// ranges of weekdays, 0 or 7 for Sunday, the macros @daily, @weekly, @monthly and @yearly); anything else (steps, several
/// hours, weekday names, both a day and a weekday) is not a picker shape, and the form keeps it as an advanced cron.</item>
/// </list>
/// </summary>
public sealed class PlainSchedule
{
    static readonly int[] DaysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    static readonly string[] MonthNames = Core.Formatting.SwedishFormat.Culture.DateTimeFormat.MonthNames;

    PlainSchedule(ScheduleKind kind, TimeOnly time, IReadOnlyList<DayOfWeek> weekdays, int day, int month)
    {
        Kind = kind;
        Time = time;
        Weekdays = weekdays;
        Day = day;
        Month = month;
    }

    public ScheduleKind Kind { get; }

    /// <summary>The time of day, whole minutes.</summary>
    public TimeOnly Time { get; }

    /// <summary>Weekly: the days, Monday first, each once. Empty for the other kinds.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; }

    /// <summary>Monthly and yearly: the day of the month, 1–31; 0 otherwise.</summary>
    public int Day { get; }

    /// <summary>Yearly: the month, 1–12; 0 otherwise.</summary>
    public int Month { get; }

    /// <summary>The week as Swedes read it: Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>
    /// The schedule the picker's fields describe, or the Swedish reason they describe none (naming the field: klockslaget,
    /// veckodagar, dag, månad). Fields another kind uses are ignored.
    /// </summary>
    public static bool TryCreate(
        ScheduleKind kind, string? time, IEnumerable<DayOfWeek>? weekdays, int? day, int? month, out PlainSchedule? schedule, out string? error)
    {
        schedule = null;
        if (!TryReadTime(time, out var at, out error))
        {
            return false;
        }

        switch (kind)
        {
            case ScheduleKind.Daily:
                schedule = new PlainSchedule(kind, at, [], 0, 0);
                return true;
            case ScheduleKind.Weekly:
                var days = Week.Where(d => weekdays?.Contains(d) ?? false).ToList();
                if (days.Count == 0)
                {
                    error = "Veckodagar: välj minst en dag.";
                    return false;
                }

                schedule = days.Count == 7 ? new PlainSchedule(ScheduleKind.Daily, at, [], 0, 0) : new PlainSchedule(kind, at, days, 0, 0);
                return true;
            case ScheduleKind.Monthly:
                if (day is not (>= 1 and <= 31))
                {
                    error = "Dag i månaden: välj en dag från 1 till 31.";
                    return false;
                }

                schedule = new PlainSchedule(kind, at, [], day.Value, 0);
                return true;
            case ScheduleKind.Yearly:
                if (month is not (>= 1 and <= 12))
                {
                    error = "Månad: välj en månad.";
                    return false;
                }

                if (day is not (>= 1 and <= 31))
                {
                    error = "Dag: välj en dag från 1 till 31.";
                    return false;
                }

                if (day > DaysInMonth[month.Value - 1])
                {
                    error = $"Datum: den {day} {MonthNames[month.Value - 1]} finns inte.";
                    return false;
                }

                schedule = new PlainSchedule(kind, at, [], day.Value, month.Value);
                return true;
            default:
                error = "Välj hur ofta källan ska hämtas.";
                return false;
        }
    }

    /// <summary>"06:30", "6:30" or "6.30" as a time of day, or the Swedish reason it is none.</summary>
    public static bool TryReadTime(string? text, out TimeOnly time, out string? error)
    {
        time = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "Klockslag: ange en tid, till exempel 06:30.";
            return false;
        }

        var parts = trimmed.Split(':', '.');
        if (parts is [var h, var m] && h.Length is 1 or 2 && m.Length == 2
            && int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour <= 23
            && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute <= 59)
        {
            time = new TimeOnly(hour, minute);
            error = null;
            return true;
        }

        error = $"Klockslag: '{trimmed}' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.";
        return false;
    }

    /// <summary>The time as the picker shows it: "06:30".</summary>
    public string TimeText => Time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The five-field cron Hangfire runs (minute hour day month weekday).</summary>
    public string ToCron()
    {
        var head = $"{Time.Minute} {Time.Hour}";
        return Kind switch
        {
            ScheduleKind.Weekly => $"{head} * * {WeekdayField(Weekdays)}",
            ScheduleKind.Monthly => $"{head} {Day} * *",
            ScheduleKind.Yearly => $"{head} {Day} {Month} *",
            _ => $"{head} * * *",
        };
    }

    /// <summary>What a person should know about when it runs, beyond the words: months or years it skips. Null when none.</summary>
    public string? Note => (Kind, Day, Month) switch
    {
        (ScheduleKind.Monthly, 29, _) => "Körs inte i februari utom under skottår.",
        (ScheduleKind.Monthly, 30, _) => "Körs inte i februari.",
        (ScheduleKind.Monthly, 31, _) => "Körs bara i månader med 31 dagar (inte februari, april, juni, september och november).",
        (ScheduleKind.Yearly, 29, 2) => "Körs bara under skottår.",
        _ => null,
    };

    /// <summary>The schedule a cron of one of the picker's shapes describes, or null (the form then shows the cron itself).</summary>
    public static PlainSchedule? FromCron(string? cron)
    {
        var fields = Expand(cron)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is not [var minuteField, var hourField, var dayField, var monthField, var weekdayField]
            || Number(minuteField, 0, 59) is not { } minute || Number(hourField, 0, 23) is not { } hour)
        {
            return null;
        }

        var time = new TimeOnly(hour, minute);
        return (dayField, monthField, weekdayField) switch
        {
            ("*", "*", "*") => Read(ScheduleKind.Daily, time, null, null, null),
            ("*", "*", _) when ReadWeekdays(weekdayField) is { } days => Read(ScheduleKind.Weekly, time, days, null, null),
            (_, "*", "*") => Read(ScheduleKind.Monthly, time, null, Number(dayField, 1, 31), null),
            (_, _, "*") => Read(ScheduleKind.Yearly, time, null, Number(dayField, 1, 31), Number(monthField, 1, 12)),
            _ => null,
        };
    }

    static PlainSchedule? Read(ScheduleKind kind, TimeOnly time, IEnumerable<DayOfWeek>? days, int? day, int? month) =>
        TryCreate(kind, time.ToString("HH:mm", CultureInfo.InvariantCulture), days, day, month, out var schedule, out _) ? schedule : null;

    /// <summary>Monday first; runs of three or more as ranges; Sunday 7 when it ends a range, else 0.</summary>
    static string WeekdayField(IReadOnlyList<DayOfWeek> days)
    {
        var numbers = days.Select(d => d == DayOfWeek.Sunday ? 7 : (int)d).Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var end = i;
            while (end + 1 < numbers.Count && numbers[end + 1] == numbers[end] + 1)
            {
                end++;
            }

            if (end - i >= 2)
            {
                parts.Add($"{numbers[i]}-{numbers[end]}");
            }
            else
            {
                parts.AddRange(numbers[i..(end + 1)].Select(n => n == 7 ? "0" : n.ToString(CultureInfo.InvariantCulture)));
            }

            i = end + 1;
        }

        return string.Join(',', parts);
    }

    /// <summary>A weekday field of numbers 0–7 and ascending ranges, comma-separated; null for anything else.</summary>
    static HashSet<DayOfWeek>? ReadWeekdays(string field)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var item in field.Split(','))
        {
            var ends = item.Split('-');
            if (ends is [var single] && Number(single, 0, 7) is { } d)
            {
                days.Add((DayOfWeek)(d % 7));
            }
            else if (ends is [var from, var to] && Number(from, 0, 7) is { } f && Number(to, 0, 7) is { } t && f <= t)
            {
                for (var n = f; n <= t; n++)
                {
                    days.Add((DayOfWeek)(n % 7));
                }
            }
            else
            {
                return null;
            }
        }

        return days;
    }

    static int? Number(string text, int min, int max) => CronWords.Number(text, min, max);

    static string? Expand(string? cron) => CronWords.Expand(cron);
}
