using Indicators.Core.Formatting;
using Indicators.Core.Sources;

namespace Indicators.Web.Sources;

/// <summary>The Swedish words and symbols of the Källor pages: run statuses, triggers, source kinds and times.</summary>
public static class SourceTexts
{
    /// <summary>A run status as a symbol and words (never colour alone) and the CSS class that repeats it in colour.</summary>
    public static (string Symbol, string Text, string Css) RunStatus(string? status) => RunStates.Parse(status) switch
    {
        RunState.Succeeded => ("✓", "Klar", "run-ok"),
        RunState.SucceededWithWarnings => ("!", "Klar med varningar", "run-warning"),
        RunState.Failed => ("✕", "Misslyckades", "run-failed"),
        RunState.Running => ("…", "Pågår", "run-running"),
        _ => ("–", "Har inte körts", "run-none"),
    };

    /// <summary>
    /// Who or what started a run: "Schemalagd", "Kör nu av Alva Analytiker", "Uppladdad fil av …", "Ny fil i bevakad
    /// mapp", "Försök igen av …". <paramref name="startedBy"/> is the starter's display name, where a person started it.
    /// </summary>
    public static string Trigger(string trigger, string? startedBy = null)
    {
        var what = trigger switch
        {
            "scheduled" => "Schemalagd",
            "manual" => "Kör nu",
            "retry" => "Försök igen",
            "upload" => "Uppladdad fil",
            "watched_folder" => "Ny fil i bevakad mapp",
            "preview" => "Förhandsgranskning",
            "demo" => "Demodata",
            _ => trigger,
        };
        return string.IsNullOrWhiteSpace(startedBy) ? what : $"{what} av {startedBy}";
    }

    /// <summary>A run by our own number ("Körning 7"), never by Hangfire's job number.</summary>
    public static string RunName(long runId) => $"Körning {runId.ToString(SwedishFormat.Culture)}";

    /// <summary>What a running run is doing, from its stored phase.</summary>
    public static string Phase(string? phase) => phase switch
    {
        "läser" => "läser källan",
        "skriver" => "sparar utfallen",
        "klar" => "klar",
        _ => "startar",
    };

    /// <summary>A run's counts as every page tells them (<see cref="RunCounts"/>).</summary>
    public static string Counts(int inserted, int updated, int unchanged, int retracted, int rejected) =>
        new RunCounts(inserted, updated, unchanged, retracted, rejected).Text();

    /// <summary>The counts of a source's last run for the Källor list, as its run page tells them; none while it runs or when it failed.</summary>
    public static string? LastRunCounts(Indicators.Data.Sources.SourceSummary source) =>
        source.LastRunStatus.Is(RunState.Succeeded) || source.LastRunStatus.Is(RunState.SucceededWithWarnings)
            ? Counts(source.LastRunInserted, source.LastRunUpdated, source.LastRunUnchanged, source.LastRunRetracted, source.LastRunRejected)
            : null;

    /// <summary>A retry's wait: "1 s", "4,2 s", "1 min 5 s".</summary>
    public static string Wait(int milliseconds) => milliseconds >= 60_000
        ? $"{milliseconds / 60_000} min {milliseconds % 60_000 / 1000} s"
        : milliseconds % 1000 == 0 ? $"{milliseconds / 1000} s" : $"{SwedishFormat.Number(milliseconds / 1000m, 1)} s";

    public static string Kind(string kind) => SourceKinds.Parse(kind) switch
    {
        SourceKind.Kolada => "Kolada",
        SourceKind.PxWeb => "SCB (PxWeb)",
        SourceKind.File => "Fil",
        _ => kind,
    };

    /// <summary>A stored time (UTC) as Stockholm's wall clock: "2025-09-14 06:00".</summary>
    public static string Time(DateTime? utc) => utc is { } value
        ? SwedishFormat.Time(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)))
        : "–";

    public static string Time(DateTimeOffset? time) => time is { } value ? Time(value.UtcDateTime) : "–";

    /// <summary>How long a run took: "4 s", "2 min 5 s".</summary>
    public static string Duration(DateTime started, DateTime? finished)
    {
        if (finished is not { } end)
        {
            return "pågår";
        }

        var span = end - started;
        return span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{Math.Max(0, (int)Math.Round(span.TotalSeconds))} s";
    }

    /// <summary>A file size: "812 byte", "14,2 kB", "3,1 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => $"{SwedishFormat.Number(bytes / 1024m, 1)} kB",
        _ => $"{SwedishFormat.Number(bytes / (1024m * 1024m), 1)} MB",
    };

    public static string Count(int value) => SwedishFormat.Number(value, 0);

    public static string Count(long value) => SwedishFormat.Number(value, 0);
}
