using Indicators.Core.Formatting;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Makes a text fit to be stored on a run (its message, a problem's reason): PostgreSQL text cannot hold NUL, jsonb
/// refuses \u0000, and a UTF-8 encoder refuses a lone surrogate — any of them in a failure message once made recording
/// the failure itself fail and left the run 'running'. A failure message quotes what a source sent (a URL, a header, an
/// exception's text), so it is bounded too, and every URL in it is summarised (<see cref="Sources.SourceUrl"/>): a whole
/// Kolada URL made a run page 2 446 px wide. The rule itself is <see cref="StorableText.OneLine"/>.
/// </summary>
public static class RunMessage
{
    /// <summary>The longest run message stored, in UTF-16 code units, the ellipsis included.</summary>
    public const int MaxLength = 2000;

    /// <summary>The longest problem text (reason or column) stored with a rejected row or warning.</summary>
    public const int MaxProblemLength = 500;

    public static string Sanitize(string text, int maxLength = MaxLength) =>
        StorableText.OneLine(Sources.SourceUrl.SummariseIn(text ?? ""), maxLength);
}
