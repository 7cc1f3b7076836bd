using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;
using Indicators.Core.Sources;

namespace Indicators.Ingestion.Sources;

/// <summary>
/// The <see cref="Core.Sources.SettingsCheck"/> of the source editor, the plan import and the command line: each kind's
/// settings record says whether its settings may be saved. First as a run reads them, so settings a run could not read
/// (a KPI list given as one text, a year as a word) are refused, naming the setting and where, instead of failing every
/// run and breaking the source's edit page; then by the source form's own rules, in the form's words (a PxWeb source
/// needs a table and a selection).
/// </summary>
public static class SourceSettingsShape
{
    public static string? Check(string kind, string settings) => SourceKinds.Parse(kind) switch
    {
        SourceKind.Kolada => KoladaSettings.Check(settings),
        SourceKind.PxWeb => PxWebSettings.Check(settings),
        SourceKind.File => FileSourceSettings.Check(settings),
        _ => null,
    };
}
