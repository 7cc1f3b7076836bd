using Indicators.Ingestion.Scheduling;

namespace Indicators.Ingestion.Tests.Scheduling;

public class PlainScheduleTests
{
    static PlainSchedule Create(ScheduleKind kind, string time, DayOfWeek[]? days = null, int? day = null, int? month = null)
    {
        Assert.True(PlainSchedule.TryCreate(kind, time, days, day, month, out var schedule, out var error), error);
        return schedule!;
    }

    static string? Error(ScheduleKind kind, string? time, DayOfWeek[]? days = null, int? day = null, int? month = null)
    {
        Assert.False(PlainSchedule.TryCreate(kind, time, days, day, month, out var schedule, out var error));
        Assert.Null(schedule);
        return error;
    }

    public static TheoryData<PlainSchedule, string, string> Picked => new()
    {
        { Create(ScheduleKind.Daily, "06:00"), "0 6 * * *", "varje dag kl. 06:00" },
        { Create(ScheduleKind.Daily, "0.05"), "5 0 * * *", "varje dag kl. 00:05" },
        { Create(ScheduleKind.Weekly, "6:30", [DayOfWeek.Thursday, DayOfWeek.Monday]), "30 6 * * 1,4", "varje måndag och torsdag kl. 06:30" },
        { Create(ScheduleKind.Weekly, "07:30", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]), "30 7 * * 1-5", "måndag–fredag kl. 07:30" },
        { Create(ScheduleKind.Weekly, "03:00", [DayOfWeek.Sunday]), "0 3 * * 0", "varje söndag kl. 03:00" },
        { Create(ScheduleKind.Weekly, "03:00", [DayOfWeek.Saturday, DayOfWeek.Sunday]), "0 3 * * 6,0", "varje lördag och söndag kl. 03:00" },
        { Create(ScheduleKind.Weekly, "03:00", [DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday]), "0 3 * * 1,5-7", "måndag och fredag–söndag kl. 03:00" },
        { Create(ScheduleKind.Monthly, "02:15", day: 1), "15 2 1 * *", "den 1 varje månad kl. 02:15" },
        { Create(ScheduleKind.Monthly, "23:59", day: 31), "59 23 31 * *", "den 31 varje månad kl. 23:59" },
        { Create(ScheduleKind.Yearly, "05:00", day: 15, month: 3), "0 5 15 3 *", "den 15 mars varje år kl. 05:00" },
        { Create(ScheduleKind.Yearly, "05:00", day: 29, month: 2), "0 5 29 2 *", "den 29 februari varje år kl. 05:00" },
    };

    [Theory]
    [MemberData(nameof(Picked))]
    public void A_picked_schedule_writes_a_cron_Hangfire_takes_that_reads_back_as_the_same_schedule_and_in_the_same_words(PlainSchedule picked, string cron, string words)
    {
        Assert.Equal(cron, picked.ToCron());
        Assert.True(CronSchedule.TryParse(cron, CronSchedule.Stockholm, out _, out var error), error);
        Assert.Equal(words, CronWords.Describe(cron));

        var read = PlainSchedule.FromCron(cron);
        Assert.NotNull(read);
        Assert.Equal((picked.Kind, picked.TimeText, picked.Day, picked.Month), (read.Kind, read.TimeText, read.Day, read.Month));
        Assert.Equal(picked.Weekdays, read.Weekdays);
        Assert.Equal(cron, read.ToCron());
    }

    [Fact]
    public void Friday_to_Sunday_as_5_7_runs_on_those_three_days_and_no_other()
    {
        var cron = Create(ScheduleKind.Weekly, "03:00", [DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday]).ToCron();
        Assert.True(CronSchedule.TryParse(cron, CronSchedule.Stockholm, out var schedule, out _));

        var days = schedule!.Next(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), 6)
            .Select(t => TimeZoneInfo.ConvertTime(t, schedule.TimeZone).DayOfWeek).ToList();

        Assert.Equal("5-7", cron.Split(' ')[4]);
        Assert.Equal([DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday], days);
    }

    [Fact]
    public void All_seven_weekdays_are_daily()
    {
        var schedule = Create(ScheduleKind.Weekly, "06:00", [.. PlainSchedule.Week]);

        Assert.Equal(ScheduleKind.Daily, schedule.Kind);
        Assert.Equal("0 6 * * *", schedule.ToCron());
    }

    [Theory]
    [InlineData("0 6 * * 1,2,3,4,5", ScheduleKind.Weekly, "0 6 * * 1-5")]
    [InlineData("00 06 * * 7", ScheduleKind.Weekly, "0 6 * * 0")]
    [InlineData("0 3 * * 0-6", ScheduleKind.Daily, "0 3 * * *")]
    [InlineData("@daily", ScheduleKind.Daily, "0 0 * * *")]
    [InlineData("@weekly", ScheduleKind.Weekly, "0 0 * * 0")]
    [InlineData("@monthly", ScheduleKind.Monthly, "0 0 1 * *")]
    [InlineData("@yearly", ScheduleKind.Yearly, "0 0 1 1 *")]
    [InlineData("  0  6  1  *  * ", ScheduleKind.Monthly, "0 6 1 * *")]
    public void Other_spellings_of_a_picker_shape_open_in_the_picker(string cron, ScheduleKind kind, string canonical)
    {
        var read = PlainSchedule.FromCron(cron);

        Assert.NotNull(read);
        Assert.Equal(kind, read.Kind);
        Assert.Equal(canonical, read.ToCron());
    }

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 * * * *")]
    [InlineData("0 6,18 * * *")]
    [InlineData("0 6-18 * * *")]
    [InlineData("0 6 * * MON")]
    [InlineData("0 6 1-7 * 1")]
    [InlineData("0 6 L * *")]
    [InlineData("0 6 31 4 *")]
    [InlineData("0 6 30 2 *")]
    [InlineData("0 6 32 * *")]
    [InlineData("0 24 * * *")]
    [InlineData("60 6 * * *")]
    [InlineData("0 6 * 2 *")]
    [InlineData("0 6 * * 5-1")]
    [InlineData("0 6 * * *  *")]
    [InlineData("@hourly")]
    [InlineData("")]
    [InlineData(null)]
    public void A_cron_outside_the_picker_shapes_is_left_to_the_advanced_field(string? cron) =>
        Assert.Null(PlainSchedule.FromCron(cron));

    [Theory]
    [InlineData(null, "Klockslag: ange en tid, till exempel 06:30.")]
    [InlineData("  ", "Klockslag: ange en tid, till exempel 06:30.")]
    [InlineData("24:00", "Klockslag: '24:00' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.")]
    [InlineData("6:60", "Klockslag: '6:60' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.")]
    [InlineData("6", "Klockslag: '6' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.")]
    [InlineData("06:3", "Klockslag: '06:3' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.")]
    [InlineData("-1:00", "Klockslag: '-1:00' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.")]
    [InlineData("kl 6", "Klockslag: 'kl 6' är ingen tid. Skriv timmar och minuter, 00:00–23:59, till exempel 06:30.")]
    public void An_invalid_time_is_refused_naming_the_field(string? time, string message) =>
        Assert.Equal(message, Error(ScheduleKind.Daily, time));

    [Fact]
    public void The_other_fields_are_checked_and_named()
    {
        Assert.Equal("Veckodagar: välj minst en dag.", Error(ScheduleKind.Weekly, "06:00", []));
        Assert.Equal("Dag i månaden: välj en dag från 1 till 31.", Error(ScheduleKind.Monthly, "06:00", day: 0));
        Assert.Equal("Dag i månaden: välj en dag från 1 till 31.", Error(ScheduleKind.Monthly, "06:00", day: 32));
        Assert.Equal("Månad: välj en månad.", Error(ScheduleKind.Yearly, "06:00", day: 1));
        Assert.Equal("Dag: välj en dag från 1 till 31.", Error(ScheduleKind.Yearly, "06:00", month: 1));
        Assert.Equal("Datum: den 30 februari finns inte.", Error(ScheduleKind.Yearly, "06:00", day: 30, month: 2));
        Assert.Equal("Datum: den 31 april finns inte.", Error(ScheduleKind.Yearly, "06:00", day: 31, month: 4));
    }

    [Fact]
    public void Days_some_months_or_years_lack_come_with_a_note_and_run_only_when_the_day_exists()
    {
        var monthly = Create(ScheduleKind.Monthly, "06:00", day: 31);
        var leap = Create(ScheduleKind.Yearly, "06:00", day: 29, month: 2);
        Assert.True(CronSchedule.TryParse(monthly.ToCron(), CronSchedule.Stockholm, out var monthlyCron, out _));
        Assert.True(CronSchedule.TryParse(leap.ToCron(), CronSchedule.Stockholm, out var leapCron, out _));
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("Körs bara i månader med 31 dagar (inte februari, april, juni, september och november).", monthly.Note);
        Assert.Equal([1, 3, 5, 7, 8, 10, 12], monthlyCron!.Next(from, 7).Select(t => t.Month));
        Assert.Equal("Körs bara under skottår.", leap.Note);
        Assert.Equal([2028, 2032], leapCron!.Next(from, 2).Select(t => t.Year));
        Assert.Null(Create(ScheduleKind.Monthly, "06:00", day: 28).Note);
        Assert.Equal("Körs inte i februari.", Create(ScheduleKind.Monthly, "06:00", day: 30).Note);
    }
}
