using Indicators.Core.Attainment;
using Indicators.Core.Formatting;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Alerts;

/// <summary>The Swedish title and text of each kind of event, as the in-app list, e-mails and webhooks show them.</summary>
public static class AlertTexts
{
    const int MaxMessage = 400;

    public static NewEvent RunFailed(long runId, string sourceName, int failuresInARow, string? message) => new(
        failuresInARow > 1
            ? $"Källan {sourceName} misslyckades igen ({Ordinal(failuresInARow)} gången i rad)"
            : $"Källan {sourceName} misslyckades",
        $"Körning {runId} av källan {sourceName} misslyckades"
            + (failuresInARow > 1 ? $", för {Ordinal(failuresInARow)} gången i rad sedan den senaste lyckade körningen" : "")
            + (string.IsNullOrWhiteSpace(message) ? "." : $": {Shortened(message)}"));

    public static NewEvent NewOutcomes(long runId, string sourceName, int inserted, int updated, int retracted) => new(
        $"Nya utfall från {sourceName}",
        $"Körning {runId} av källan {sourceName} gav {SwedishFormat.Count(inserted, "nytt utfall", "nya utfall")}, "
            + $"{SwedishFormat.Count(updated, "ändrat", "ändrade")} och {SwedishFormat.Count(retracted, "återkallat", "återkallade")}.");

    public static NewEvent Stale(string sourceName, DateTimeOffset lastSuccess) => new(
        $"Data från {sourceName} är inaktuella",
        $"Källan {sourceName} har inte hämtat data sedan {SwedishFormat.Time(lastSuccess)}, fast schemat väntade flera körningar sedan dess.");

    public static NewEvent StatusChanged(string code, string name, string planName, string period, AttainmentStatus before, AttainmentStatus after) => new(
        $"{code} {name}: {before.SwedishName()} → {after.SwedishName()}",
        $"Indikatorn {code} {name} i {planName} ({period}) har ändrat status från {before.Label()} till {after.Label()}.");

    public static NewEvent Report(string committee, string period, string happened, string? by, DateTimeOffset at) => new(
        $"{committee}: {period} {happened}",
        $"{period} för {committee} {happened} {SwedishFormat.Time(at)}" + (string.IsNullOrWhiteSpace(by) ? "." : $" av {by}."));

    /// <summary>A run's message for a message: URLs summarised as on the run page (they can be long), at most a few lines.</summary>
    public static string Shortened(string message)
    {
        var text = SourceUrl.SummariseIn(message.Trim());
        return text.Length <= MaxMessage ? text : text[..MaxMessage] + " …";
    }

    /// <summary>2:a, 3:e, 21:a; 11:e and 12:e.</summary>
    public static string Ordinal(int n) =>
        n + ((n % 10 is 1 or 2) && (n % 100 is not 11 and not 12) ? ":a" : ":e");
}
