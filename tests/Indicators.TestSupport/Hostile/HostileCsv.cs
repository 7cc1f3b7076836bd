using System.Globalization;
using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// Hostile delimited text files in the region's export format (indicator;period;area;gender;value;status, decimal comma),
/// or what a careless export, a wrong file or an attacker makes of it. The rows name indicators P01…P05 and the
/// regions 0022, 0024 and riket, so a file source mapped to those indicators accepts the sound rows.
/// </summary>
public static class HostileCsv
{
    public static readonly string[] Header = ["indicator", "period", "area", "gender", "value", "status"];

    static readonly string[] Strategies = HostileInputs.Cycle(
        ("hostile-cells", 4), ("nul-bytes", 3), ("quotes", 3), ("wide-header", 1), ("long-field", 1), ("encodings", 3), ("line-endings", 2),
        ("extreme-values", 4), ("bad-keys", 4), ("many-rows", 1), ("binary", 2), ("nearly-empty", 2), ("mutated", 4), ("header-variants", 2),
        ("formula-injection", 2));

    public static HostileInput Generate(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var strategy = Strategies[number % Strategies.Length];
        var delimiter = random.Next(5) switch { 0 => ',', 1 => '\t', _ => ';' };
        byte[] content = strategy switch
        {
            "hostile-cells" => Utf8(Join(delimiter, Rows(random, random.Next(1, 40), delimiter, cell => random.Next(4) == 0 ? HostileStrings.Pick(random) : cell))),
            "nul-bytes" => InsertAll(random, Utf8(Join(delimiter, Rows(random, random.Next(2, 30), delimiter))), [0], random.Next(1, 6)),
            "quotes" => Utf8(Quotes(random, delimiter)),
            "wide-header" => Utf8(WideHeader(random, delimiter)),
            "long-field" => Utf8(Join(delimiter, Rows(random, 3, delimiter)) + $"P01{delimiter}2024{delimiter}0022{delimiter}T{delimiter}{HostileStrings.LongRun(random)}{delimiter}ok\n"),
            "encodings" => Encodings(random, Join(delimiter, Rows(random, random.Next(2, 20), delimiter, cell => random.Next(3) == 0 ? "Västernorrlands län åäö" : cell))),
            "line-endings" => Utf8(LineEndings(random, Join(delimiter, Rows(random, random.Next(2, 20), delimiter)))),
            "extreme-values" => Utf8(Join(delimiter, Rows(random, random.Next(5, 40), delimiter, (cell, column) => column == 4 && random.Next(2) == 0 ? ExtremeNumber(random) : cell))),
            "bad-keys" => Utf8(Join(delimiter, Rows(random, random.Next(5, 40), delimiter, (cell, column) => column < 4 && random.Next(3) == 0 ? HostileStrings.Pick(random) : cell))),
            "many-rows" => Utf8(Join(delimiter, Rows(random, random.Next(20_000, 80_000), delimiter, (cell, column) => random.Next(12) == 0 && column == 4 ? "x" : cell))),
            "binary" => Binary(random),
            "nearly-empty" => Utf8(new[] { "", "\n", "\r\n", "\ufeff", string.Join(delimiter, Header), string.Join(delimiter, Header) + "\n", ";;;;;\n;;;;;\n", "\"", "indicator" }[random.Next(9)]),
            "mutated" => HostileStrings.Mutate(random, Utf8(Join(delimiter, Rows(random, random.Next(5, 60), delimiter))), random.Next(1, 30)),
            "header-variants" => Utf8(HeaderVariants(random, delimiter)),
            "formula-injection" => Utf8(Join(delimiter, Rows(random, random.Next(2, 10), delimiter, (cell, column) => random.Next(3) == 0 ? new[] { "=1+1", "=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+1+1", "-1-1", "=HYPERLINK(\"http://example.invalid\")" }[random.Next(6)] : cell))),
            _ => throw new InvalidOperationException(strategy),
        };
        var extension = random.Next(10) == 0 ? new[] { ".xlsx", ".txt", "", ".CSV", ".csv.exe" }[random.Next(5)] : ".csv";
        return new HostileInput(HostileKind.Csv, number, "csv/" + strategy, $"fil-{number}{extension}", content);
    }

    /// <summary>A sound data row: indicator P01–P05, a year 2015–2024, Västernorrland, Västerbotten or riket, a gender and a value.</summary>
    public static string[] SoundRow(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var missing = random.Next(20) == 0;
        return
        [
            $"P0{random.Next(1, 6)}", random.Next(2015, 2025).ToString(CultureInfo.InvariantCulture), new[] { "0022", "0024", "0000" }[random.Next(3)],
            new[] { "T", "K", "M" }[random.Next(3)],
            missing ? "" : (random.Next(0, 100_000) / 10m).ToString("0.0", CultureInfo.GetCultureInfo("sv-SE")),
            missing ? "missing" : "ok",
        ];
    }

    static List<string[]> Rows(Random random, int count, char delimiter, Func<string, string>? change = null) =>
        Rows(random, count, delimiter, change is null ? null : (cell, _) => change(cell));

