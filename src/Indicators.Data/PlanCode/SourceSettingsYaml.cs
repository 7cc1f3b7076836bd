using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Indicators.Data.PlanCode;

/// <summary>A plan document's source settings, written as YAML, turned into the JSON that a source stores.</summary>
internal static partial class SourceSettingsYaml
{
    /// <summary>
    /// A source's settings as JSON: plain true/false/null and JSON numbers keep their type; everything quoted is text.
    /// Null when the JSON would pass <see cref="PlanDocumentLimits.MaxSettingsBytes"/>: aliases can make it far larger
    /// than the document, so it is measured while it is written.
    /// </summary>
    public static string? ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (!Write(json, node))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());

        // The depth is bounded by PlanDocumentLimits.MaxDepth, and every key is text (PlanDocumentLimits.Check refuses others).
        static bool Write(Utf8JsonWriter json, YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    json.WriteStartObject();
                    foreach (var (key, value) in map.Children)
                    {
                        json.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                        if (!Write(json, value))
                        {
                            return false;
                        }
                    }

                    json.WriteEndObject();
                    break;
                case YamlSequenceNode list:
                    json.WriteStartArray();
                    foreach (var item in list.Children)
                    {
                        if (!Write(json, item))
                        {
                            return false;
                        }
                    }

                    json.WriteEndArray();
                    break;
                case YamlScalarNode { Style: ScalarStyle.Plain, Value: var plain }:
                    if (MapReader.IsNull(node))
                    {
                        json.WriteNullValue();
                    }
                    else if (plain is "true" or "false")
                    {
                        json.WriteBooleanValue(plain == "true");
                    }
                    else if (JsonNumber().IsMatch(plain!))
                    {
                        json.WriteRawValue(plain!);
                    }
                    else
                    {
                        json.WriteStringValue(plain);
                    }

                    break;
                case YamlScalarNode scalar:
                    json.WriteStringValue(scalar.Value);
                    break;
                default:
                    json.WriteNullValue();
                    break;
            }

            return json.BytesCommitted + json.BytesPending <= PlanDocumentLimits.MaxSettingsBytes;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
