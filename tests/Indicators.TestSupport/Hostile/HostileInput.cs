using System.Text;

namespace Indicators.TestSupport.Hostile;

/// <summary>The classes of hostile input the fault campaign feeds the product.</summary>
public enum HostileKind
{
    Csv,
    Xlsx,
    PlanYaml,
    SourceSettings,
    QueryString,
    FormField,
}

/// <summary>
/// One generated hostile input. It is a function of (seed, kind, number) alone, so any single input can be made again
/// from the three numbers a report prints (<see cref="HostileInputs.Generate"/>).
/// </summary>
/// <param name="Kind">The input class.</param>
/// <param name="Number">Its number within the class.</param>
/// <param name="Strategy">How it was made, for the report ("csv/nul-bytes", "yaml/billion-laughs", …).</param>
/// <param name="Name">A file name (files), the settings' source kind (settings), or the request (requests).</param>
/// <param name="Content">The bytes: a file, a document, or a request body.</param>
public sealed record HostileInput(HostileKind Kind, int Number, string Strategy, string Name, byte[] Content)
{
    /// <summary>For requests: what is sent (see <see cref="HostileRequest"/>).</summary>
    public HostileRequest? Request { get; init; }

    public string Text => Encoding.UTF8.GetString(Content);

    /// <summary>"csv#123": with the seed, enough to make it again.</summary>
    public string Id => $"{Kind.ToString().ToLowerInvariant()}#{Number}";

    public override string ToString() => $"{Id} ({Strategy}, {Content.Length:N0} bytes)";
}

/// <summary>
/// An HTTP request with hostile parts. Paths may hold placeholders the caller fills with real ids of its database:
/// {plan}, {version}, {indicator}, {source}, {fileSource}, {run}, {goal}, {goalArea}, {committee}, {period}.
/// </summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Target">Path and query, already percent-encoded as it is to be sent (hostile escapes included).</param>
/// <param name="Fields">Form fields (POST), in order; the same name may repeat.</param>
/// <param name="File">A multipart file part (field "fil"), or null for a urlencoded form.</param>
/// <param name="Token">How the antiforgery token is sent: "valid", "missing" or "forged".</param>
/// <param name="Session">Whose session: "analyst", "admin", "anonymous", or "throwaway" (one the request may end).</param>
public sealed record HostileRequest(
    string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Fields, (string FileName, byte[] Content)? File, string Token, string Session);

/// <summary>Makes hostile inputs by (seed, kind, number).</summary>
public static class HostileInputs
{
    /// <summary>The same input for the same three numbers, on every machine and .NET version (no string hashing).</summary>
    public static HostileInput Generate(int seed, HostileKind kind, int number)
    {
        var random = RandomFor(seed, kind, number);
        return kind switch
        {
            HostileKind.Csv => HostileCsv.Generate(random, number),
            HostileKind.Xlsx => HostileXlsx.Generate(random, number),
            HostileKind.PlanYaml => HostilePlanYaml.Generate(random, number),
            HostileKind.SourceSettings => HostileSettings.Generate(random, number),
            HostileKind.QueryString => HostileRequests.QueryString(random, number),
            HostileKind.FormField => HostileRequests.Form(random, number),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>Inputs first..first+count-1 of a class.</summary>
    public static IEnumerable<HostileInput> Range(int seed, HostileKind kind, int first, int count) =>
        Enumerable.Range(first, count).Select(n => Generate(seed, kind, n));

    /// <summary>System.Random with an explicit seed is the same sequence everywhere; the mix only spreads the three numbers.</summary>
    public static Random RandomFor(int seed, HostileKind kind, int number)
    {
        unchecked
        {
            var mixed = (uint)seed * 2654435761u ^ ((uint)kind + 1) * 40503u ^ (uint)number * 2246822519u;
            mixed ^= mixed >> 15;
            mixed *= 2246822519u;
            mixed ^= mixed >> 13;
            return new Random((int)(mixed & 0x7FFFFFFF));
        }
    }

    /// <summary>
    /// The cycle of strategies inputs are made by (input n uses cycle[n % length]): each strategy once, in order, so the
    /// first inputs of a class cover them all; then the cheap ones again by their weight, so an expensive strategy (a zip
    /// bomb, a gigantic document) stays a small share of a long campaign.
    /// </summary>
    public static string[] Cycle(params (string Strategy, int Weight)[] strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        return [.. strategies.Select(s => s.Strategy), .. strategies.SelectMany(s => Enumerable.Repeat(s.Strategy, Math.Max(0, s.Weight - 1)))];
    }

    /// <summary>"hostile input csv#123 (csv/nul-bytes), seed 15".</summary>
    public static string Describe(HostileInput input, int seed) => $"{input} with seed {seed}";
}
