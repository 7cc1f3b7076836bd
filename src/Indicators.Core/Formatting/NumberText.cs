using System.Globalization;

namespace Indicators.Core.Formatting;

/// <summary>Which character a number's decimals follow.</summary>
public enum DecimalMark
{
    Point,
    Comma,
    /// <summary>Text cells in a workbook: whichever of ',' or '.' the cell uses (one of them, once).</summary>
    Either,
}

/// <summary>
/// Numbers as people type them and files hold them, the same rule for a form field and a CSV cell. Allocation-free on
/// the common path, since a file may hold a million rows.
/// </summary>
public static class NumberText
{
    /// <summary>
    /// A number as Swedish and international files write it: "1234,5", "1 234,5" (space, no-break or narrow no-break
    /// space between thousands), "-3", "−3" (the typographic minus), "79.5" in a decimal-point file.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, DecimalMark mark, out decimal value)
    {
        value = 0;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || trimmed.Length > 64)
        {
            return false;
        }

        Span<char> normalized = stackalloc char[trimmed.Length];
        var length = 0;
        var digits = 0;
        var separatorSeen = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is >= '0' and <= '9')
            {
                normalized[length++] = c;
                digits++;
            }
            else if ((c is '-' or '−' or '+') && i == 0)
            {
                normalized[length++] = c == '+' ? '+' : '-';
            }
            else if (c is ' ' or '\u00A0' or '\u202F')
            {
                // A thousands separator only between digits: "1 234" but not "1 ,5" or "- 3".
                if (i == 0 || !char.IsAsciiDigit(trimmed[i - 1]) || i + 1 >= trimmed.Length || !char.IsAsciiDigit(trimmed[i + 1]) || separatorSeen)
                {
                    return false;
                }
            }
            else if ((c == ',' && mark != DecimalMark.Point) || (c == '.' && mark != DecimalMark.Comma))
            {
                if (separatorSeen)
                {
                    return false;
                }

                separatorSeen = true;
                normalized[length++] = '.';
            }
            else
            {
                return false;
            }
        }

        return digits > 0
            && decimal.TryParse(normalized[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A number typed into a form: decimal comma or point, spaces between thousands.</summary>
    public static bool TryParse(string? text, out decimal value) => TryParse(text.AsSpan(), DecimalMark.Either, out value);
}
