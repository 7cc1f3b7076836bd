using Indicators.Core.Observations;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>One variable's selection, as PxWebApi 2 takes it: value codes (or expressions such as "TOP(2)") and an optional codelist.</summary>
public sealed record PxWebSelection(string VariableCode, IReadOnlyList<string> ValueCodes, string? Codelist = null);

/// <summary>
/// A read from one PxWeb table. The selection names every variable to fix; <see cref="RegionVariable"/>,
/// <see cref="TimeVariable"/> and <see cref="ContentsVariable"/> say which of them is which. <see cref="RegionMap"/> turns
/// SCB's codes into our area ids ("22" → "0022", "00" → "0000"; see <see cref="ScbRegions.Counties"/>) and
/// <see cref="ContentsMap"/> a content code into the indicator code rows carry. With a gender variable,
/// <see cref="GenderMap"/> says which of its codes are T, K and M ("1+2" → T, "2" → K, "1" → M at SCB).
/// </summary>
public sealed record PxWebQuery(
    string TableId,
    IReadOnlyList<PxWebSelection> Selection,
    string RegionVariable,
    string TimeVariable,
    string ContentsVariable,
    IReadOnlyDictionary<string, string> RegionMap,
    IReadOnlyDictionary<string, string> ContentsMap,
    string? GenderVariable = null,
    IReadOnlyDictionary<string, Gender>? GenderMap = null);

/// <summary>What GET /config says about the host's limits (SCB: 150 000 cells, 30 calls per 10 s).</summary>
public sealed record PxWebConfig(int MaxDataCells, int MaxCallsPerTimeWindow, int TimeWindow);
