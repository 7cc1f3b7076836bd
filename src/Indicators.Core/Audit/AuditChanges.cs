using System.Globalization;
using System.Text.Json;
using Indicators.Core.Formatting;

namespace Indicators.Core.Audit;

/// <summary>One changed field of an audit entry, in Swedish: "Status", "öppen" → "under granskning".</summary>
public sealed record AuditChange(string Field, string Before, string After);

/// <summary>
/// An audit entry's recorded states (JSON, before and after) as the table people read: the fields whose value changed
/// and only those, with Swedish field names and values. Nested objects are flattened to "Källa › Namn"; a list of
/// objects names each by its code ("Mål 1.2 › Bedömning") or its place; a list of plain values reads "a, b, c".
/// A created thing shows its values against "–", a removed one against "–" after.
/// </summary>
public static class AuditChanges
{
    /// <summary>What an empty value (null, missing, "") reads as.</summary>
    public const string None = "–";

    const string Separator = " › ";

    public static IReadOnlyList<AuditChange> Of(string? beforeJson, string? afterJson)
    {
        var before = Flatten(beforeJson);
        var after = Flatten(afterJson);
        var changes = new List<AuditChange>();
        foreach (var key in before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal))
        {
            var from = before.TryGetValue(key, out var b) ? b : null;
            var to = after.TryGetValue(key, out var a) ? a : null;
            var fromText = from?.Value ?? None;
            var toText = to?.Value ?? None;
            if (!string.Equals(fromText, toText, StringComparison.Ordinal))
            {
                changes.Add(new AuditChange((from ?? to)!.Label, fromText, toText));
            }
        }

        return changes;
    }

    sealed record Leaf(string Label, string Value);

    static Dictionary<string, Leaf> Flatten(string? json)
    {
        var leaves = new Dictionary<string, Leaf>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return leaves;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // The column is jsonb, so this does not happen; if it did, the text is still worth showing.
            leaves["value"] = new Leaf("Värde", json);
            return leaves;
        }

        using (document)
        {
            Add(leaves, document.RootElement, "", "", "Value");
        }

        return leaves;
    }

    static void Add(Dictionary<string, Leaf> leaves, JsonElement element, string key, string label, string field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(leaves, property.Value, Join(key, property.Name, "."), Join(label, AuditNames.Field(property.Name), Separator), property.Name);
                }

                break;
            case JsonValueKind.Array when element.EnumerateArray().Any(e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array):
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    index++;
                    var name = ItemName(item) ?? index.ToString(CultureInfo.InvariantCulture);
                    Add(leaves, item, $"{key}[{name}]", Join(label, name, " "), field);
                }

                break;
            case JsonValueKind.Array:
                var values = element.EnumerateArray().Select(e => Text(e, field)).ToList();
                leaves[key] = new Leaf(Labelled(label), values.Count == 0 ? None : string.Join(", ", values));
                break;
            default:
                leaves[key] = new Leaf(Labelled(label), Text(element, field));
                break;
        }
    }

    /// <summary>A list item's own name: its code, indicator or name, so that an item moved in the list is still itself.</summary>
    static string? ItemName(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in new[] { "Code", "code", "Indicator", "indicator", "Name", "name" })
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>A value in Swedish: ja/nej, sv-SE numbers, Stockholm time, named codes, "–" for nothing.</summary>
    public static string Text(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => None,
        JsonValueKind.True => "ja",
        JsonValueKind.False => "nej",
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString(SwedishFormat.Culture) : value.GetRawText(),
        JsonValueKind.String => StringText(value.GetString() ?? "", field),
        _ => value.GetRawText(),
    };

    static string StringText(string text, string field)
    {
        if (text.Length == 0)
        {
            return None;
        }

        if (AuditNames.Value(field, text) is { } name)
        {
            return name;
        }

        // A recorded time ("2026-12-05T17:53:04.1+00:00") reads as Stockholm's wall clock, as every time in the app.
        if (text.Length >= 19 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return SwedishFormat.Time(time);
        }

        return text;
    }

    static string Labelled(string label) => label.Length == 0 ? "Värde" : label;

    static string Join(string prefix, string name, string separator) => prefix.Length == 0 ? name : prefix + separator + name;
}
