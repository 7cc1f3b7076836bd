using Indicators.Core.Observations;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// What a Kolada value without a number means. Kolada documents no status list; seen are "" and "Missing" (and "M" in a
/// client), so only statuses that clearly say suppressed or unpublished get those meanings and everything else is Missing.
/// </summary>
static class KoladaStatus
{
    public static ObservationStatus ForNullValue(ReadOnlySpan<char> status)
    {
        var text = status.Trim();
        if (text.IsEmpty)
        {
            return ObservationStatus.Missing;
        }

        if (Contains(text, "suppress") || Contains(text, "sekretess") || Contains(text, "skydd") || Contains(text, "confidential"))
        {
            return ObservationStatus.Suppressed;
        }

        if (Contains(text, "not published") || Contains(text, "notpublished") || Contains(text, "unpublished")
            || Contains(text, "ej publicerad") || Contains(text, "inte publicerad") || Contains(text, "opublicerad"))
        {
            return ObservationStatus.NotPublished;
        }

        return ObservationStatus.Missing;
    }

    static bool Contains(ReadOnlySpan<char> text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
