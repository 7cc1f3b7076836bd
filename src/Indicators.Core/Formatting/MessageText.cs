using System.Text;

namespace Indicators.Core.Formatting;

/// <summary>
/// Text from outside (a file's name or header, a setting as typed) made fit to quote in a message: control characters
/// become '?', and it is cut to a stated length with '…', so a message stays readable and bounded whatever it quotes.
/// </summary>
public static class MessageText
{
    public static string Bounded(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cut = text.Length > maxLength;
        var kept = cut ? text.AsSpan(0, maxLength - 1) : text.AsSpan();
        if (cut && char.IsHighSurrogate(kept[^1]))
        {
            kept = kept[..^1];
        }

        var clean = new StringBuilder(kept.Length + 1);
        foreach (var c in kept)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }

        return cut ? clean.Append('…').ToString() : clean.ToString();
    }
}
