using System.Text.Json;
using Indicators.Core.Observations;
using Indicators.Core.Periods;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// Turns a json-stat2 dataset into rows. <c>value</c> is row-major over <c>id</c>/<c>size</c> (the last dimension varies
/// fastest); <c>status</c> marks cells (".." not available, "x" confidential). Each category is mapped once, not per cell,
/// and an unmapped region, time or content code is one warning, not one per cell.
/// </summary>
static class JsonStat2Reader
{
    public static void Read(JsonElement root, PxWebQuery query, List<SourceRow> rows, ISet<string> warnings, List<SourceProblem> warningList, List<SourceProblem> rejected)
    {
        var ids = root.GetProperty("id").EnumerateArray().Select(e => e.GetString() ?? throw new JsonException("Tomt id i 'id'.")).ToArray();
        var sizes = root.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        if (ids.Length != sizes.Length || ids.Length == 0)
        {
            throw new JsonException("'id' och 'size' har olika längd.");
        }

        var dimensions = root.GetProperty("dimension");
        var codes = new string[ids.Length][];
        for (var d = 0; d < ids.Length; d++)
        {
            codes[d] = CategoryCodes(dimensions.GetProperty(ids[d]), sizes[d], ids[d]);
        }

        void Warn(string column, string reason)
        {
            if (warnings.Add(reason))
            {
                warningList.Add(new SourceProblem(null, column, reason));
            }
        }

        var table = query.TableId;
        var regionDim = Dimension(ids, query.RegionVariable, table);
        var timeDim = Dimension(ids, query.TimeVariable, table);
        var contentsDim = Dimension(ids, query.ContentsVariable, table);
        var genderDim = query.GenderVariable is { } g ? Dimension(ids, g, table) : -1;
        for (var d = 0; d < ids.Length; d++)
        {
            if (d != regionDim && d != timeDim && d != contentsDim && d != genderDim && sizes[d] > 1)
            {
                throw new SourceReadException(
                    $"SCB-tabell {table}: variabeln {ids[d]} har {sizes[d]} värden men är varken region, tid, innehåll eller kön; välj ett värde för den.");
            }
        }

        var areas = codes[regionDim].Select(code =>
        {
            if (query.RegionMap.TryGetValue(code, out var area)) return area;
            Warn(query.RegionVariable, $"SCB-regionen '{code}' i tabell {table} saknar motsvarande område; dess värden hoppas över.");
            return null;
        }).ToArray();
        var periods = codes[timeDim].Select(code =>
        {
            if (PeriodSpellings.TryParse(code, out var period)) return (Period?)period;
            Warn(query.TimeVariable, $"Tidskoden '{code}' i SCB-tabell {table} är varken år, månad (2024M03) eller kvartal (2024K2); dess värden hoppas över.");
            return null;
        }).ToArray();
        var indicators = codes[contentsDim].Select(code =>
        {
            if (query.ContentsMap.TryGetValue(code, out var indicator)) return indicator;
            Warn(query.ContentsVariable, $"Innehållet '{code}' i SCB-tabell {table} är inte kopplat till något nyckeltal; dess värden hoppas över.");
            return null;
        }).ToArray();
        var genders = genderDim < 0 ? [Gender.T] : codes[genderDim].Select(code =>
        {
            if (query.GenderMap?.TryGetValue(code, out var gender) == true) return (Gender?)gender;
            Warn(query.GenderVariable!, $"Könskoden '{code}' i SCB-tabell {table} är inte kopplad till T, K eller M; dess värden hoppas över.");
            return null;
        }).ToArray();

        var total = sizes.Aggregate(1L, (product, size) => product * size);
        var values = root.GetProperty("value");
        if (values.ValueKind == JsonValueKind.Array && values.GetArrayLength() != total)
        {
            throw new JsonException($"'value' har {values.GetArrayLength()} värden men 'size' ger {total}.");
        }

        var status = root.TryGetProperty("status", out var s) ? s : default;
        var coordinate = new int[ids.Length];
        var cellValues = values.ValueKind == JsonValueKind.Array ? values.EnumerateArray() : default;
        for (long cell = 0; cell < total; cell++)
        {
            var element = values.ValueKind == JsonValueKind.Array
                ? Advance(ref cellValues)
                : values.TryGetProperty(cell.ToString(System.Globalization.CultureInfo.InvariantCulture), out var sparse) ? sparse : default;

            var area = areas[coordinate[regionDim]];
            var period = periods[coordinate[timeDim]];
            var indicator = indicators[coordinate[contentsDim]];
            var gender = genderDim < 0 ? Gender.T : genders[coordinate[genderDim]];
            if (area is not null && period is { } p && indicator is not null && gender is { } gen)
            {
                if (element.ValueKind == JsonValueKind.Number)
                {
                    if (element.TryGetDecimal(out var number))
                    {
                        rows.Add(new SourceRow(indicator, p, area, gen, number, ObservationStatus.Ok));
                    }
                    else
                    {
                        rejected.Add(new SourceProblem(null, "value", $"SCB-tabell {table} gav talet {element.GetRawText()} för {indicator}, {area}, {p.Code}, som inte går att lagra."));
                    }
                }
                else if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    rows.Add(new SourceRow(indicator, p, area, gen, null, StatusOf(Symbol(status, cell))));
                }
                else
                {
                    rejected.Add(new SourceProblem(null, "value", $"SCB-tabell {table} gav {element.GetRawText()} för {indicator}, {area}, {p.Code}, vilket inte är ett tal."));
                }
            }

            // Odometer: the last dimension turns fastest.
            for (var d = ids.Length - 1; d >= 0; d--)
            {
                if (++coordinate[d] < sizes[d]) break;
                coordinate[d] = 0;
            }
        }
    }

    /// <summary>SCB's symbols: "x" is confidential (sekretess); "..", "." and anything else without a number is missing.</summary>
    internal static ObservationStatus StatusOf(string? symbol) => symbol?.Trim() switch
    {
        "x" or "X" => ObservationStatus.Suppressed,
        _ => ObservationStatus.Missing,
    };

    static JsonElement Advance(ref JsonElement.ArrayEnumerator values) =>
        values.MoveNext() ? values.Current : throw new JsonException("'value' tog slut i förtid.");

    /// <summary>status is an object keyed by cell index, an array with one entry per cell, or one string for every cell.</summary>
    static string? Symbol(JsonElement status, long cell) => status.ValueKind switch
    {
        JsonValueKind.Object => status.TryGetProperty(cell.ToString(System.Globalization.CultureInfo.InvariantCulture), out var symbol) ? symbol.GetString() : null,
        JsonValueKind.Array => cell < status.GetArrayLength() ? status[(int)cell].GetString() : null,
        JsonValueKind.String => status.GetString(),
        _ => null,
    };

    /// <summary>category.index is either {code: position} or [code, …]; a single-valued dimension may omit it and list only labels.</summary>
    static string[] CategoryCodes(JsonElement dimension, int size, string id)
    {
        var category = dimension.GetProperty("category");
        var result = new string[size];
        if (category.TryGetProperty("index", out var index))
        {
            if (index.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var code in index.EnumerateArray())
                {
                    if (i >= size) throw new JsonException($"Dimensionen {id} har fler koder än 'size' säger.");
                    result[i++] = code.GetString() ?? "";
                }
            }
            else
            {
                foreach (var entry in index.EnumerateObject())
                {
                    var position = entry.Value.GetInt32();
                    if (position < 0 || position >= size) throw new JsonException($"Dimensionen {id} har ett index utanför 'size'.");
                    result[position] = entry.Name;
                }
            }
        }
        else if (size == 1 && category.TryGetProperty("label", out var label))
        {
            result[0] = label.EnumerateObject().First().Name;
        }

        return result.Any(code => code is null) ? throw new JsonException($"Dimensionen {id} saknar koder för alla {size} positioner.") : result;
    }

    static int Dimension(string[] ids, string variable, string table)
    {
        var index = Array.IndexOf(ids, variable);
        return index >= 0 ? index : throw new SourceReadException($"Svaret från SCB-tabell {table} saknar variabeln {variable}.");
    }
}
