namespace Indicators.Reports.Export.Pdf;

/// <summary>A face (regular or bold DejaVu Sans) at a size in points, and text measured, wrapped and cut to a width in it.</summary>
public readonly record struct PdfFont(bool Bold, double Size)
{
    public TrueTypeFont Face => Bold ? ReportFonts.Bold : ReportFonts.Regular;

    public double Width(string text) => Face.Width(text, Size);

    /// <summary>
    /// The text broken into lines no wider than <paramref name="width"/>: at spaces; a word wider than that at a no-break
    /// space (between a number and its unit), and inside the word only when nothing else fits. Each line break in the text starts a new line; an empty text is one empty line.
    /// </summary>
    public List<string> Wrap(string text, double width)
    {
        var lines = new List<string>();
        var printable = ReportFonts.Printable((text ?? "").ReplaceLineEndings("\n"));
        foreach (var paragraph in printable.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Width(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Width(line) > width && line.Length > 1)
                {
                    // A number and its unit ("1 341 antal") break before the unit, at the last no-break space that fits.
                    var space = line.LastIndexOf('\u00A0');
                    while (space > 0 && Width(line[..space]) > width)
                    {
                        space = line.LastIndexOf('\u00A0', space - 1);
                    }

                    if (space > 0)
                    {
                        lines.Add(line[..space]);
                        line = line[(space + 1)..];
                        continue;
                    }

                    var fits = 1;
                    while (fits < line.Length && Width(line[..(fits + 1)]) <= width)
                    {
                        fits++;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The text, cut with "…" if it is wider than <paramref name="width"/>.</summary>
    public string Fit(string text, double width)
    {
        if (Width(text) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && Width(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }
}
