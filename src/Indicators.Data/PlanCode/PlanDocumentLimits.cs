namespace Indicators.Data.PlanCode;

/// <summary>
/// How large a plan document may be, so that a pasted or uploaded document cannot exhaust the web process's stack or
/// memory. Far above any real plan (the demo plan's export is about 40 kB, 6 levels deep, with no aliases), far below
/// what would strain the server. The page <c>/planer/import</c>, the command <c>plan import</c> and the fault campaign
/// all use these.
/// </summary>
public static class PlanDocumentLimits
{
    /// <summary>The largest document, in bytes of UTF-8 text.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// How many lists and mappings may lie inside each other. Building a document's nodes is recursive (in YamlDotNet and
    /// in our own code), and a stack overflow cannot be caught in .NET, so deeper documents are refused before any node is built.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// How many nodes (values, lists and mappings) a document may have once every alias is counted as the whole node it
    /// repeats: a few kilobytes of nested aliases ("billion laughs") would otherwise grow to gigabytes.
    /// </summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>The largest settings of one source, in characters of the JSON they are stored as.</summary>
    public const int MaxSettingsCharacters = 64 * 1024;
}
