using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// Hostile source settings (the JSON a source stores, data-sources and README "Ingestion"): wrong types, huge arrays,
/// nesting past any sane depth, numbers out of range, control characters, folders and patterns that point out of the
/// file roots, and random damage to sound settings of each kind. <see cref="HostileInput.Name"/> is the kind.
/// </summary>
public static class HostileSettings
{
    public static readonly string[] Kinds = ["kolada", "pxweb", "file"];

    public const string SoundKolada = """{"kpis": ["N79224", "N79173"], "areas": ["0022", "0000"], "fromYear": 2019}""";

    public const string SoundPxWeb = """
        {"table": "TAB638", "selection": {"Region": ["22", "00"], "ContentsCode": ["BE0101N1"], "Tid": ["2023", "2024"]},
         "codelists": {"Region": "vs_RegionLän07"}, "contents": {"BE0101N1": "FOLKMANGD"}, "regionMap": {"22": "0022"},
         "genderVariable": "Kon", "genderMap": {"1": "M", "2": "K"}}
        """;

    public const string SoundFile = """
        {"folder": "inbox", "pattern": "*.csv;*.xlsx", "mapping": {"indicatorColumn": "indicator", "periodColumn": "period", "areaColumn": "area",
         "genderColumn": "gender", "valueColumn": "value", "statusColumn": "status", "fixedIndicatorCode": null, "fixedAreaCode": null, "maxRejectedShare": 0.10}}
        """;

    static readonly string[] Strategies = HostileInputs.Cycle(
        ("wrong-types", 3), ("huge", 1), ("deep", 2), ("numbers", 3), ("strings", 3), ("paths", 3), ("not-an-object", 2), ("mutated", 4), ("replaced-values", 4));

    public static HostileInput Generate(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var kind = Kinds[number % Kinds.Length];
        var strategy = Strategies[number / Kinds.Length % Strategies.Length];
        return new HostileInput(HostileKind.SourceSettings, number, $"settings/{kind}/{strategy}", kind, Encoding.UTF8.GetBytes(Json(random, kind, strategy)));
    }

    public static string Sound(string kind) => kind switch { "kolada" => SoundKolada, "pxweb" => SoundPxWeb, _ => SoundFile };

