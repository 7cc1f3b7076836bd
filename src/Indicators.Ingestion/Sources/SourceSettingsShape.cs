using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;

namespace Indicators.Ingestion.Sources;

/// <summary>
/// The <see cref="Core.Sources.SettingsCheck"/> of the source editor and the plan import: settings are read exactly as a
/// run reads them, so settings a run could not read (a KPI list given as one text, a year as a word) are refused when they
/// are saved, naming the setting and where, instead of failing every run and breaking the source's edit page.
/// </summary>
public static class SourceSettingsShape
{
    public static string? Check(string kind, string settings) => kind switch
    {
        "kolada" => KoladaSettings.TryRead(settings, out _, out var problem) ? null : $"Ogiltiga Kolada-inställningar. {problem}",
        "pxweb" => PxWebSettings.TryRead(settings, out _, out var problem) ? null : $"Ogiltiga SCB-inställningar. {problem}",
        "file" => FileSourceSettings.TryRead(settings, out _, out var problem) ? null : $"Ogiltiga filinställningar. {problem}",
        _ => null,
    };
}
