using Indicators.Core.Sources;
using Indicators.Ingestion.Scheduling;

namespace Indicators.Web.Sources;

/// <summary>A source's schedule in Swedish words, for everyone who reads the Källor pages (the cron itself is for analysts).</summary>
public static class ScheduleTexts
{
    /// <summary>"Varje dag kl. 06:00"; a cron outside the shapes <see cref="CronWords"/> reads is "Enligt ett eget schema" (the next run times say when).</summary>
    public static string Words(string? cron) => Capitalise(CronWords.Describe(cron) ?? "enligt ett eget schema");

    /// <summary>Nothing for Swedish time (the Källor pages say all times are svensk tid), else that the clock is another.</summary>
    public static string Zone(string? timeZone) =>
        string.IsNullOrWhiteSpace(timeZone) || timeZone.Trim() == SourceDraft.DefaultTimeZone ? "" : ", i en annan tidszon än svensk tid";

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
