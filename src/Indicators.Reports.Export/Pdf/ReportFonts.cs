using System.Collections.Frozen;
using System.Text;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// The PDF export's one typeface, DejaVu Sans (regular and bold, Bitstream Vera licence beside the files), shipped inside
/// this assembly so a PDF looks the same on a fresh machine and in Docker. It has every character the reports use:
/// å ä ö, the en dash and minus, and the status and trend shapes ● ◐ ✕ ▲ ▬ ▼. <see cref="Printable"/> replaces any
/// character it lacks, so nothing silently disappears from a PDF.
/// </summary>
public static class ReportFonts
{
    /// <summary>Shown instead of a character the font cannot draw.</summary>
    const char Replacement = '?';

    static readonly Lazy<TrueTypeFont> RegularFont = new(() => new("DejaVuSans", Load("DejaVuSans")));
    static readonly Lazy<TrueTypeFont> BoldFont = new(() => new("DejaVuSans-Bold", Load("DejaVuSans-Bold")));
    static readonly Lazy<FrozenSet<int>> Covered = new(() => RegularFont.Value.CodePoints.Intersect(BoldFont.Value.CodePoints).ToFrozenSet());

    public static TrueTypeFont Regular => RegularFont.Value;

    public static TrueTypeFont Bold => BoldFont.Value;

    /// <summary>
    /// The text with tabs as spaces, other control characters (but line breaks) left out, and any character the font has
    /// no glyph for as "?".
    /// </summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var covered = Covered.Value;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value == '\n')
            {
                builder.Append('\n');
            }
            else if (value == '\t')
            {
                builder.Append(' ');
            }
            else if (Rune.IsControl(rune))
            {
                continue;
            }
            else if (!covered.Contains(value))
            {
                builder.Append(Replacement);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    static byte[] Load(string face)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"Indicators.Reports.Export.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face}.ttf is not embedded in {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
