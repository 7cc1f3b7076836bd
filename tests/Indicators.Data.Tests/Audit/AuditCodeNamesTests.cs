using System.Text.RegularExpressions;
using Indicators.Core.Audit;
using Indicators.TestSupport;

namespace Indicators.Data.Tests.Audit;

/// <summary>
/// Every action and object code the source records has a Swedish name in <see cref="AuditNames"/>, so that the audit
/// log never shows an English code. The codes are found where the source writes them: the string literals of a
/// statement that records (<c>edit.RecordAsync</c>, or a writer's helper that passes its action on: <c>AuditAsync</c>,
/// <c>MoveAsync</c>, <c>Changed</c>, <c>ChangedAsync</c>), an <c>AuditedTable</c>'s entity, and <c>const string Entity</c>
/// or <c>Action</c>. A new code fails this test until it is named.
/// </summary>
public partial class AuditCodeNamesTests
{
    [Fact]
    public void Every_recorded_action_and_object_has_a_Swedish_name()
    {
        var codes = RecordedCodes();
        // The scan itself finds the codes it must, so that it cannot quietly find nothing.
        Assert.Contains(("submit", "src/Indicators.Data/Reports/CommitteeReportWriter.cs"), codes.Select(c => (c.Code, c.File)));
        Assert.Contains("committee_report", codes.Select(c => c.Code));
        Assert.Contains("target", codes.Select(c => c.Code));
        Assert.Contains("sign-in-failed", codes.Select(c => c.Code));
        Assert.Contains("run", codes.Select(c => c.Code));

        var unnamed = codes.Where(c => !AuditNames.HasAction(c.Code) && !AuditNames.HasEntity(c.Code))
            .Select(c => $"\"{c.Code}\" ({c.File})").Distinct().ToList();
        Assert.True(unnamed.Count == 0, "Audit codes without a Swedish name in AuditNames: " + string.Join(", ", unnamed));
    }

    static List<(string Code, string File)> RecordedCodes()
    {
        var codes = new List<(string, string)>();
        var root = Repository.PathOf("src");
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var file = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
            var text = RawString().Replace(File.ReadAllText(path), "\"\"");
            foreach (var statement in text.Split(';', '{', '}'))
            {
                if (AuditCall().IsMatch(statement) || statement.Contains("AuditedTable<", StringComparison.Ordinal))
                {
                    // In an AuditedTable declaration only its first argument (the entity) is a code.
                    var literals = statement.Contains("AuditedTable<", StringComparison.Ordinal)
                        ? TableEntity().Matches(statement).Select(m => m.Groups[1].Value)
                        : CodeLiteral().Matches(statement).Select(m => m.Groups[1].Value);
                    codes.AddRange(literals.Select(code => (code, file)));
                }
            }

            codes.AddRange(CodeConstant().Matches(text).Select(m => (m.Groups[1].Value, file)));
        }

        return codes;
    }

    [GeneratedRegex(@"\bedit\.(As\(.*\)\.)?RecordAsync\(|\b(AuditAsync|MoveAsync|Changed|ChangedAsync)\(")]
    private static partial Regex AuditCall();

    /// <summary>A code: lower-case words joined by '-' or '_' ("sign-in-failed", "committee_report").</summary>
    [GeneratedRegex(@"(?<![\$@])""([a-z]+(?:[-_][a-z]+)*)""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"AuditedTable<[^>]+>\s+\w+\s*=\s*new\(\s*""([a-z_]+)""")]
    private static partial Regex TableEntity();

    [GeneratedRegex(@"const string (?:Entity|Action) = ""([a-z_-]+)""")]
    private static partial Regex CodeConstant();

    /// <summary>Raw string literals (SQL), whose contents are no codes.</summary>
    [GeneratedRegex(@"""""""[\s\S]*?""""""")]
    private static partial Regex RawString();
}
