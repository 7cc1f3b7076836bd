using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Indicators.Data.PlanCode;

/// <summary>Where a part of a document and each of its keys' values are, so later checks can name the line.</summary>
public sealed class Marks(Where self)
{
    public Where Self { get; } = self;

    public Dictionary<string, Where> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>The value's place for <paramref name="key"/>, or the part's own place when the key is absent.</summary>
    public Where Of(string key) => Keys.TryGetValue(key, out var where) ? where : Self;
}

/// <summary>A document as read: the parts (when the shape was right), where each part is, and what was wrong.</summary>
public sealed record ReadDocument(PlanDocument? Document, IReadOnlyDictionary<object, Marks> Marks, IReadOnlyList<PlanCodeError> Errors)
{
    public Marks MarksOf(object part) => Marks.TryGetValue(part, out var marks) ? marks : new Marks(new Where(1, 1));
}

/// <summary>
/// Reads a plan document (YAML, or JSON, which YAML 1.2 reads as flow style) into a <see cref="PlanDocument"/>,
/// checking its shape only: known keys, required keys, and that numbers, years, booleans and dates are what they claim.
/// The rules of plans, indicators and targets are checked afterwards by <see cref="PlanImporter"/>, with these marks.
/// </summary>
public static partial class PlanYamlReader
{
    public static ReadDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new ReadContext();
        if (PlanDocumentLimits.Check(text) is { } refused)
        {
            // Nothing recursive may see a document that breaks a limit: it could overflow the stack or fill the memory.
            return new ReadDocument(null, context.Marks, [refused]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message is { } detail ? $" ({detail})" : "";
            context.Error(e.Start, $"Dokumentet är inte giltig YAML eller JSON: {Reason(e.Message)}{inner}");
            return new ReadDocument(null, context.Marks, context.Errors);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet refuses a mapping that names a key twice with a bare ArgumentException.
            context.Error(new Mark(), $"Dokumentet har samma nyckel två gånger i en mappning: {e.Message}");
            return new ReadDocument(null, context.Marks, context.Errors);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : new Mark();
            context.Error(at, "Dokumentet ska vara en mappning med nycklarna format, plan, areas, committees, indicators, versions och sources.");
            return new ReadDocument(null, context.Marks, context.Errors);
        }

        var document = ReadDocumentRoot(new MapReader(root, "dokumentet", context), context);
        return new ReadDocument(context.Errors.Count == 0 ? document : null, context.Marks, context.Errors);
    }

