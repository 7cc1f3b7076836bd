using System.Text;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Makes a text fit to be stored on a run (its message, a problem's reason): PostgreSQL text cannot hold NUL, jsonb
/// refuses \u0000, and a UTF-8 encoder refuses a lone surrogate — any of them in a failure message once made recording
/// the failure itself fail and left the run 'running'. A failure message quotes what a source sent (a URL, a header, an
/// exception's text), so it is bounded too.
/// </summary>
public static class RunMessage
{
    /// <summary>The longest run message stored, in UTF-16 code units, the ellipsis included.</summary>
    public const int MaxLength = 2000;

    /// <summary>The longest problem text (reason or column) stored with a rejected row or warning.</summary>
    public const int MaxProblemLength = 500;

    /// <summary>
    /// Line breaks and tabs become spaces (a message is one line on the run's page); every other control character
    /// and every lone surrogate becomes U+FFFD, so it is visible that something was there; a text longer than
    /// <paramref name="maxLength"/> is cut, never inside a surrogate pair, and ends with "…".
    /// </summary>
    public static string Sanitize(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\r' or '\n' or '\t')
            {
                // "\r\n" is one break, one space.
                if (!(c == '\n' && i > 0 && text[i - 1] == '\r'))
                {
                    clean.Append(' ');
                }
            }
            else
            {
                clean.Append(char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        if (clean.Length <= maxLength)
        {
            return clean.ToString();
        }

        var cut = maxLength - 1;
        if (char.IsLowSurrogate(clean[cut]))
        {
            cut--;
        }

        return clean.ToString(0, cut) + "…";
    }
}
