namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>SCB's two-digit län codes and Riket ("00") as our area ids, which follow Kolada: "00" + län code.</summary>
public static class ScbRegions
{
    static readonly string[] CountyCodes =
        ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"];

    public static IReadOnlyDictionary<string, string> Counties { get; } =
        CountyCodes.Prepend("00").ToDictionary(code => code, code => "00" + code, StringComparer.Ordinal);
}
