using System.Globalization;
using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>
/// Hostile HTTP requests against the web app's own pages and form endpoints: query parameters and path segments with
/// control characters, invalid escapes, numbers past every limit and markup; form posts with hostile fields, file names
/// and files, and without or with a forged antiforgery token. Paths carry placeholders for real ids
/// (<see cref="HostileRequest"/>); a request never names a real source or run by id, so it cannot start a run.
/// </summary>
public static class HostileRequests
{
    /// <summary>Pages and the query parameters they read (from their [SupplyParameterFromQuery] and endpoints).</summary>
    public static readonly (string Path, string[] Parameters, string Session)[] Pages =
    [
        ("/", ["plan", "period", "namnd", "status"], "admin"),
        ("/mal/{goal}", ["period"], "admin"),
        ("/malomrade/{goalArea}", ["period"], "admin"),
        ("/namnd/{committee}", ["period"], "admin"),
        ("/namnder", [], "admin"),
        ("/kallor", [], "analyst"),
        ("/kallor/{source}", ["startad", "sparad", "meddelande"], "analyst"),
        ("/kallor/{source}/redigera", [], "analyst"),
        ("/kallor/{source}/forhandsgranskning", [], "analyst"),
        ("/kallor/korningar/{run}", [], "analyst"),
        ("/kallor/ny", [], "analyst"),
        ("/admin/granskningslogg", ["anvandare", "objekt", "id", "handling", "text", "fran", "till", "fore"], "admin"),
        ("/admin/granskningslogg/csv", ["anvandare", "objekt", "id", "handling", "text", "fran", "till", "fore"], "admin"),
        ("/admin/anvandare", [], "admin"),
        ("/logga-in", ["fel", "returnUrl"], "anonymous"),
        ("/konto/logga-in-extern", ["returnUrl"], "anonymous"),
        ("/konto/losenord", ["fel", "klart"], "analyst"),
        ("/ingen-behorighet", ["orsak"], "analyst"),
        ("/indikatorer", ["borttagen"], "analyst"),
        ("/indikatorer/ny", [], "analyst"),
        ("/indikatorer/{indicator}/redigera", ["sparad"], "analyst"),
        ("/indikator/{indicator}", ["plan", "period"], "admin"),
        ("/planer", [], "analyst"),
        ("/planer/namnder", ["organisation"], "analyst"),
        ("/planer/{plan}", ["version", "skapad"], "analyst"),
        ("/planer/{plan}/export", [], "analyst"),
        ("/planer/import", [], "analyst"),
        ("/rapporter", [], "admin"),
        ("/rapporter/{period}", [], "admin"),
        ("/rapporter/{period}/namnd/{committee}", [], "admin"),
        ("/rapporter/{period}/export.xlsx", [], "admin"),
        ("/rapporter/{period}/export.pdf", [], "admin"),
        ("/sa-bedoms-maluppfyllelse", [], "admin"),
        ("/hangfire", [], "admin"),
    ];

    /// <summary>Escapes sent as they are: invalid, overlong, or decoding to control characters.</summary>
    static readonly string[] RawEscapes =
    [
        "%00", "%0D%0A", "%0A", "%09", "%7F", "%C0%AF", "%C0%80", "%FF", "%FE%FF", "%ZZ", "%", "%%", "%2", "%E2%80%AE", "%EF%BB%BF",
        "%2e%2e%2f%2e%2e%2f", "%252e", "%u0000", "%F0%9F%98%80", "%ED%A0%80", "+", "&", "=", "#",
    ];

    /// <summary>
    /// Pages in the order requests take them: each once, then again those that read query parameters (the exports, which
    /// read none and cost a PDF or a workbook each, only once per cycle).
    /// </summary>
    static readonly int[] PageCycle =
        [.. Enumerable.Range(0, Pages.Length), .. Enumerable.Range(0, Pages.Length).Where(i => Pages[i].Parameters.Length > 0).SelectMany(i => new[] { i, i })];

    public static HostileInput QueryString(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (path, parameters, session) = Pages[PageCycle[number % PageCycle.Length]];
        string strategy;
        var query = new List<string>();
        var target = path;
        switch (random.Next(6))
        {
            case 0:
                strategy = "query/hostile-path-segment";
                target = HostileSegment(path, random);
                break;
            case 1:
                strategy = "query/raw-escapes";
                foreach (var name in Names(parameters, random))
                {
                    query.Add($"{name}={RawEscapes[random.Next(RawEscapes.Length)]}{Encode(HostileStrings.Fixed[random.Next(HostileStrings.Fixed.Count)])}");
                }

                break;
            case 2:
                strategy = "query/repeated-and-unknown";
                foreach (var name in Names(parameters, random).Concat(["x", "plan[]", "_handler", "__RequestVerificationToken", Encode(HostileStrings.Pick(random))]))
                {
                    for (var i = 0; i < random.Next(1, 4); i++)
                    {
                        query.Add($"{name}={Encode(HostileStrings.Pick(random))}");
                    }
                }

                break;
            case 3:
                strategy = "query/long";
                query.Add($"{Names(parameters, random).FirstOrDefault() ?? "q"}={Encode(new string('9', random.Next(1_000, 15_000)))}");
                break;
            default:
                strategy = "query/hostile-values";
                foreach (var name in Names(parameters, random))
                {
                    query.Add($"{name}={Encode(HostileStrings.Pick(random))}");
                }

                break;
        }

        if (query.Count > 0)
        {
            target += "?" + string.Join('&', query);
        }

        var request = new HostileRequest("GET", target, [], null, "valid", random.Next(8) == 0 && session != "anonymous" ? "analyst" : session);
        return new HostileInput(HostileKind.QueryString, number, strategy, "GET " + Preview(target), Encoding.UTF8.GetBytes(target)) { Request = request };
    }

