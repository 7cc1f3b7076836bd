using System.Text.Json.Serialization;

namespace Indicators.Ingestion.Sources.PxWeb;

sealed record PxWebSelectionBody(
    [property: JsonPropertyName("variableCode")] string VariableCode,
    [property: JsonPropertyName("valueCodes")] IReadOnlyList<string> ValueCodes,
    [property: JsonPropertyName("codelist"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Codelist);

sealed record PxWebDataRequest([property: JsonPropertyName("selection")] IReadOnlyList<PxWebSelectionBody> Selection);

sealed record PxWebConfigBody(
    [property: JsonPropertyName("maxDataCells")] int? MaxDataCells,
    [property: JsonPropertyName("maxCallsPerTimeWindow")] int? MaxCallsPerTimeWindow,
    [property: JsonPropertyName("timeWindow")] int? TimeWindow);

[JsonSerializable(typeof(PxWebDataRequest))]
[JsonSerializable(typeof(PxWebConfigBody))]
sealed partial class PxWebJsonContext : JsonSerializerContext;
