using Indicators.Ingestion.Scheduling;

namespace Indicators.Ingestion.Tests.Scheduling;

public class CronScheduleTests
{
    [Theory]
    [InlineData("varje dag")]
    [InlineData("0 25 * * *")]
    [InlineData("* * *")]
    public void An_invalid_cron_is_refused_with_a_Swedish_message_naming_it(string cron)
    {
        Assert.False(CronSchedule.TryParse(cron, CronSchedule.Stockholm, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains($"'{cron}' är inte ett giltigt cron-uttryck", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_cron_and_an_unknown_time_zone_are_refused()
    {
        Assert.False(CronSchedule.TryParse(" ", null, out _, out var missing));
        Assert.Equal("Schemat (cron) saknas.", missing);
        Assert.False(CronSchedule.TryParse("0 6 * * *", "Europe/Atlantis", out _, out var zone));
        Assert.Equal("Tidszonen 'Europe/Atlantis' finns inte.", zone);
    }

    [Fact]
    public void Six_in_the_morning_stays_six_in_Stockholm_across_the_change_to_winter_time()
    {
        Assert.True(CronSchedule.TryParse("0 6 * * *", CronSchedule.Stockholm, out var schedule, out _));

        // Summer time ends on Sunday 25 October 2026 at 03:00 CEST.
        var times = schedule!.Next(new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.FromHours(2)),
                new DateTimeOffset(2026, 10, 25, 6, 0, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2026, 10, 26, 6, 0, 0, TimeSpan.FromHours(1)),
            ],
            times);
        Assert.Equal([4, 5, 5], times.Select(t => t.UtcDateTime.Hour));
    }
}
