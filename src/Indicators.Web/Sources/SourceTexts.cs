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

    public static string Trigger(string trigger) => trigger switch
    {
        "scheduled" => "Schemalagd",
        "manual" => "Startad för hand",
        "retry" => "Nytt försök",
        "preview" => "Förhandsgranskning",
        "demo" => "Demodata",
        _ => trigger,
    };

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