    static List<string[]> Rows(Random random, int count, char delimiter, Func<string, int, string>? change)
    {
        var rows = new List<string[]> { Header };
        for (var i = 0; i < count; i++)
        {
            var row = SoundRow(random);
            if (delimiter == ',')
            {
                row[4] = row[4].Replace(',', '.');
            }

            if (change is not null)
            {
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = change(row[c], c);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    static string Join(char delimiter, List<string[]> rows) =>
        string.Concat(rows.Select(r => string.Join(delimiter, r) + "\n"));

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    static byte[] InsertAll(Random random, byte[] bytes, byte[] insert, int times)
    {
        var list = new List<byte>(bytes);
        for (var i = 0; i < times; i++)
        {
            list.InsertRange(random.Next(list.Count + 1), insert);
        }

        return [.. list];
    }

    static string Quotes(Random random, char delimiter)
    {
        var text = new StringBuilder(string.Join(delimiter, Header)).Append('\n');
        for (var i = 0; i < random.Next(2, 30); i++)
        {
            var row = SoundRow(random);
            var c = random.Next(row.Length);
            row[c] = random.Next(5) switch
            {
                0 => "\"" + row[c],
                1 => "\"" + row[c] + "\"\"",
                2 => "\"" + row[c] + "\n" + row[c] + "\"",
                3 => row[c] + "\"" + row[c],
                _ => "\"" + new string('"', random.Next(1, 2000)),
            };
            text.Append(string.Join(delimiter, row)).Append('\n');
        }

        if (random.Next(2) == 0)
        {
            text.Append("\"never closed").Append(delimiter).Append(new string('x', random.Next(10, 100_000)));
        }

        return text.ToString();
    }

    static string WideHeader(Random random, char delimiter)
    {
        var columns = new[] { 1_000, 10_000, 40_000 }[random.Next(3)];
        var header = Header.Concat(Enumerable.Range(0, columns).Select(i => random.Next(3) == 0 ? $"kolumn {i} {HostileStrings.Fixed[i % HostileStrings.Fixed.Count]}" : $"kolumn{i}"));
        var row = SoundRow(random).Concat(Enumerable.Range(0, columns).Select(_ => "1"));
        return string.Join(delimiter, header.Select(h => h.Replace(delimiter, ' ').Replace('\n', ' ').Replace('\r', ' ').Replace('"', ' ')))
            + "\n" + string.Join(delimiter, row) + "\n";
    }

    static byte[] Encodings(Random random, string text) => random.Next(7) switch
    {
        0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        1 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        2 => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
        3 => Encoding.Unicode.GetBytes(text),
        4 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        5 => InsertAll(random, Encoding.UTF8.GetBytes(text), [0xC0, 0xAF], random.Next(1, 4)),
        _ => InsertAll(random, Encoding.Latin1.GetBytes(text), [0xFF, 0xFE], 1),
    };

    static string LineEndings(Random random, string text) => random.Next(5) switch
    {
        0 => text.Replace('\n', '\r'),
        1 => string.Concat(text.Split('\n').Select(l => l + new[] { "\n", "\r\n", "\r", "\n\n", "\u2028" }[random.Next(5)])),
        2 => text.TrimEnd('\n'),
        3 => text.Replace("\n", "\n\n\n"),
        _ => text.Replace("\n", "\r\r\n"),
    };

    static string ExtremeNumber(Random random) => new[]
    {
        "NaN", "Infinity", "-Infinity", "∞", "1e300", "-1e300", "1E+309", "1e-300", "79228162514264337593543950336", "-79228162514264337593543950336",
        new string('9', random.Next(30, 400)), "0," + new string('0', 60) + "1", "1,5e10", "1 000 000", "1.000.000,5", "١٢٣", "0x1F", "-0", "+-1", "12,5,5",
    }[random.Next(20)];

    static byte[] Binary(Random random) => random.Next(6) switch
    {
        0 => HostileStrings.Bytes(random, random.Next(1, 50_000)),
        1 => [(byte)'P', (byte)'K', 3, 4, .. HostileStrings.Bytes(random, random.Next(0, 5_000))],
        2 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. HostileStrings.Bytes(random, random.Next(0, 5_000))],
        3 => [.. Encoding.ASCII.GetBytes("%PDF-1.7\n"), .. HostileStrings.Bytes(random, random.Next(0, 5_000))],
        4 => [0x1F, 0x8B, 8, 0, .. HostileStrings.Bytes(random, random.Next(0, 5_000))],
        _ => Encoding.UTF8.GetBytes(HostileStrings.Garbage(random, random.Next(1, 20_000))),
    };

    static string HeaderVariants(Random random, char delimiter)
    {
        var header = random.Next(6) switch
        {
            0 => Header.Concat(["value"]).ToArray(),
            1 => Header.Where((_, i) => i != random.Next(Header.Length)).ToArray(),
            2 => Header.Select(h => h.ToUpperInvariant()).ToArray(),
            3 => Header.Select(h => " " + h + " ").ToArray(),
            4 => ["\ufeff" + Header[0], .. Header[1..]],
            _ => Header.Reverse().ToArray(),
        };
        var text = new StringBuilder(string.Join(delimiter, header)).Append('\n');
        for (var i = 0; i < random.Next(2, 20); i++)
        {
            text.Append(string.Join(delimiter, SoundRow(random))).Append('\n');
        }

        return text.ToString();
    }
}
