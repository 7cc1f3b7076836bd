using System.Text.Json;
using Indicators.Core.Editing;

namespace Indicators.Core.Sources;

/// <summary>
/// Says in Swedish what is wrong with a cron in a time zone, or null when it is a schedule Hangfire can run. Core has no
/// cron parser: the ingestion side supplies the one Hangfire uses (CronSchedule.Check), so a draft passes exactly what
/// the scheduler accepts.
/// </summary>
public delegate string? CronCheck(string? cron, string? timeZone);

/// <summary>
/// A source as an analyst sets it up: name, kind, schedule (cron and optional full-refresh cron, in a time zone), whether
/// it runs, its type-specific settings as a JSON object (never secrets) and the indicators it feeds.
/// </summary>
public sealed record SourceDraft(
    string Name,
    string Kind,
    string Cron,
    string? FullRefreshCron,
    string TimeZone,
    bool Enabled,
    string Settings,
    IReadOnlyList<int> IndicatorIds)
{
    public const string DefaultTimeZone = "Europe/Stockholm";

    public static readonly IReadOnlyList<string> Kinds = ["kolada", "pxweb", "file"];

    public IReadOnlyList<FieldError> Validate(CronCheck cronCheck)
    {
        ArgumentNullException.ThrowIfNull(cronCheck);
        var v = new Validation().RequireText(nameof(Name), Name, "källans namn", 200);
        if (!Kinds.Contains(Kind))
        {
            v.Add(nameof(Kind), "Välj typ av källa: Kolada, SCB (PxWeb) eller fil.");
        }

        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out _))
        {
            v.Add(nameof(TimeZone), $"Tidszonen '{TimeZone}' finns inte. Ange till exempel {DefaultTimeZone}.");
        }
        else
        {
            if (cronCheck(Cron, TimeZone) is { } cronError)
            {
                v.Add(nameof(Cron), cronError);
            }

            if (!string.IsNullOrWhiteSpace(FullRefreshCron) && cronCheck(FullRefreshCron, TimeZone) is { } fullError)
            {
                v.Add(nameof(FullRefreshCron), "Fullständig omläsning: " + fullError);
            }
        }

        if (SettingsError(Settings) is { } settingsError)
        {
            v.Add(nameof(Settings), settingsError);
        }

        return v.Errors;
    }

    /// <summary>Settings are stored as jsonb: a JSON object, or nothing is saved.</summary>
    static string? SettingsError(string? settings)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(settings) ? "{}" : settings);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "Inställningarna måste vara ett JSON-objekt ({ … }).";
        }
        catch (JsonException e)
        {
            return $"Inställningarna är inte giltig JSON: {e.Message}";
        }
    }
}
