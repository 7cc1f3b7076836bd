namespace Indicators.Ingestion.Scheduling;

/// <summary>How fresh a source's data is, judged against its own schedule.</summary>
public enum Freshness
{
    /// <summary>The last successful run is within the schedule's expectation.</summary>
    Fresh,

    /// <summary>Two scheduled runs or more have passed without a success.</summary>
    Stale,

    /// <summary>The source has never run successfully.</summary>
    Never,

    /// <summary>The source is switched off; it is not expected to be fresh.</summary>
    Disabled,
}

/// <summary>
/// The rule: data is stale when more than two of the schedule's intervals (plus an hour's grace for a slow run) have passed
/// since the last successful run. Judging by the source's own cron means a yearly Kolada source is not called stale every
/// day, and a daily file source is after two missed days.
/// </summary>
public static class SourceFreshness
{
    public static Freshness Judge(CronSchedule schedule, bool enabled, DateTimeOffset? lastSuccess, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!enabled)
        {
            return Freshness.Disabled;
        }

        if (lastSuccess is not { } last)
        {
            return Freshness.Never;
        }

        var next = schedule.Next(last, 2);
        var interval = next.Count == 2 ? next[1] - next[0] : TimeSpan.FromDays(1);
        return now - last > (2 * interval) + TimeSpan.FromHours(1) ? Freshness.Stale : Freshness.Fresh;
    }

    public static string SwedishName(this Freshness freshness) => freshness switch
    {
        Freshness.Fresh => "Aktuell",
        Freshness.Stale => "Inaktuell",
        Freshness.Never => "Aldrig hämtad",
        _ => "Avstängd",
    };
}
