using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Indicators.Data.PlanCode;

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
