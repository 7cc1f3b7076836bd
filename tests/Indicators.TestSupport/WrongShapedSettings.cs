using Xunit;

namespace Indicators.TestSupport;

/// <summary>
/// Source settings that are JSON objects but of a shape a run cannot read, with the setting each names: what the editor
/// refuses on save and what a source stored with them before (or by hand) says on its edit page. One list for both, so
/// a new case found by the fault campaign is checked in both places.
/// </summary>
public static class WrongShapedSettings
{
    /// <summary>(kind, settings, where the reason points).</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "kolada", """{"kpis": "N79224"}""", "kpis" },
        { "pxweb", """{"table": "TAB638", "selection": {"Region": "22"}}""", "selection.Region" },
        { "kolada", """{"kpis": [null]}""", "kpis[0]" },
        { "kolada", """{"areas": ["0022", " "]}""", "areas[1]" },
        { "pxweb", """{"table": "TAB638", "selection": {"Region": [null]}}""", "selection.Region[0]" },
        { "pxweb", """{"table": "TAB638", "regionMap": {"22": null}}""", "regionMap.22" },
        { "file", """{"folder": "inbox", "mapping": {"maxRejectedShare": "tio"}}""", "mapping.maxRejectedShare" },
    };
}
