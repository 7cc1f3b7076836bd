using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Writes YAML by hand rather than through a serializer, so the text is fully determined by the document: block style,
/// two-space indent, keys in a fixed order, strings plain only where no YAML reader could take them for anything else.
/// </summary>
sealed partial class YamlWriter
{
    readonly StringBuilder text = new();

    public void Comment(string comment) => text.Append("# ").Append(comment).Append('\n');

    public void Key(int indent, string key) => Indent(indent).Append(key).Append(":\n");

    /// <summary>A key with a scalar; null leaves the key out, so optional fields stay out of the way.</summary>
    public void Scalar(int indent, string key, string? value)
    {
        if (value is not null)
        {
            Indent(indent).Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    public void Number(int indent, string key, decimal? value)
    {
        if (value is { } number)
        {
            Indent(indent).Append(key).Append(": ").Append(Invariant(number)).Append('\n');
        }
    }

    public void Bool(int indent, string key, bool value) => Indent(indent).Append(key).Append(": ").Append(value ? "true" : "false").Append('\n');

    /// <summary>A list of short strings (codes, ids) in flow style on one line; an empty list is left out.</summary>
    public void FlowList(int indent, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            Indent(indent).Append(key).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");
        }
    }

    /// <summary>Starts an item of a block sequence: "- " at <paramref name="indent"/>; the item's keys follow at indent + 2.</summary>
    public void Item(int indent) => Indent(indent).Append("- ");

    /// <summary>The first key of a sequence item, written right after its "- ".</summary>
    public void ItemScalar(string key, string value) => text.Append(key).Append(": ").Append(Quote(value)).Append('\n');

    /// <summary>A JSON value (a source's settings) as a YAML mapping, sequence or scalar, keys in the JSON's order.</summary>
    public void Json(int indent, string key, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Object && value.EnumerateObject().Any())
        {
            Key(indent, key);
            foreach (var property in value.EnumerateObject())
            {
                Json(indent + 2, Quote(property.Name), property.Value);
            }
        }
        else if (value.ValueKind is JsonValueKind.Array && value.EnumerateArray().Any())
        {
            Key(indent, key);
            foreach (var element in value.EnumerateArray())
            {
                JsonItem(indent + 2, element);
            }
        }
        else
        {
            Indent(indent).Append(key).Append(": ").Append(JsonScalar(value)).Append('\n');
        }
    }

    void JsonItem(int indent, JsonElement value)
    {
        // An item that is itself a mapping or a list starts on the line after its dash, one level deeper.
        if (value.ValueKind is JsonValueKind.Object && value.EnumerateObject().Any())
        {
            Indent(indent).Append("-\n");
            foreach (var property in value.EnumerateObject())
            {
                Json(indent + 2, Quote(property.Name), property.Value);
            }
        }
        else if (value.ValueKind is JsonValueKind.Array && value.EnumerateArray().Any())
        {
            Indent(indent).Append("-\n");
            foreach (var element in value.EnumerateArray())
            {
                JsonItem(indent + 2, element);
            }
        }
        else
        {
            Indent(indent).Append("- ").Append(JsonScalar(value)).Append('\n');
        }
    }

    static string JsonScalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{}",
        JsonValueKind.Array => "[]",
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    public override string ToString() => text.ToString();

    StringBuilder Indent(int indent) => text.Append(' ', indent);

    /// <summary>Numbers as the invariant culture writes them, without trailing zeros (12.50 → 12.5, 80.0 → 80).</summary>
    public static string Invariant(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// A string plain when it is unmistakably a string (starts with a letter, holds no YAML punctuation, is no reserved
    /// word such as true or null); otherwise double-quoted with JSON-like escapes.
    /// </summary>
    public static string Quote(string value) =>
        PlainSafe().IsMatch(value) && !Reserved.Contains(value) ? value : DoubleQuoted(value);

    static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    };

    static string DoubleQuoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF' =>
                    quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^\p{L}[\p{L}\p{N} _.()/%+–-]*(?<! )$")]
    private static partial Regex PlainSafe();
}
