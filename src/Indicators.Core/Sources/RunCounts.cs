using Indicators.Core.Formatting;

namespace Indicators.Core.Sources;

/// <summary>
/// What a run did with the outcomes it read, kept apart: new, changed, unchanged, retracted (a source withdrew them) and
/// rejected (rows that could not be stored), plus its warnings. One text for the run's message, its page, the run table
/// and the Källor list, so that one delivery is never told as three different numbers.
/// </summary>
public sealed record RunCounts(int Inserted, int Updated, int Unchanged, int Retracted, int Rejected, int Warnings = 0)
{
    /// <summary>"1 191 nya, 0 ändrade, 0 oförändrade, 19 återkallade, 0 avvisade, 1 varning" (singular only for exactly one).</summary>
    public string Text() =>
        string.Join(", ", new[]
        {
            SwedishFormat.Count(Inserted, "ny", "nya"),
            SwedishFormat.Count(Updated, "ändrad", "ändrade"),
            SwedishFormat.Count(Unchanged, "oförändrad", "oförändrade"),
            SwedishFormat.Count(Retracted, "återkallad", "återkallade"),
            SwedishFormat.Count(Rejected, "avvisad", "avvisade"),
        }.Concat(Warnings > 0 ? [SwedishFormat.Count(Warnings, "varning", "varningar")] : []));
}
