using System.Text.RegularExpressions;

namespace Indicators.Core.Comparison;

/// <summary>
/// A word-by-word comparison of two texts (a mål's wording in two plan versions). The texts are cut into words (letters
/// and digits, Swedish å, ä, ö included, and a number's decimal comma or a hyphenated word kept whole) and single
/// punctuation marks, each with the whitespace after it; the longest common sequence of words is kept, the rest of the
/// left text is removed and the rest of the right text added. Words compare exactly (case counts, "Vård" ≠ "vård") but
/// whitespace does not, so a changed line break or a double space is no change (a kept word is followed by the
/// right text's space, or the left's before removed words; space before the first word is dropped). Pieces of one kind next to each other are
/// joined, and within a change the removed words come before the added ones: "Vård i [rätt →] [god →] tid".
/// </summary>
public static partial class TextDiff
{
    /// <summary>Above this many word pairs the texts are compared as their common beginning and end and one change between.</summary>
    const long MaxCells = 4_000_000;

    public static ComparedText Compare(string? left, string? right)
    {
        var leftTokens = Tokens(left);
        var rightTokens = Tokens(right);

        // The common beginning and end need no table: most changes of a mål are a few words in the middle.
        var prefix = 0;
        while (prefix < leftTokens.Count && prefix < rightTokens.Count && leftTokens[prefix].Word == rightTokens[prefix].Word)
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < leftTokens.Count - prefix && suffix < rightTokens.Count - prefix
            && leftTokens[leftTokens.Count - 1 - suffix].Word == rightTokens[rightTokens.Count - 1 - suffix].Word)
        {
            suffix++;
        }

        var steps = new List<Step>();
        steps.AddRange(Enumerable.Range(0, prefix).Select(i => new Step(leftTokens[i], rightTokens[i], PieceKind.Same)));
        steps.AddRange(Middle(
            [.. leftTokens.Skip(prefix).Take(leftTokens.Count - prefix - suffix)],
            [.. rightTokens.Skip(prefix).Take(rightTokens.Count - prefix - suffix)]));
        steps.AddRange(Enumerable.Range(0, suffix).Select(i => new Step(
            leftTokens[leftTokens.Count - suffix + i], rightTokens[rightTokens.Count - suffix + i], PieceKind.Same)));

        // A kept word takes the space after it from the text read next: the left one's before removed words
        // ("tillgänglighet" + ", " removed), else the right one's.
        var pieces = new List<TextPiece>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var next = i + 1 < steps.Count ? steps[i + 1].Kind : PieceKind.Same;
            var text = step.Kind switch
            {
                PieceKind.Removed => step.Left!.Value.Word + step.Left.Value.Space,
                PieceKind.Added => step.Right!.Value.Word + step.Right.Value.Space,
                _ => step.Right!.Value.Word + (next == PieceKind.Removed ? step.Left!.Value.Space : step.Right.Value.Space),
            };
            Add(pieces, text, step.Kind);
        }

        return new ComparedText(left, right, pieces);
    }

    readonly record struct Step(Token? Left, Token? Right, PieceKind Kind);

    static List<Step> Middle(List<Token> left, List<Token> right)
    {
        if ((long)left.Count * right.Count > MaxCells)
        {
            return [.. left.Select(t => new Step(t, null, PieceKind.Removed)), .. right.Select(t => new Step(null, t, PieceKind.Added))];
        }

        // lengths[i, j]: the longest common sequence of left[i..] and right[j..].
        var lengths = new int[left.Count + 1, right.Count + 1];
        for (var i = left.Count - 1; i >= 0; i--)
        {
            for (var j = right.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = left[i].Word == right[j].Word ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var steps = new List<Step>();
        var removed = new List<Step>();
        var added = new List<Step>();
        int l = 0, r = 0;
        while (l < left.Count || r < right.Count)
        {
            if (l < left.Count && r < right.Count && left[l].Word == right[r].Word)
            {
                Flush();
                steps.Add(new Step(left[l++], right[r++], PieceKind.Same));
            }
            else if (r == right.Count || (l < left.Count && lengths[l + 1, r] >= lengths[l, r + 1]))
            {
                removed.Add(new Step(left[l++], null, PieceKind.Removed));
            }
            else
            {
                added.Add(new Step(null, right[r++], PieceKind.Added));
            }
        }

        Flush();
        return steps;

        void Flush()
        {
            steps.AddRange(removed);
            steps.AddRange(added);
            removed.Clear();
            added.Clear();
        }
    }

    static void Add(List<TextPiece> pieces, string text, PieceKind kind)
    {
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new TextPiece(text, kind));
        }
    }

    /// <summary>A word or punctuation mark and the whitespace after it.</summary>
    readonly record struct Token(string Word, string Space);

    static List<Token> Tokens(string? text) => string.IsNullOrEmpty(text)
        ? []
        : [.. WordPattern().Matches(text).Select(m => new Token(m.Groups["word"].Value, m.Groups["space"].Value))];

    // A word: letters and digits, joined by a hyphen, a decimal comma or point, an apostrophe or a non-breaking space
    // between digits ("2025–2027" is three tokens, "10,5" and "e-hälsa" one); else a single other mark.
    [GeneratedRegex(@"(?<word>[\p{L}\p{N}]+(?:(?:[-'’]|(?<=\p{N})[,.\u00A0](?=\p{N}))[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])(?<space>\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
