using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Writes a plan document as YAML through YamlDotNet's emitter, event by event rather than through a serializer, so the
/// text is fully determined by the document: block style, two-space indent with indented sequences, keys in the order
/// they are written, no line folding, strings plain only where no YAML reader could take them for anything else.
/// The emitter owns the syntax (indentation, escapes, flow lists); this class only decides each scalar's style.
/// </summary>
sealed partial class YamlWriter
{
    static readonly EmitterSettings Settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true, newLine: "\n");

    readonly Emitter emitter;

    YamlWriter(TextWriter text) => emitter = new Emitter(text, Settings);

    /// <summary>One document: a comment line, then the root mapping that <paramref name="write"/> fills.</summary>
    public static string Document(string comment, Action<YamlWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var writer = new YamlWriter(text);
        writer.emitter.Emit(new StreamStart());
        writer.emitter.Emit(new DocumentStart());
        writer.emitter.Emit(new Comment(comment, isInline: false));
        writer.emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
        write(writer);
        writer.emitter.Emit(new MappingEnd());
        writer.emitter.Emit(new DocumentEnd(isImplicit: true));
        writer.emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>A key whose value is a mapping that <paramref name="write"/> fills.</summary>
    public void Mapping(string key, Action write)
    {
        Text(key);
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
        write();
        emitter.Emit(new MappingEnd());
    }

    /// <summary>A key with a block list of mappings, one per item, each filled by <paramref name="write"/>; an empty list is written [].</summary>
    public void Items<T>(string key, IEnumerable<T> items, Action<T> write)
    {
        Text(key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var item in items)
        {
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
            write(item);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    /// <summary>A key with a scalar; null leaves the key out, so optional fields stay out of the way.</summary>
    public void Scalar(string key, string? value)
    {
        if (value is not null)
        {
            Text(key);
            Text(value);
        }
    }

    public void Number(string key, decimal? value)
    {
        if (value is { } number)
        {
            Text(key);
            Plain(Invariant(number));
        }
    }

    public void Bool(string key, bool value)
    {
        Text(key);
        Plain(value ? "true" : "false");
    }

    /// <summary>A list of short strings (codes, ids) in flow style on one line; an empty list is left out.</summary>
    public void FlowList(string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            Text(key);
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Flow));
            foreach (var value in values)
            {
                Text(value);
            }

            emitter.Emit(new SequenceEnd());
        }
    }

    /// <summary>A JSON value (a source's settings) as a YAML mapping, sequence or scalar, keys in the JSON's order.</summary>
    public void Json(string key, JsonElement value)
    {
        Text(key);
        Json(value);
    }

    void Json(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // An empty mapping or list comes out in flow style ({} and []): the emitter's choice, as YAML has no empty block form.
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var property in value.EnumerateObject())
                {
                    Text(property.Name);
                    Json(property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
                foreach (var element in value.EnumerateArray())
                {
                    Json(element);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                Text(value.GetString()!);
                break;
            case JsonValueKind.Number:
                Plain(value.GetRawText());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Plain(value.ValueKind is JsonValueKind.True ? "true" : "false");
                break;
            default:
                Plain("null");
                break;
        }
    }

    /// <summary>Text, plain when it is unmistakably a string, otherwise double-quoted (the emitter writes the escapes).</summary>
    void Text(string value) => Emit(value, IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted);

    /// <summary>A number, boolean or null: plain, so that a reader resolves it to what it is.</summary>
    void Plain(string value) => Emit(value, ScalarStyle.Plain);

    void Emit(string value, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));

    /// <summary>Numbers as the invariant culture writes them, without trailing zeros (12.50 → 12.5, 80.0 → 80).</summary>
    static string Invariant(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// A string may be plain when it starts with a letter, holds no YAML punctuation and is no word that a YAML 1.1 or
    /// 1.2 reader resolves to something else (true, null, yes, off…).
    /// </summary>
    static bool IsPlainSafe(string value) => PlainSafe().IsMatch(value) && !Reserved.Contains(value);

    static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    };

    [GeneratedRegex(@"^\p{L}[\p{L}\p{N} _.()/%+–-]*(?<! )$")]
    private static partial Regex PlainSafe();
}