    public static HostileInput Form(Random random, int number)
    {
        ArgumentNullException.ThrowIfNull(random);
        var token = random.Next(10) switch { 0 => "missing", 1 => "forged", _ => "valid" };
        HostileRequest request;
        string strategy;
        switch (number % 9)
        {
            case 0:
            case 1:
                strategy = "form/sign-in";
                request = new HostileRequest("POST", "/konto/logga-in",
                    [new("anvandarnamn", "x" + HostileStrings.Pick(random)), new("losenord", HostileStrings.Pick(random)), new("returnUrl", ReturnUrl(random))],
                    null, token, "anonymous");
                break;
            case 2:
            case 3:
                strategy = "form/upload";
                var file = random.Next(2) == 0 ? HostileCsv.Generate(random, random.Next(10_000)) : HostileXlsx.Generate(random, random.Next(10_000));
                request = new HostileRequest("POST", "/kallor/{fileSource}/filer",
                    [new("las-in-nu", new[] { "nej", "", "NEJ", HostileStrings.Pick(random) }[random.Next(4)])],
                    (random.Next(3) == 0 ? HostileFileName(random) : file.Name, file.Content), token, "analyst");
                break;
            case 4:
                strategy = "form/run-now-and-retry";
                request = new HostileRequest("POST", random.Next(2) == 0 ? $"/kallor/{NotAnId(random)}/kor-nu" : $"/kallor/korningar/{NotAnId(random)}/forsok-igen", [], null, token, "analyst");
                break;
            case 5:
                strategy = "form/discard-upload";
                request = new HostileRequest("POST", $"/kallor/{{fileSource}}/filer/{NotAnId(random)}/ta-bort", [new("x", HostileStrings.Pick(random))], null, token, "analyst");
                break;
            case 6:
                strategy = "form/change-password";
                request = new HostileRequest("POST", "/konto/byt-losenord",
                    [new("nuvarande", HostileStrings.Pick(random)), new("nytt", HostileStrings.Pick(random)), new("upprepa", HostileStrings.Pick(random))],
                    null, token, "throwaway");
                break;
            case 7:
                strategy = "form/page-post";
                request = new HostileRequest("POST", new[] { "/", "/planer/import", "/kallor/ny", "/indikatorer/ny", "/logga-in", "/konto/losenord" }[random.Next(6)],
                    [new("_handler", HostileStrings.Pick(random)), new(Encode(HostileStrings.Pick(random)), HostileStrings.Pick(random))], null, token, "analyst");
                break;
            default:
                strategy = "form/sign-out";
                request = new HostileRequest("POST", "/konto/logga-ut", [new("x", HostileStrings.Pick(random))], null, random.Next(2) == 0 ? "missing" : "forged", "throwaway");
                break;
        }

        var body = string.Join('&', request.Fields.Select(f => $"{f.Key}={f.Value}"));
        return new HostileInput(HostileKind.FormField, number, strategy, $"POST {request.Target} (token {token})", Encoding.UTF8.GetBytes(body)) { Request = request };
    }

    /// <summary>Percent-encodes the UTF-8 bytes of a string (lone surrogates become U+FFFD), every byte but the unreserved.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return builder.ToString();
    }

    static IEnumerable<string> Names(string[] parameters, Random random) =>
        parameters.Length == 0 ? ["q"] : parameters.Where(_ => random.Next(3) > 0).DefaultIfEmpty(parameters[random.Next(parameters.Length)]);

    static string HostileSegment(string path, Random random)
    {
        var segment = random.Next(3) == 0 ? RawEscapes[random.Next(RawEscapes.Length)] : Encode(HostileStrings.Pick(random));
        if (path.Contains('{', StringComparison.Ordinal))
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            return path[..start] + (segment.Length == 0 ? "%20" : segment) + path[(end + 1)..];
        }

        return path.TrimEnd('/') + "/" + segment;
    }

    static string ReturnUrl(Random random) => new[]
    {
        "/", "//example.invalid", "/\\example.invalid", "/\texample.invalid", "/\u007f", "/\r\nSet-Cookie: x=y", "/%0d%0aX: y", "https://example.invalid",
        "javascript:alert(1)", "/" + new string('a', 9_000), "/kallor?x=\0", "\\\\example.invalid", "/ /", "/\u2028", "/" + HostileStrings.Pick(random),
    }[random.Next(15)];

    static string HostileFileName(Random random) => new[]
    {
        "../../../../etc/passwd", "..\\..\\evil.csv", "/etc/shadow", "fil\0.csv", "fil\r\n.csv", new string('a', 5_000) + ".csv", "", " ", ".", "..",
        "CON", "fil.csv\u202egpj.exe", "<script>.csv", "fil%00.csv", "😀.xlsx", "fil;name=x.csv", "\"quoted\".csv",
    }[random.Next(17)];

    /// <summary>An id no source, run or file has: past the int range, negative, not a number, or a huge number.</summary>
    static string NotAnId(Random random) => new[]
    {
        "0", "-1", "2147483648", "9223372036854775808", "99999999", "1e3", "0x10", "1.0", Encode(HostileStrings.Pick(random)), "%00", "%20", "1%0A",
    }[random.Next(12)];

    static string Preview(string text) => text.Length > 160 ? text[..160] + $"… ({text.Length} chars)" : text;
}
