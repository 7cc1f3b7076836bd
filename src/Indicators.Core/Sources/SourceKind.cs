namespace Indicators.Core.Sources;

/// <summary>
/// The kinds of source there are: Kolada's API, an SCB PxWeb table, and files (uploaded or dropped in a watched folder).
/// A closed set: the database holds each as its text (<see cref="SourceKinds.Text"/>, the same words its check constraint
/// allows), and code that does one thing per kind switches over this type, so a new kind is a compile error wherever it
/// needs handling rather than a string nobody matches.
/// </summary>
public enum SourceKind
{
    Kolada,
    PxWeb,
    File,
}

/// <summary>The kinds' database texts ("kolada", "pxweb", "file") and back.</summary>
public static class SourceKinds
{
    /// <summary>Every kind, in the order the source form offers them.</summary>
    public static readonly IReadOnlyList<SourceKind> All = [SourceKind.Kolada, SourceKind.PxWeb, SourceKind.File];

    /// <summary>The kind as the database and the settings store it.</summary>
    public static string Text(this SourceKind kind) => kind switch
    {
        SourceKind.Kolada => "kolada",
        SourceKind.PxWeb => "pxweb",
        SourceKind.File => "file",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a stored text names, or null for a text that names none.</summary>
    public static SourceKind? Parse(string? text) => All.Where(k => k.Text() == text).Select(k => (SourceKind?)k).FirstOrDefault();

    /// <summary>Whether <paramref name="text"/> is the stored text of <paramref name="kind"/>.</summary>
    public static bool Is(this string? text, SourceKind kind) => text == kind.Text();
}