    static string Reason(string message)
    {
        // YamlDotNet's messages start with the position we already give as line and column.
        var match = PositionPrefix().Match(message);
        return match.Success ? message[match.Length..] : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    static PlanDocument? ReadDocumentRoot(MapReader root, ReadContext context)
    {
        var format = root.Text("format", required: true);
        if (format is not null && format != PlanDocument.Format)
        {
            context.Error(root.Marks.Of("format"), $"Formatet '{format}' känns inte igen; den här versionen läser '{PlanDocument.Format}'.");
        }

        PlanPart? plan = null;
        if (root.Map("plan", required: true) is { } planNode)
        {
            var p = new MapReader(planNode, "planen", context);
            plan = new PlanPart(p.Text("area", true) ?? "", p.Text("name", true) ?? "", p.Text("vision"), p.Int("start_year", true) ?? 0, p.Int("end_year", true) ?? 0);
            p.Finish(plan);
        }

        var areas = root.Items("areas", "området", (a, _) =>
            a.Finish(new AreaPart(a.Text("id", true) ?? "", a.Text("name", true) ?? "", a.Text("short_name", true) ?? "", a.Text("kind", true) ?? "")));
        var committees = root.Items("committees", "nämnden", (c, _) => c.Finish(new CommitteePart(c.Text("code", true) ?? "", c.Text("name", true) ?? "")));
        var indicators = root.Items("indicators", "indikatorn", (i, _) => ReadIndicator(i, context));
        var versions = root.Items("versions", "versionen", (v, _) => ReadVersion(v, context));
        var sources = root.Items("sources", "källan", (s, _) => ReadSource(s, context));
        root.Finish(root);
        return plan is null ? null : new PlanDocument(plan, areas, committees, indicators, versions, sources);
    }

    static readonly IReadOnlyList<string> Directions = ["higher", "lower", "band"];

    static IndicatorPart ReadIndicator(MapReader i, ReadContext context)
    {
        var direction = i.Text("direction", true);
        if (direction is not null && !Directions.Contains(direction))
        {
            context.Error(i.Marks.Of("direction"),
                $"Okänd riktning '{direction}': ange higher (högre är bättre), lower (lägre är bättre) eller band (inom intervall).");
        }

        return i.Finish(new IndicatorPart(
            i.Text("code", true) ?? "", i.Text("name", true) ?? "", i.Text("description"), i.Text("unit", true) ?? "", i.Int("decimals") ?? 1,
            direction ?? "", i.Text("frequency", true) ?? "", i.Text("aggregation") ?? "rate", i.Bool("gender_split") ?? false,
            i.Decimal("tolerance"), i.Text("tolerance_kind"), i.Decimal("trend_min_difference") ?? 0, i.Text("source_description"), i.Text("kpi_id"),
            i.Text("owner"), i.Text("primary_area", true) ?? "", i.TextList("comparison_areas"), Core.Editing.Validation.Clean(i.Text("counted_noun"))));
    }

    static VersionPart ReadVersion(MapReader v, ReadContext context)
    {
        var name = v.Text("name", true) ?? "";
        var kind = v.Text("kind", true) ?? "";
        var author = v.Text("author");
        var decidedOn = v.Date("decided_on");
        var current = v.Bool("current") ?? false;
        var goalAreas = v.Items("goal_areas", "målområdet", (a, _) =>
        {
            var code = a.Text("code", true) ?? "";
            var areaName = a.Text("name", true) ?? "";
            var description = a.Text("description");
            var areaKind = a.Text("kind") ?? "goal_area";
            var goals = a.Items("goals", "målet", (g, _) => g.Finish(new GoalPart(
                g.Text("code", true) ?? "", g.Text("name", true) ?? "", g.Text("description"), g.Text("owner"),
                g.TextList("contributors"), g.TextList("indicators"))));
            return a.Finish(new GoalAreaPart(code, areaName, description, areaKind, goals));
        });
        var targets = v.Items("targets", "målvärdet", (t, _) => t.Finish(new TargetPart(
            t.Text("indicator", true) ?? "", t.Int("year", true) ?? 0, t.Text("gender"), t.Decimal("value"), t.Decimal("band_min"), t.Decimal("band_max"),
            t.Decimal("tolerance"), t.Text("tolerance_kind"), t.Text("provenance"), t.Bool("example") ?? false)));
        GoalRulePart? goalRule = null;
        if (v.Map("goal_rule", false) is { } ruleNode)
        {
            var r = new MapReader(ruleNode, "regeln för målförslag", context);
            var metShare = r.Decimal("met_share") ?? GoalRulePart.Default.MetShare;
            var notMetShare = r.Decimal("not_met_share") ?? GoalRulePart.Default.NotMetShare;
            var weights = r.Items("weights", "vikten", (w, _) => w.Finish(new WeightPart(w.Text("indicator", true) ?? "", w.Decimal("weight") ?? Core.Attainment.GoalRule.DefaultWeight)));
            goalRule = r.Finish(new GoalRulePart(metShare, notMetShare, weights));
        }

        return v.Finish(new VersionPart(name, kind, author, decidedOn, current, goalAreas, targets, goalRule));
    }

    static SourcePart ReadSource(MapReader s, ReadContext context)
    {
        var name = s.Text("name", true) ?? "";
        var kind = s.Text("kind", true) ?? "";
        var cron = s.Text("cron", true) ?? "";
        var fullRefresh = s.Text("full_refresh_cron");
        var timeZone = s.Text("time_zone") ?? "Europe/Stockholm";
        var enabled = s.Bool("enabled") ?? true;
        var indicators = s.TextList("indicators");
        var settings = "{}";
        if (s.Node("settings") is { } node)
        {
            if (node is YamlMappingNode)
            {
                if (SettingsJson(node) is { } json)
                {
                    settings = json;
                }
                else
                {
                    context.Error(node.Start,
                        $"Källans inställningar är för stora: mer än {PlanDocumentLimits.MaxSettingsBytes / 1024} kB som JSON.");
                }
            }
            else if (!MapReader.IsNull(node))
            {
                context.Error(node.Start, "'settings' ska vara en mappning (nycklar med värden).");
            }
        }

        return s.Finish(new SourcePart(name, kind, cron, fullRefresh, timeZone, enabled, settings, indicators));
    }

    /// <summary>
    /// A source's settings as JSON: plain true/false/null and JSON numbers keep their type; everything quoted is text.
    /// Null when the JSON would pass <see cref="PlanDocumentLimits.MaxSettingsBytes"/>: aliases can make it far larger
    /// than the document, so it is measured while it is written.
    /// </summary>
    static string? SettingsJson(YamlNode node)
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

    internal sealed class ReadContext
    {
        public Dictionary<object, Marks> Marks { get; } = new(ReferenceEqualityComparer.Instance);

        public List<PlanCodeError> Errors { get; } = [];

        public void Error(Mark mark, string message) => Errors.Add(new PlanCodeError((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column), message));

        public void Error(Where where, string message) => Errors.Add(new PlanCodeError(where.Line, where.Column, message));
    }

    /// <summary>Reads one mapping: each key once, with its place, and at the end says which keys were not expected.</summary>
    internal sealed class MapReader(YamlMappingNode node, string what, ReadContext context)
    {
        readonly HashSet<string> asked = new(StringComparer.Ordinal);

        public Marks Marks { get; } = new(At(node.Start));

        static Where At(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

        public static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

        public YamlNode? Node(string key, bool required = false)
        {
            asked.Add(key);
            foreach (var (k, value) in node.Children)
            {
                if (k is YamlScalarNode { Value: var name } && name == key)
                {
                    Marks.Keys[key] = At(value.Start);
                    return IsNull(value) ? Missing(key, required) : value;
                }
            }

            return Missing(key, required);
        }

        YamlNode? Missing(string key, bool required)
        {
            if (required)
            {
                context.Error(Marks.Of(key), $"Nyckeln '{key}' saknas i {what}.");
            }

            return null;
        }

        YamlScalarNode? Scalar(string key, bool required)
        {
            switch (Node(key, required))
            {
                case null:
                    return null;
                case YamlScalarNode scalar:
                    return scalar;
                case var other:
                    context.Error(other.Start, $"'{key}' ska vara ett enkelt värde, inte en lista eller mappning.");
                    return null;
            }
        }

        public string? Text(string key, bool required = false) => Scalar(key, required)?.Value;

        public int? Int(string key, bool required = false)
        {
            if (Scalar(key, required) is not { Value: { } text } scalar)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            context.Error(scalar.Start, $"'{text}' är inget heltal ({key}).");
            return null;
        }

        public decimal? Decimal(string key)
        {
            if (Scalar(key, false) is not { Value: { } text } scalar)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            var hint = text.Contains(',', StringComparison.Ordinal) ? " Skriv decimaler med punkt, t.ex. 12.5." : "";
            context.Error(scalar.Start, $"'{text}' är inget tal ({key}).{hint}");
            return null;
        }

        public bool? Bool(string key)
        {
            if (Scalar(key, false) is not { Value: { } text } scalar)
            {
                return null;
            }

            if (text is "true" or "false")
            {
                return text == "true";
            }

            context.Error(scalar.Start, $"'{text}' är varken true eller false ({key}).");
            return null;
        }

        public DateOnly? Date(string key)
        {
            if (Scalar(key, false) is not { Value: { } text } scalar)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            context.Error(scalar.Start, $"'{text}' är inget datum på formen ÅÅÅÅ-MM-DD ({key}).");
            return null;
        }

        public YamlMappingNode? Map(string key, bool required)
        {
            switch (Node(key, required))
            {
                case null:
                    return null;
                case YamlMappingNode map:
                    return map;
                case var other:
                    context.Error(other.Start, $"'{key}' ska vara en mappning (nycklar med värden).");
                    return null;
            }
        }

        /// <summary>A list of codes; each item a simple value.</summary>
        public IReadOnlyList<string> TextList(string key)
        {
            switch (Node(key))
            {
                case null:
                    return [];
                case YamlSequenceNode list:
                    var values = new List<string>();
                    foreach (var item in list.Children)
                    {
                        if (item is YamlScalarNode { Value: { } value } && !IsNull(item))
                        {
                            values.Add(value);
                        }
                        else
                        {
                            context.Error(item.Start, $"Varje post i '{key}' ska vara en kod.");
                        }
                    }

                    return values;
                case var other:
                    context.Error(other.Start, $"'{key}' ska vara en lista, t.ex. [A, B].");
                    return [];
            }
        }

        /// <summary>A list of mappings, each read by <paramref name="read"/>.</summary>
        public IReadOnlyList<T> Items<T>(string key, string itemWhat, Func<MapReader, int, T> read)
        {
            switch (Node(key))
            {
                case null:
                    return [];
                case YamlSequenceNode list:
                    var items = new List<T>();
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        if (list.Children[i] is YamlMappingNode map)
                        {
                            items.Add(read(new MapReader(map, itemWhat, context), i));
                        }
                        else
                        {
                            context.Error(list.Children[i].Start, $"Varje post i '{key}' ska vara en mappning (nycklar med värden).");
                        }
                    }

                    return items;
                case var other:
                    context.Error(other.Start, $"'{key}' ska vara en lista.");
                    return [];
            }
        }

        /// <summary>Records where <paramref name="part"/> is and reports any key nobody asked for.</summary>
        public T Finish<T>(T part)
            where T : notnull
        {
            foreach (var (k, _) in node.Children)
            {
                var name = (k as YamlScalarNode)?.Value ?? "";
                if (!asked.Contains(name))
                {
                    context.Error(k.Start, $"Okänd nyckel '{name}' i {what}. Giltiga nycklar: {string.Join(", ", asked)}.");
                }
            }

            context.Marks[part] = Marks;
            return part;
        }
    }
}
