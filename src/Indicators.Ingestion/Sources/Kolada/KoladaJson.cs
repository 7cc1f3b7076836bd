using System.Text.Json;
using System.Text.Json.Serialization;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>A page of GET /v3/kpi: metadata is small, so typed DTOs are fine here (the data path streams).</summary>
sealed record KoladaKpiPage(
    [property: JsonPropertyName("values")] List<KoladaKpiDto>? Values,
    [property: JsonPropertyName("next_url")] string? NextUrl);

sealed record KoladaKpiDto(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("is_divided_by_gender"), JsonConverter(typeof(BoolOrNumberConverter))] bool IsDividedByGender);

/// <summary>v3 sends is_divided_by_gender as a boolean; v2 sent 0/1. Either reads as a bool.</summary>
sealed class BoolOrNumberConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        JsonTokenType.Number => reader.GetInt32() != 0,
        _ => throw new JsonException($"is_divided_by_gender: väntade true/false eller 0/1 men fick {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

[JsonSerializable(typeof(KoladaKpiPage))]
sealed partial class KoladaJsonContext : JsonSerializerContext;
