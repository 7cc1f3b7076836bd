using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Indicators.Core.Observations;
using Indicators.Core.Periods;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// Reads one page of Kolada v3 data with a forward-only <see cref="Utf8JsonReader"/>: the only allocation per value is
/// the <see cref="SourceRow"/> itself. KPI and area ids repeat on every row, so they are interned once per read.
/// Property order inside an object is not relied on: a data point's values are held until its ids are known.
/// </summary>
sealed class KoladaPageParser
{
    readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly List<PendingValue> pending = [];

    public KoladaPageParser() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    readonly record struct PendingValue(Gender? Gender, string? UnknownGender, decimal? Value, ObservationStatus Status, string? Problem);

    /// <summary>Adds the page's rows and rejected values; returns next_url (null or empty on the last page).</summary>
    /// <exception cref="JsonException">The body is not JSON or not shaped like a Kolada data page.</exception>
    public string? Parse(ReadOnlySpan<byte> json, List<SourceRow> rows, List<SourceProblem> rejected, HashSet<string> kpisSeen)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        string? nextUrl = null;
        var sawValues = false;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("values"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                sawValues = true;
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    ReadDataPoint(ref reader, rows, rejected, kpisSeen);
                }
            }
            else if (reader.ValueTextEquals("next_url"u8))
            {
                nextUrl = Next(ref reader) == JsonTokenType.String ? TextOf(ref reader) : null;
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new JsonException("Text efter JSON-objektets slut.");
        }

        return sawValues ? nextUrl : throw new JsonException("Svaret saknar 'values'.");
    }

    void ReadDataPoint(ref Utf8JsonReader reader, List<SourceRow> rows, List<SourceProblem> rejected, HashSet<string> kpisSeen)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Ett element i 'values' är inte ett objekt.");
        }

        string? kpi = null;
        string? area = null;
        int? year = null;
        pending.Clear();
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("kpi"u8))
            {
                Next(ref reader);
                kpi = Intern(ref reader);
            }
            else if (reader.ValueTextEquals("municipality"u8))
            {
                Next(ref reader);
                area = Intern(ref reader);
            }
            else if (reader.ValueTextEquals("period"u8))
            {
                year = ReadYear(ref reader);
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    pending.Add(ReadValue(ref reader));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (kpi is null || area is null || year is null)
        {
            rejected.Add(new SourceProblem(null, kpi is null ? "kpi" : area is null ? "municipality" : "period",
                $"Kolada gav en rad utan {(kpi is null ? "nyckeltal (kpi)" : area is null ? "område (municipality)" : "år (period)")}; raden hoppas över."));
            return;
        }

        if (year is < 1900 or > 2200)
        {
            rejected.Add(new SourceProblem(null, "period", $"Kolada gav året {year} för {kpi}, {area}, vilket inte är ett rimligt år; raden hoppas över."));
            return;
        }

        var period = Period.OfYear(year.Value);
        foreach (var value in pending)
        {
            if (value.Problem is { } problem)
            {
                rejected.Add(new SourceProblem(null, "value", $"Kolada gav {problem} för {kpi}, {area}, {year}; värdet hoppas över."));
            }
            else if (value.Gender is not { } gender)
            {
                rejected.Add(new SourceProblem(null, "gender", value.UnknownGender is null
                    ? $"Kolada gav ett värde utan kön för {kpi}, {area}, {year}; värdet hoppas över."
                    : $"Kolada gav okänt kön '{value.UnknownGender}' för {kpi}, {area}, {year}; värdet hoppas över."));
            }
            else
            {
                kpisSeen.Add(kpi);
                rows.Add(new SourceRow(kpi, period, area, gender, value.Value, value.Status));
            }
        }
    }

    static PendingValue ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Ett värde i 'values' är inte ett objekt.");
        }

        Gender? gender = null;
        string? unknownGender = null;
        decimal? value = null;
        string? problem = null;
        var nullStatus = ObservationStatus.Missing;
        var deleted = false;
        Span<char> statusBuffer = stackalloc char[64];
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("gender"u8))
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("T"u8)) gender = Gender.T;
                else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("K"u8)) gender = Gender.K;
                else if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("M"u8)) gender = Gender.M;
                else unknownGender = reader.TokenType == JsonTokenType.String ? TextOf(ref reader) : reader.TokenType.ToString();
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.Number)
                {
                    if (reader.TryGetDecimal(out var number))
                    {
                        value = number;
                    }
                    else
                    {
                        problem = $"talet {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}, som inte går att lagra";
                    }
                }
                else if (reader.TokenType == JsonTokenType.String)
                {
                    // Not seen from v3, but a number sent as text is still that number; anything else is not.
                    if (Utf8Parser.TryParse(reader.ValueSpan, out decimal parsed, out var consumed) && consumed == reader.ValueSpan.Length)
                    {
                        value = parsed;
                    }
                    else
                    {
                        problem = $"värdet '{TextOf(ref reader)}', som inte är ett tal";
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    problem = $"ett värde av typen {reader.TokenType.ToString().ToLowerInvariant()}, som inte är ett tal";
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0)
                {
                    var text = reader.ValueSpan.Length <= statusBuffer.Length && !reader.ValueIsEscaped
                        ? statusBuffer[..reader.CopyString(statusBuffer)]
                        : TextOf(ref reader).AsSpan();
                    nullStatus = KoladaStatus.ForNullValue(text);
                }
            }
            else if (reader.ValueTextEquals("isdeleted"u8))
            {
                deleted = Next(ref reader) == JsonTokenType.True;
            }
            else
            {
                reader.Skip();
            }
        }

        // A retracted value keeps no number; a value without a number is never 0, and a number means Ok.
        return deleted
            ? new PendingValue(gender, unknownGender, null, ObservationStatus.Retracted, null)
            : value is null
                ? new PendingValue(gender, unknownGender, null, nullStatus, problem)
                : new PendingValue(gender, unknownGender, value, ObservationStatus.Ok, problem);
    }

    static int? ReadYear(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var year))
        {
            return year;
        }

        // v2 sent the period as text; accept "2024" in case a proxy or old fixture still does.
        if (reader.TokenType == JsonTokenType.String && int.TryParse(TextOf(ref reader), NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            return year;
        }

        if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
        {
            reader.Skip();
        }

        return null;
    }

    string Intern(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Väntade en text men fick {reader.TokenType}.");
        }

        // Escaped text may hold an escape no string can (a lone surrogate), so it takes the careful way.
        Span<char> buffer = stackalloc char[64];
        ReadOnlySpan<char> text = reader.ValueSpan.Length <= buffer.Length && !reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : TextOf(ref reader);
        if (lookup.TryGetValue(text, out var interned))
        {
            return interned;
        }

        interned = text.ToString();
        strings.Add(interned, interned);
        return interned;
    }

    /// <summary>
    /// A JSON string's text. An escaped surrogate without its pair (<c>\ud800</c>) is valid JSON but no .NET string can
    /// decode it, and GetString throws: then the text is taken as written in the JSON (<c>\ud800</c>), which matches no
    /// code, so its row is rejected naming it instead of the whole answer failing.
    /// </summary>
    static string TextOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("Svaret tar slut mitt i JSON.");

    static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"Väntade {type} men fick {reader.TokenType}.");
        }
    }
}
