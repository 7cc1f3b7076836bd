using System.Globalization;
using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// Hostile plan documents (format indicators-plan/1): nesting thousands of levels deep, anchors and aliases that expand
/// to gigabytes, non-text mapping keys, tags, huge scalars, broken syntax and encodings, and random damage to
/// <see cref="Sound"/>, a document that imports.
/// </summary>
public static class HostilePlanYaml
{
    /// <summary>A valid plan: two areas, a nämnd, two indicators, a version with a mål and målvärden, and two sources.</summary>
    public const string Sound = """
        format: indicators-plan/1
        plan:
          area: "0022"
          name: Kampanjplan 2025–2027
          vision: "Liv, hälsa och hållbar utveckling"
          start_year: 2025
          end_year: 2027
        areas:
          - id: "0000"
            name: Riket
            short_name: Riket
            kind: country
          - id: "0022"
            name: Region Västernorrland
            short_name: Västernorrland
            kind: region
        committees:
          - code: KHSN
            name: Kampanjens hälso- och sjukvårdsnämnd
        indicators:
          - code: KP1
            name: Andel som fått operation inom 90 dagar
            unit: "%"
            decimals: 0
            direction: higher
            frequency: year
            aggregation: rate
            gender_split: true
            tolerance: 2
            tolerance_kind: absolute
            trend_min_difference: 0
            kpi_id: N79224
            owner: KHSN
            primary_area: "0022"
            comparison_areas: ["0000"]
          - code: KP2
            name: Listade patienter per allmänspecialist
            unit: antal
            decimals: 0
            direction: lower
            frequency: month
            owner: KHSN
            primary_area: "0022"
        versions:
          - name: Fastställd plan
            kind: adopted
            author: Regionfullmäktige
            decided_on: "2024-11-27"
            current: true
            goal_areas:
              - code: "2"
                name: God och nära vård
                kind: goal_area
                goals:
                  - code: "2.1"
                    name: Kortare väntetider
                    owner: KHSN
                    indicators: [KP1, KP2]
            targets:
              - indicator: KP1
                year: 2026
                value: 85
                provenance: Regionplan 2025–2027
              - indicator: KP1
                year: 2026
                gender: K
                value: 85
                example: true
              - indicator: KP2
                year: 2027
                value: 1100
        sources:
          - name: Kampanj Kolada
            kind: kolada
            cron: "0 6 * * *"
            full_refresh_cron: "0 3 * * 0"
            time_zone: Europe/Stockholm
            enabled: true
            indicators: [KP1]
            settings:
              fromYear: 2019
              areas: ["0022", "0000"]
          - name: Kampanj fil
            kind: file
            cron: "0 5 * * *"
            indicators: [KP2]
            settings:
              folder: inbox
              pattern: "*.csv"
              mapping:
                genderColumn: gender
                statusColumn: status
        """;

    static readonly string[] Strategies = HostileInputs.Cycle(
        ("deep-flow-nesting", 1), ("deep-block-nesting", 1), ("billion-laughs", 1), ("non-text-keys", 3), ("tags", 3), ("huge-scalar", 1),
        ("many-documents", 1), ("broken-syntax", 4), ("encodings", 3), ("hostile-scalars", 5), ("mutated", 6), ("truncated", 3),
        ("duplicate-keys", 2), ("hostile-settings", 3), ("json", 2));

