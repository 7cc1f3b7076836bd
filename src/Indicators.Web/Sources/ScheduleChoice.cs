using Indicators.Ingestion.Scheduling;

namespace Indicators.Web.Sources;

/// <summary>What the schedule picker offers: the four plain shapes, a cron written by hand, and (for the optional full refresh) none.</summary>
public enum SchedulePick
{
    None,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Advanced,
}

/// <summary>
/// One schedule of the source form as the picker edits it (<see cref="SchedulePicker"/>): a plain schedule's fields, or a
/// cron written by hand. A stored cron opens in the plain fields when <see cref="PlainSchedule.FromCron"/> reads it, else
/// as the advanced cron, untouched; a plain schedule left as it opened keeps its stored spelling ("@daily" stays), so
/// opening and saving a source changes nothing.
/// </summary>
public sealed class ScheduleChoice
{
    string? stored;

    public SchedulePick Pick { get; set; } = SchedulePick.Daily;

    public string Time { get; set; } = "06:00";

    public HashSet<DayOfWeek> Weekdays { get; } = [DayOfWeek.Monday];

    public int Day { get; set; } = 1;

    public int Month { get; set; } = 1;

    /// <summary>The advanced cron as typed.</summary>
    public string Cron { get; set; } = "";

    /// <summary>The choice a stored cron opens as; an empty one is <see cref="SchedulePick.None"/> when the schedule is optional.</summary>
    public static ScheduleChoice From(string? cron, bool optional)
    {
        var choice = new ScheduleChoice { stored = cron?.Trim() };
        if (string.IsNullOrWhiteSpace(cron))
        {
            choice.Pick = optional ? SchedulePick.None : SchedulePick.Advanced;
        }
        else if (!choice.Fill(PlainSchedule.FromCron(cron)))
        {
            choice.Pick = SchedulePick.Advanced;
            choice.Cron = cron.Trim();
        }

        return choice;
    }

    /// <summary>
    /// Switches shape, carrying what it can: to the advanced cron the schedule picked so far; from it, the plain fields of
    /// the cron typed when it has one of their shapes.
    /// </summary>
    public void Switch(SchedulePick pick)
    {
        if (pick == SchedulePick.Advanced && Pick != SchedulePick.Advanced && Read() is { Cron: { } cron })
        {
            Cron = cron;
        }
        else if (Pick == SchedulePick.Advanced && pick is not (SchedulePick.Advanced or SchedulePick.None))
        {
            Fill(PlainSchedule.FromCron(Cron));
        }

        Pick = pick;
    }

    /// <summary>The plain schedule picked, or null (advanced, none, or fields that describe none).</summary>
    public PlainSchedule? Plain =>
        Kind is { } kind && PlainSchedule.TryCreate(kind, Time, Weekdays, Day, Month, out var schedule, out _) ? schedule : null;

    /// <summary>The cron to store (null for none), or the Swedish reason the fields give none, naming the field.</summary>
    public (string? Cron, string? Error) Read()
    {
        if (Pick == SchedulePick.None)
        {
            return (null, null);
        }

        if (Kind is not { } kind)
        {
            return (Cron.Trim(), null);
        }

        if (!PlainSchedule.TryCreate(kind, Time, Weekdays, Day, Month, out var schedule, out var error))
        {
            return (null, error);
        }

        var cron = schedule!.ToCron();
        return (stored is not null && PlainSchedule.FromCron(stored)?.ToCron() == cron ? stored : cron, null);
    }

    ScheduleKind? Kind => Pick switch
    {
        SchedulePick.Daily => ScheduleKind.Daily,
        SchedulePick.Weekly => ScheduleKind.Weekly,
        SchedulePick.Monthly => ScheduleKind.Monthly,
        SchedulePick.Yearly => ScheduleKind.Yearly,
        _ => null,
    };

    bool Fill(PlainSchedule? schedule)
    {
        if (schedule is null)
        {
            return false;
        }

        Pick = schedule.Kind switch
        {
            ScheduleKind.Weekly => SchedulePick.Weekly,
            ScheduleKind.Monthly => SchedulePick.Monthly,
            ScheduleKind.Yearly => SchedulePick.Yearly,
            _ => SchedulePick.Daily,
        };
        Time = schedule.TimeText;
        if (schedule.Weekdays.Count > 0)
        {
            Weekdays.Clear();
            Weekdays.UnionWith(schedule.Weekdays);
        }

        Day = schedule.Day > 0 ? schedule.Day : Day;
        Month = schedule.Month > 0 ? schedule.Month : Month;
        return true;
    }
}