    /// <summary>Hostile settings of a kind, by a strategy chosen at random.</summary>
    public static string Json(Random random, string kind)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Json(random, kind, Strategies[random.Next(Strategies.Length)]);
    }

    /// <summary>
    /// Whether the product would store it as a source's settings: a JSON object (what the source form and the plan
    /// import both accept) that PostgreSQL's jsonb takes (no \u0000).
    /// </summary>
    public static bool IsStorable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 10_000 });
            return document.RootElement.ValueKind == JsonValueKind.Object && !text.Contains("\\u0000", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static string Json(Random random, string kind, string strategy) => strategy switch
    {
        "wrong-types" => WrongTypes(random, kind),
        "huge" => Huge(random, kind),
        "deep" => Deep(random, kind),
        "numbers" => Numbers(random, kind),
        "strings" => Strings(random, kind),
        "paths" => Paths(random),
        "not-an-object" => new[] { "[]", "null", "1", "\"x\"", "true", "[{}]", "", " ", "{", "{}}", "{\"a\":1,}", "{'kpis': 1}", "NaN" }[random.Next(13)],
        "mutated" => Encoding.UTF8.GetString(HostileStrings.Mutate(random, Encoding.UTF8.GetBytes(Sound(kind)), random.Next(1, 12))),
        _ => ReplacedValues(random, kind),
    };

    static string WrongTypes(Random random, string kind) => kind switch
    {
        "kolada" => new[]
        {
            """{"kpis": "N79224"}""", """{"kpis": [1, 2]}""", """{"kpis": [null]}""", """{"kpis": [["N1"]]}""", """{"areas": {"0022": true}}""",
            """{"fromYear": "2019"}""", """{"fromYear": 2019.5}""", """{"fromYear": null, "kpis": []}""", """{"KPIS": ["N1"], "Areas": 5}""",
        }[random.Next(9)],
        "pxweb" => new[]
        {
            """{"table": 638}""", """{"table": "TAB638", "selection": ["Region"]}""", """{"table": "T", "selection": {"Region": "22"}}""",
            """{"table": "T", "selection": {"Region": [22]}}""", """{"table": "T", "selection": {"Region": ["22"], "ContentsCode": ["A"]}, "genderMap": ["1"]}""",
            """{"table": "T", "selection": {"Region": ["22"], "ContentsCode": ["A"]}, "genderVariable": "Kon", "genderMap": {"1": "Q"}}""",
            """{"table": "T", "selection": {"Region": [], "ContentsCode": []}}""", """{"table": "T", "contents": {"A": 5}}""", """{"table": "", "selection": null}""",
        }[random.Next(9)],
        _ => new[]
        {
            """{"folder": 5}""", """{"pattern": ["*.csv"]}""", """{"mapping": "indicator"}""", """{"mapping": {"maxRejectedShare": "tio"}}""",
            """{"mapping": {"valueColumn": null, "periodColumn": null}}""", """{"mapping": {"maxRejectedShare": -5}}""", """{"mapping": {"maxRejectedShare": 1e400}}""",
            """{"mapping": {"indicatorColumn": "", "areaColumn": "", "valueColumn": "", "periodColumn": ""}}""", """{"mapping": {"genderColumn": "value", "valueColumn": "value"}}""",
        }[random.Next(9)],
    };

    static string Huge(Random random, string kind)
    {
        var count = new[] { 1_000, 50_000, 300_000 }[random.Next(3)];
        var items = string.Join(",", Enumerable.Range(0, count).Select(i => $"\"N{i % 100_000:00000}\""));
        return kind switch
        {
            "kolada" => random.Next(2) == 0 ? $$"""{"kpis": [{{items}}]}""" : $$"""{"kpis": ["N79224"], "areas": [{{items}}]}""",
            "pxweb" => $$$"""{"table": "TAB638", "selection": {"Region": [{{{items}}}], "ContentsCode": ["BE0101N1"], "Tid": [{{{items}}}]}}""",
            _ => $$"""{"pattern": "{{string.Join(";", Enumerable.Range(0, count / 10).Select(i => $"*.{i}"))}}"}""",
        };
    }

    static string Deep(Random random, string kind)
    {
        var depth = new[] { 65, 1_000, 10_000, 100_000 }[random.Next(4)];
        var key = kind switch { "kolada" => "kpis", "pxweb" => "selection", _ => "mapping" };
        return $"{{\"{key}\": {new string('[', depth)}{new string(']', depth)}}}";
    }

    static string Numbers(Random random, string kind)
    {
        var number = new[] { "1e400", "-1e400", "99999999999999999999999", "-2147483649", "2147483648", "0", "-1", "1", "9999", "1.5", "-0", "1E2" }[random.Next(12)];
        return kind switch
        {
            "kolada" => $$"""{"kpis": ["N79224"], "areas": ["0022"], "fromYear": {{number}}}""",
            "pxweb" => $$$"""{"table": "TAB638", "selection": {"Region": ["22"], "ContentsCode": ["BE0101N1"], "Tid": ["TOP({{{number}}})"]}}""",
            _ => $$$"""{"folder": "inbox", "mapping": {"maxRejectedShare": {{{number}}}}}""",
        };
    }

    static string Strings(Random random, string kind)
    {
        var value = JsonSerializer.Serialize(HostileStrings.Pick(random));
        return kind switch
        {
            "kolada" => $$"""{"kpis": [{{value}}], "areas": [{{value}}]}""",
            "pxweb" => $$$"""{"table": {{{value}}}, "selection": {{{{value}}}: [{{{value}}}], "Region": ["22"], "ContentsCode": [{{{value}}}]}, "regionVariable": {{{value}}}, "codelists": {"Region": {{{value}}}}}""",
            _ => $$$"""{"folder": {{{value}}}, "pattern": {{{value}}}, "mapping": {"indicatorColumn": {{{value}}}, "fixedAreaCode": {{{value}}}}}""",
        };
    }

    static string Paths(Random random)
    {
        var folder = JsonSerializer.Serialize(new[]
        {
            "/", "/etc", "..", "../..", "../../../../../../etc", ".", "/proc/self", "/root", "//server/share", "inbox/../../..", "~", "$HOME",
            "/var/tmp", "inbox\0", "C:\\Windows", "\\\\?\\C:\\", "inbox/./.", new string('a', 5_000), "/dev/zero", "/proc/self/fd",
        }[random.Next(20)]);
        var pattern = JsonSerializer.Serialize(new[]
        {
            "password", "shadow", "*", "**/*", "../*", "/etc/*", "*.csv;../../*", "*.csv;/etc/shadow", "?", "[a-z]*", "*.*", "postmaster.pid", "pg_hba.conf", "",
        }[random.Next(14)]);
        return $$"""{"folder": {{folder}}, "pattern": {{pattern}}}""";
    }

    static string ReplacedValues(Random random, string kind)
    {
        using var document = JsonDocument.Parse(Sound(kind));
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Copy(document.RootElement, writer, random);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void Copy(JsonElement element, Utf8JsonWriter writer, Random random)
    {
        if (element.ValueKind is JsonValueKind.String or JsonValueKind.Number && random.Next(3) == 0)
        {
            switch (random.Next(4))
            {
                case 0:
                    writer.WriteStringValue(HostileStrings.Pick(random));
                    break;
                case 1:
                    writer.WriteNumberValue(random.Next(2) == 0 ? decimal.MaxValue : -random.Next());
                    break;
                case 2:
                    writer.WriteNullValue();
                    break;
                default:
                    writer.WriteStartArray();
                    writer.WriteEndArray();
                    break;
            }

            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(random.Next(12) == 0 ? HostileStrings.Pick(random) : property.Name);
                    Copy(property.Value, writer, random);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Copy(item, writer, random);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>For reports: the first characters of a settings document.</summary>
    public static string Preview(string json) =>
        (json.Length > 120 ? json[..120] + $"… ({json.Length.ToString("N0", CultureInfo.InvariantCulture)} chars)" : json).ReplaceLineEndings(" ");
}
