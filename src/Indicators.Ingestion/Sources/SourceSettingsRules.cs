using Indicators.Core.Editing;

namespace Indicators.Ingestion.Sources;

/// <summary>What the settings records' rules say, as the one message a saved source's settings get.</summary>
static class SourceSettingsRules
{
    /// <summary>Every rule's message, in order, or null when none was broken.</summary>
    public static string? Message(IReadOnlyList<FieldError> errors) =>
        errors.Count == 0 ? null : string.Join(" ", errors.Select(e => e.Message));
}
