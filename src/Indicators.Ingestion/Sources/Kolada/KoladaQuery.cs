namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// What to fetch from Kolada: KPI ids (e.g. "N79224"), area ids ("0022", "0000" = riket) and years. No years means all
/// years. <see cref="UpdatedSince"/> asks only for values changed after that date (Kolada's from_date), the hook for
/// incremental runs and for picking up revisions and retractions.
/// </summary>
public sealed record KoladaQuery(IReadOnlyList<string> KpiIds, IReadOnlyList<string> AreaIds, IReadOnlyList<int> Years, DateOnly? UpdatedSince = null);
