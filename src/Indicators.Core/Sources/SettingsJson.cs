using System.Text;
using System.Text.Json;
using Indicators.Core.Formatting;

namespace Indicators.Core.Sources;

/// <summary>
/// A source's settings JSON in Swedish: System.Text.Json's errors are English and name .NET types ("could not be
/// converted to System.Collections.Generic.IReadOnlyList`1"), so the editor, the plan import and a run say instead which
/// setting is wrong and where. Also the rule that settings hold only text PostgreSQL's jsonb can store.
/// </summary>
public static class SettingsJson
{
    /// <summary>"Inställningarna är inte giltig JSON (rad 1, tecken 12)."</summary>
    public static string SyntaxError(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"Inställningarna är inte giltig JSON ({Position(error)}).";
    }

    /// <summary>"Inställningen 'kpis' har fel typ av värde (rad 1, tecken 18)": a value the settings' type cannot take.</summary>
    public static string ShapeError(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var setting = error.Path is { } path ? path.TrimStart('$').TrimStart('.') : "";
        return setting.Length == 0
            ? $"Inställningarna har fel form ({Position(error)})."
            : $"Inställningen '{StorableText.Excerpt(setting, 100)}' har fel typ av värde ({Position(error)}).";
    }

    /// <summary>
    /// "Inställningen 'kpis[1]' är tom": a list of codes in the settings may not hold an empty one (JSON's null or blank
    /// text deserialise into a list of strings all the same, and a run or the editor would trip over it later).
    /// </summary>
    public static string? EmptyEntry(string setting, IEnumerable<string>? values)
    {
        var index = 0;
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return $"Inställningen '{setting}[{index}]' är tom; ange en kod eller ta bort raden.";
            }

            index++;
        }

        return null;
    }

    /// <summary>The same for a map of codes: neither a name nor a value may be empty ("Inställningen 'regionMap.22' är tom").</summary>
    public static string? EmptyEntry(string setting, IEnumerable<KeyValuePair<string, string>>? map) =>
        (map ?? []).FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Key) || string.IsNullOrWhiteSpace(p.Value)) is { Key: not null } empty
            ? $"Inställningen '{setting}.{StorableText.Excerpt(empty.Key, 100)}' är tom; ange ett värde eller ta bort raden."
            : null;

    /// <summary>
    /// Why the settings cannot be stored, or null: jsonb refuses the escape \u0000 and a lone surrogate, in values and in
    /// names alike (a plan document's YAML escape can put them there).
    /// </summary>
    public static string? UnstorableText(JsonElement settings)
    {
        var path = new StringBuilder();
        return Find(settings, path) is { } found ? $"Inställningen '{StorableText.Excerpt(found.Path, 100)}' innehåller {found.What}, som inte kan sparas." : null;
    }

    static (string Path, string What)? Find(JsonElement element, StringBuilder path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var length = path.Length;
                    var name = Text(() => property.Name);
                    path.Append(length == 0 ? "" : ".").Append(name ?? "?");
                    if ((name is null ? LoneSurrogate : Unstorable(name)) is { } inName)
                    {
                        return (path.ToString(), inName + " i sitt namn");
                    }

                    if (Find(property.Value, path) is { } found)
                    {
                        return found;
                    }

                    path.Length = length;
                }

                return null;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var length = path.Length;
                    path.Append('[').Append(index++).Append(']');
                    if (Find(item, path) is { } found)
                    {
                        return found;
                    }

                    path.Length = length;
                }

                return null;

            case JsonValueKind.String:
                var text = Text(element.GetString);
                return (text is null ? LoneSurrogate : Unstorable(text)) is { } what ? (path.ToString(), what) : null;

            default:
                return null;
        }
    }

    const string LoneSurrogate = "ett ensamt surrogattecken";

    /// <summary>The text of a name or value, or null when its escapes make a lone surrogate (System.Text.Json refuses those).</summary>
    static string? Text(Func<string?> read)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    static string? Unstorable(string text) =>
        StorableText.IndexOfUnstorable(text) is var index and >= 0 ? StorableText.Describe(text, index) : null;

    static string Position(JsonException error) => error.LineNumber is { } line
        ? $"rad {line + 1}, tecken {(error.BytePositionInLine ?? 0) + 1}"
        : "okänd plats";
}
