using Cronos;

namespace Indicators.Ingestion.Scheduling;

/// <summary>
/// A source's cron, read the way Hangfire reads it (five fields, or a macro such as @daily) in the source's time zone.
/// Cronos is the parser Hangfire itself uses, so what passes here is what Hangfire will schedule.
/// </summary>
public sealed record CronSchedule(CronExpression Expression, TimeZoneInfo TimeZone)
{
    public const string Stockholm = "Europe/Stockholm";

    /// <summary>Parses a cron in a time zone, or says in Swedish what is wrong with it.</summary>
    public static bool TryParse(string? cron, string? timeZone, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(cron))
        {
            error = "Schemat (cron) saknas.";
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZone) ? Stockholm : timeZone, out var zone))
        {
            error = $"Tidszonen '{timeZone}' finns inte.";
            return false;
        }

        try
        {
            schedule = new CronSchedule(CronExpression.Parse(cron.Trim(), CronFormat.Standard), zone);
            error = null;
            return true;
        }
        catch (CronFormatException e)
        {
            error = $"Schemat '{cron}' är inte ett giltigt cron-uttryck med fem fält (minut timme dag månad veckodag), till exempel '0 6 * * *' för varje dag kl. 06:00: {e.Message}";
            return false;
        }
    }

    /// <summary>The Swedish error of <see cref="TryParse"/>, or null for a valid cron: the editor's <see cref="Core.Sources.CronCheck"/>.</summary>
    public static string? Check(string? cron, string? timeZone) => TryParse(cron, timeZone, out _, out var error) ? null : error;

    /// <summary>The next <paramref name="count"/> run times after <paramref name="from"/>, in the schedule's time zone.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset from, int count)
    {
        var times = new List<DateTimeOffset>(count);
        var at = from;
        while (times.Count < count && Expression.GetNextOccurrence(at, TimeZone) is { } next)
        {
            times.Add(next);
            at = next;
        }

        return times;
    }
}
