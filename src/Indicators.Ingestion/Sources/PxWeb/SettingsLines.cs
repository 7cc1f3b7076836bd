namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// Maps and lists typed as lines, the way an analyst writes a PxWeb selection without a JSON editor: one
/// "key: value" (or "key: a, b, c") per line. Blank lines are skipped; a line without ':' is an error naming its line.
/// </summary>
public static class SettingsLines
{
    public static Dictionary<string, IReadOnlyList<string>> ParseLists(string? text, string what, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (line, key, value) in Lines(text, what, errors))
        {
            var values = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Length == 0)
            {
                errors.Add($"{what}, rad {line}: ange minst ett värde efter '{key}:'.");
                continue;
            }

            result[key] = values;
        }

        return result;
    }

    public static Dictionary<string, string> ParseMap(string? text, string what, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, key, value) in Lines(text, what, errors))
        {
            if (value.Length == 0)
            {
                errors.Add($"{what}, rad {line}: ange ett värde efter '{key}:'.");
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    public static string Format(IReadOnlyDictionary<string, IReadOnlyList<string>>? lists) =>
        lists is null ? "" : string.Join("\n", lists.Select(p => $"{p.Key}: {string.Join(", ", p.Value)}"));

    public static string Format(IReadOnlyDictionary<string, string>? map) =>
        map is null ? "" : string.Join("\n", map.Select(p => $"{p.Key}: {p.Value}"));

    static IEnumerable<(int Line, string Key, string Value)> Lines(string? text, string what, List<string> errors)
    {
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors.Add($"{what}, rad {number}: skriv 'namn: värde' (t.ex. 'Region: 22, 24'), inte '{line}'.");
                continue;
            }

            yield return (number, line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
    }
}