    public static HostileInput Generate(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var strategy = Strategies[number % Strategies.Length];
        var content = strategy switch
        {
            "deep-flow-nesting" => Utf8(WithSettings(DeepFlow(random))),
            "deep-block-nesting" => Utf8(DeepBlock(random)),
            "billion-laughs" => Utf8(BillionLaughs(random)),
            "non-text-keys" => Utf8(NonTextKeys(random)),
            "tags" => Utf8(Tags(random)),
            "huge-scalar" => Utf8(Sound.Replace("Kortare väntetider", HostileStrings.LongRun(random).Replace("\"", "'"), StringComparison.Ordinal)),
            "many-documents" => Utf8(string.Concat(Enumerable.Repeat("---\n" + (random.Next(2) == 0 ? Sound : "a: 1") + "\n", random.Next(2, 2_000)))),
            "broken-syntax" => Utf8(BrokenSyntax(random)),
            "encodings" => Encodings(random),
            "hostile-scalars" => Utf8(HostileScalars(random)),
            "mutated" => HostileStrings.Mutate(random, Utf8(Sound), random.Next(1, 25)),
            "truncated" => Utf8(Sound)[..random.Next(0, Utf8(Sound).Length)],
            "duplicate-keys" => Utf8(DuplicateKeys(random)),
            "hostile-settings" => Utf8(WithSettings(HostileSettings.Json(random, random.Next(3) switch { 0 => "kolada", 1 => "pxweb", _ => "file" }))),
            "json" => Utf8(Json(random)),
            _ => throw new InvalidOperationException(strategy),
        };
        return new HostileInput(HostileKind.PlanYaml, number, "yaml/" + strategy, $"plan-{number}.yaml", content);
    }

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The sound document with the Kolada source's settings replaced by a flow value (JSON is YAML).</summary>
    static string WithSettings(string flow) =>
        Sound.Replace("    settings:\n      fromYear: 2019\n      areas: [\"0022\", \"0000\"]", "    settings: " + flow, StringComparison.Ordinal);

    static string DeepFlow(Random random)
    {
        // Mostly depths a sound parser takes or refuses in a millisecond; one in five far past any stack.
        var depth = new[] { 50, 200, 1_000, 3_000, 100_000 }[random.Next(5)];
        var (open, close) = random.Next(3) switch { 0 => ("[", "]"), 1 => ("{a: ", "}"), _ => ("[{a: ", "}]") };
        return new StringBuilder().Insert(0, open, depth).Append('1').Insert(depth * open.Length + 1, close, depth).ToString();
    }

    static string DeepBlock(Random random)
    {
        var depth = new[] { 100, 1_000, 3_000 }[random.Next(3)];
        var text = new StringBuilder(Sound).Append("\nextra:\n");
        for (var i = 1; i <= depth; i++)
        {
            text.Append(' ', i).Append(random.Next(2) == 0 ? "- " : "a: ").Append('\n');
        }

        return text.ToString();
    }

