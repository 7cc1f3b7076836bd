namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>A KPI as Kolada describes it, for the analyst choosing what to follow.</summary>
public sealed record KoladaKpi(string Id, string Title, string? Description, bool IsDividedByGender);
