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
/// Says in Swedish which setting of a source of <c>kind</c> a run could not read, and where, or null when the settings (a
/// JSON object already) are what the kind's reader takes. Core knows no reader: the ingestion side supplies the check
/// (SourceSettingsShape.Check), which reads them as a run does.
/// </summary>
public delegate string? SettingsCheck(string kind, string settings);

/// <summary>
/// A source as an analyst sets it up: name, kind, schedule (cron and optional full-refresh cron, in a time zone), whether
/// it runs, its type-specific settings as a JSON object (never secrets) and the indicators it feeds. A file source's
/// watched folder must be one the roots allow (<see cref="FolderCheck"/>) and its pattern a file-name glob
/// (<see cref="FilePattern"/>); those errors carry the source form's field names, <see cref="FolderField"/> and
/// <see cref="PatternField"/>, so they land beside the fields.
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

    /// <summary>Where a file source's folder error goes: the source form's field for the watched folder.</summary>
    public const string FolderField = "FileFolder";

    /// <summary>Where a file source's pattern error goes: the source form's field for the file-name pattern.</summary>
    public const string PatternField = "FilePattern";

    public IReadOnlyList<FieldError> Validate(CronCheck cronCheck, FolderCheck folderCheck, SettingsCheck settingsCheck)
    {
        ArgumentNullException.ThrowIfNull(cronCheck);
        ArgumentNullException.ThrowIfNull(folderCheck);
        ArgumentNullException.ThrowIfNull(settingsCheck);
        var v = new Validation().RequireText(nameof(Name), Name, "källans namn", 200);
        if (SourceKinds.Parse(Kind) is null)
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
        else
        {
            // The folder and pattern first, beside their fields; then whether a run could read the rest.
            var before = v.Errors.Count;
            if (Kind.Is(SourceKind.File))
            {
                CheckFileLocation(v, folderCheck);
            }

            if (v.Errors.Count == before && SourceKinds.Parse(Kind) is not null
                && settingsCheck(Kind, string.IsNullOrWhiteSpace(Settings) ? "{}" : Settings) is { } shapeError)
            {
                v.Add(nameof(Settings), shapeError);
            }
        }

        return v.Errors;
    }

    /// <summary>
    /// The folder and pattern as the file reader reads them: property names in any case (it reads the settings with
    /// System.Text.Json's web defaults), every spelling checked.
    /// </summary>
    void CheckFileLocation(Validation v, FolderCheck folderCheck)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(Settings) ? "{}" : Settings);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var folder = property.Name.Equals("folder", StringComparison.OrdinalIgnoreCase);
            if (!folder && !property.Name.Equals("pattern", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var field = folder ? FolderField : PatternField;
            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                v.Add(field, folder ? "Den bevakade mappen ska anges som text." : "Filnamnsmönstret ska anges som text.");
                continue;
            }

            var text = property.Value.GetString();
            var error = folder
                ? (string.IsNullOrWhiteSpace(text) ? null : folderCheck(text.Trim()))
                : FilePattern.Error(text);
            if (error is not null)
            {
                v.Add(field, error);
            }
        }
    }

    /// <summary>Settings are stored as jsonb: a JSON object with text jsonb can hold, or nothing is saved.</summary>
    static string? SettingsError(string? settings)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(settings) ? "{}" : settings);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? "Inställningarna måste vara ett JSON-objekt ({ … })."
                : SettingsJson.UnstorableText(document.RootElement);
        }
        catch (JsonException e)
        {
            return SettingsJson.SyntaxError(e);
        }
    }
}