    static string BillionLaughs(Random random)
    {
        var levels = random.Next(5, 10);
        var width = random.Next(5, 11);
        var text = new StringBuilder("format: indicators-plan/1\nlaughs:\n  - &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", width))}]\n");
        }

        return random.Next(2) == 0
            ? text.Append(CultureInfo.InvariantCulture, $"plan: *a{levels}\n").ToString()
            : WithSettings($"{{laughs: [{string.Join(", ", Enumerable.Range(0, 3).Select(_ => $"*a{levels}"))}]}}").Replace("format: indicators-plan/1\n", text.ToString(), StringComparison.Ordinal);
    }

    static string NonTextKeys(Random random) => random.Next(6) switch
    {
        0 => Sound.Replace("  name: Kampanjplan 2025–2027", "  [a, b]: Kampanjplan", StringComparison.Ordinal),
        1 => Sound.Replace("format: indicators-plan/1", "? [format]\n: indicators-plan/1", StringComparison.Ordinal),
        2 => WithSettings("{? {a: b} : c, [1, 2]: 3}"),
        3 => Sound.Replace("plan:\n", "&k plan:\n", StringComparison.Ordinal) + "*k : 1\n",
        4 => Sound.Replace("  start_year: 2025", "  ? !!null\n  : 2025\n  start_year: 2025", StringComparison.Ordinal),
        _ => "{[[[[1]]]]: x, {a: {b: c}}: y}\n",
    };

    static string Tags(Random random)
    {
        var tag = new[] { "!!binary", "!!python/object:os.system", "!Ref", "!<tag:yaml.org,2002:int>", "!!timestamp", "!!float", "!!map", "!!set", "!!omap", "!custom!x" }[random.Next(10)];
        var where = random.Next(3);
        return where switch
        {
            0 => Sound.Replace("  start_year: 2025", $"  start_year: {tag} 2025", StringComparison.Ordinal),
            1 => Sound.Replace("    value: 85\n    provenance", $"    value: {tag} aGVsbG8=\n    provenance", StringComparison.Ordinal),
            _ => WithSettings($"{tag} {{fromYear: 2019}}"),
        };
    }

    static string BrokenSyntax(Random random)
    {
        var lines = Sound.Split('\n').ToList();
        var at = random.Next(lines.Count);
        lines[at] = random.Next(8) switch
        {
            0 => "\t" + lines[at],
            1 => lines[at] + " \"unclosed",
            2 => lines[at].Replace(":", "", StringComparison.Ordinal),
            3 => new string(' ', random.Next(1, 9)) + lines[at],
            4 => lines[at] + " *undefined",
            5 => "%YAML 9.9\n---\n" + lines[at],
            6 => lines[at] + " &anchor &anchor2",
            _ => "<<: *nope\n" + lines[at],
        };
        return string.Join(random.Next(4) == 0 ? "\r" : "\n", lines);
    }

    static byte[] Encodings(Random random) => random.Next(6) switch
    {
        0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sound)],
        1 => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Sound)],
        2 => [.. Utf8(Sound[..200]), 0xC0, 0xAF, 0xFF, .. Utf8(Sound[200..])],
        3 => [.. Utf8(Sound[..300]), 0, .. Utf8(Sound[300..])],
        4 => Encoding.Latin1.GetBytes(Sound),
        _ => [.. Utf8(Sound[..100]), .. Utf8(HostileStrings.Garbage(random, 200)), .. Utf8(Sound[100..])],
    };

    static string HostileScalars(Random random)
    {
        var keys = new[]
        {
            "  name: Kampanjplan 2025–2027", "  start_year: 2025", "  end_year: 2027", "    decimals: 0", "    tolerance: 2", "    year: 2026",
            "    value: 85\n    provenance", "    cron: \"0 6 * * *\"", "    time_zone: Europe/Stockholm", "    decided_on: \"2024-11-27\"",
            "  - code: KP1", "    kind: adopted", "    direction: higher", "    gender: K", "    primary_area: \"0022\"",
        };
        var text = Sound;
        for (var i = 0; i < random.Next(1, 4); i++)
        {
            var key = keys[random.Next(keys.Length)];
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var rest = key.IndexOf('\n', StringComparison.Ordinal) is var newline and >= 0 ? key[newline..] : "";
            var value = HostileStrings.Pick(random).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
            text = text.Replace(key, key[..(colon + 1)] + (random.Next(3) == 0 ? " " + new[] { "1e400", ".nan", "-.inf", "99999999999999999999", "-1", "[]", "{}", "~" }[random.Next(8)] : $" \"{value}\"") + rest, StringComparison.Ordinal);
        }

        return text;
    }

    static string DuplicateKeys(Random random) => random.Next(4) switch
    {
        0 => Sound.Replace("  start_year: 2025", "  start_year: 2025\n  start_year: 2031", StringComparison.Ordinal),
        1 => Sound + "format: indicators-plan/2\n",
        2 => Sound.Replace("areas:\n", "areas:\n  - id: \"0022\"\n    name: Dubblett\n    short_name: D\n    kind: region\n", StringComparison.Ordinal),
        _ => Sound + "plan:\n  area: \"0024\"\n",
    };

    static string Json(Random random)
    {
        var name = HostileStrings.Pick(random).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return random.Next(3) switch
        {
            0 => $$$"""{"format": "indicators-plan/1", "plan": {"area": "0022", "name": "{{{name}}}", "start_year": 2025, "end_year": 2027}}""",
            1 => $$$"""{"format": "indicators-plan/1", "plan": {"area": "0022", "name": "JSON", "start_year": 1e999, "end_year": -1}}""",
            _ => "{\"format\": \"indicators-plan/1\", \"plan\": " + new string('[', 3_000) + new string(']', 3_000) + "}",
        };
    }
}
