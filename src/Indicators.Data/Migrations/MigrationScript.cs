using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Indicators.Data.Migrations;

/// <summary>One file of sql/, named V0001__what_it_does.sql; applied in the order of its version.</summary>
public sealed partial record MigrationScript(string Name, string Sql)
{
    const string NoTransactionMarker = "-- migrate:no-transaction";

    public int Version => int.Parse(NamePattern().Match(Name).Groups["version"].ValueSpan, provider: null);

    /// <summary>SHA-256 of the text with line endings normalised, so a Windows checkout does not look edited.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Statements such as CREATE INDEX CONCURRENTLY cannot run in a transaction; such files start with the marker.</summary>
    public bool InTransaction => !Sql.TrimStart().StartsWith(NoTransactionMarker, StringComparison.Ordinal);

    public static bool IsMigrationName(string name) => NamePattern().IsMatch(name);

    /// <summary>The migrations embedded from sql/ at build time.</summary>
    public static IReadOnlyList<MigrationScript> Embedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        return Ordered(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("sql/", StringComparison.Ordinal) && IsMigrationName(name["sql/".Length..]))
            .Select(name => new MigrationScript(name["sql/".Length..], ReadResource(assembly, name))));
    }

    public static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts)
    {
        var list = scripts.OrderBy(s => s.Version).ToList();
        var duplicate = list.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? list
            : throw new MigrationException($"Två migreringar har version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^V(?<version>\d{4})__[a-z0-9_]+\.sql$")]
    private static partial Regex NamePattern();
}

/// <summary>The schema cannot be brought up to date; the message names the file and the reason.</summary>
public sealed class MigrationException : DatabaseStartupException
{
    public MigrationException(string message) : base(message) { }

    public MigrationException(string message, Exception inner) : base(message, inner) { }
}
