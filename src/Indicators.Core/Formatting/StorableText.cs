using System.Diagnostics.CodeAnalysis;

namespace Indicators.Core.Formatting;

/// <summary>
/// Text PostgreSQL can store. Its <c>text</c> and <c>jsonb</c> types refuse the NUL character (U+0000), and a UTF-16
/// surrogate without its pair has no UTF-8 form, so neither may reach the database. Text read from a file or an API is
/// checked with <see cref="IndexOfUnstorable"/> before it is used as data (a field that fails is a rejected row), and text
/// quoted in a message goes through <see cref="Printable"/> first.
/// </summary>
public static class StorableText
{
    /// <summary>The index of the first character PostgreSQL cannot store (NUL or an unpaired surrogate), or -1.</summary>
    public static int IndexOfUnstorable(ReadOnlySpan<char> text)
    {
        var nul = text.IndexOf('\0');
        var surrogate = IndexOfUnpairedSurrogate(nul < 0 ? text : text[..nul]);
        return surrogate >= 0 ? surrogate : nul;
    }

    /// <summary>The character at <paramref name="index"/> in Swedish, for a reason: "tecknet NUL (U+0000)".</summary>
    public static string Describe(ReadOnlySpan<char> text, int index) => text[index] == '\0'
        ? "tecknet NUL (U+0000)"
        : $"ett ensamt surrogattecken (U+{(int)text[index]:X4})";

    /// <summary>
    /// The text with each character that cannot be stored or that would break a one-line message replaced by a visible
    /// stand-in: a control character by its symbol from Unicode's Control Pictures (NUL → ␀, line feed → ␊, DEL → ␡), an
    /// unpaired surrogate by U+FFFD. The same instance when nothing needs replacing, which is almost always.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Printable(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var span = text.AsSpan();
        var control = span.IndexOfAnyInRange('\0', '\u001F');
        var delete = span.IndexOf('\u007F');
        var surrogate = IndexOfUnpairedSurrogate(span);
        if (control < 0 && delete < 0 && surrogate < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (buffer, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    buffer[i] = c;
                    buffer[++i] = source[i];
                }
                else
                {
                    buffer[i] = c switch
                    {
                        < '\u0020' => (char)('\u2400' + c),
                        '\u007F' => '\u2421',
                        _ when char.IsSurrogate(c) => '\uFFFD',
                        _ => c,
                    };
                }
            }
        });
    }

    /// <summary>
    /// The text printable and at most <paramref name="maxLength"/> characters long, "…" included when it is cut (never
    /// between the halves of a surrogate pair): for quoting a cell, a file name, a header or a setting in a message.
    /// </summary>
    public static string Excerpt(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length <= maxLength)
        {
            return Printable(text);
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return Printable(string.Concat(text.AsSpan(0, keep), "…"));
    }

    /// <summary>
    /// A message to store and show on one line (a run's message, a rejected row's reason): line breaks and tabs become
    /// spaces ("\r\n" one space), then as <see cref="Excerpt"/>. Any text PostgreSQL cannot store is gone from it, so
    /// recording a failure can never fail on what the failure quoted.
    /// </summary>
    public static string OneLine(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var spaced = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
        return Excerpt(spaced, maxLength);
    }

    static int IndexOfUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        // Only surrogates come in pairs, so the scan starts at the first one (usually there is none).
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        for (var i = first < 0 ? text.Length : first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
