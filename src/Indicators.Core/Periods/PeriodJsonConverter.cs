using System.Text.Json;
using System.Text.Json.Serialization;

namespace Indicators.Core.Periods;

/// <summary>
/// A period in JSON is its code ("2026", "2026-JA", "2026-08"), as a value and as a property name. Without it the
/// serializer could not rebuild a period (its constructor is private) and would read every one as year 0.
/// </summary>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }

    public override Period ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Code);
    }

    static Period Parse(string? code) =>
        Period.TryParse(code, out var period) ? period : throw new JsonException($"'{code}' is not a period code.");
}
