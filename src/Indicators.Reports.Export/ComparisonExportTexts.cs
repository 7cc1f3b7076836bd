using System.Globalization;
using System.Text;
using Indicators.Core.Attainment;
using Indicators.Core.Comparison;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;

namespace Indicators.Reports.Export;

/// <summary>
/// The Swedish wording the comparison's exports share (Excel, PDF and the text diff): the two sides are called A (the
/// left, "från") and B (the right, "till"), and a word-by-word difference is written with markers that need no colour:
/// <c>[−ord]</c> for words only in A, <c>[+ord]</c> for words only in B.
/// </summary>
public static class ComparisonExportTexts
{
    /// <summary>Opens words only in A (removed, seen from A); a true minus sign (U+2212).</summary>
    public const string RemovedOpen = "[−";

    /// <summary>Opens words only in B (added, seen from A).</summary>
    public const string AddedOpen = "[+";

    public const string Close = "]";

    /// <summary>How to read the markers, for every export.</summary>
    public const string Legend =
        "Så läses skillnaderna: [−ord] står bara i A (borttaget i B), [+ord] står bara i B (tillagt). Skillnaden syns i tecknen, inte bara i färg.";

    /// <summary>Said where either side holds demo or example data.</summary>
    public const string DemoNote =
        "Jämförelsen innehåller demodata: utfall och målvärden markerade som exempel är påhittade och visar bara hur jämförelsen ser ut.";

    /// <summary>"A: Regionplan 2025–2027 – Fastställd plan".</summary>
    public static string Side(string letter, ComparedSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return $"{letter}: {OneLine(side.Title)}";
    }

    /// <summary>"beslutad, Region Västernorrland, 2025–2027".</summary>
    public static string SideFacts(ComparedSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return $"{Kind(side.VersionKind).ToLower(SwedishFormat.Culture)}, {OneLine(side.OrganisationName)}, {Years(side)}{(side.IsDemo ? ", demodata" : "")}";
    }

    public static string Years(ComparedSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return side.StartYear == side.EndYear ? SwedishFormat.Year(side.StartYear) : $"{SwedishFormat.Year(side.StartYear)}–{SwedishFormat.Year(side.EndYear)}";
    }

    /// <summary>The stored kind in Swedish: "Beslutad", "Utkast", "Alternativt förslag".</summary>
    public static string Kind(string kind) => PlanVersionDraft.KindName(kind);

    /// <summary>How two rows were paired, in words.</summary>
    public static string Match(MatchKind match) => match switch
    {
        MatchKind.ByCode => "Samma kod",
        MatchKind.ByAnalyst => "Matchat av analytiker",
        MatchKind.None => "Ingen motsvarighet",
        _ => match.ToString(),
    };

    /// <summary>How a row differs, in words: "Oförändrat", "Ändrat", "Bara i A", "Bara i B".</summary>
    public static string Difference(Difference difference) => difference switch
    {
        Core.Comparison.Difference.Same => "Oförändrat",
        Core.Comparison.Difference.Changed => "Ändrat",
        Core.Comparison.Difference.OnlyLeft => "Bara i A",
        Core.Comparison.Difference.OnlyRight => "Bara i B",
        _ => difference.ToString(),
    };

    /// <summary>A status in words with its shape ("◐ Delvis uppnått"), or that the indicator is not in the version.</summary>
    public static string Status(JudgedSide? judged, string letter) => judged is null ? $"Ingår inte i {letter}" : judged.Status.Label();

    /// <summary>
    /// The outcome an indicator is judged on, on one line: the one both sides share when they are one organisation's
    /// ("84,3 %"); between two organisations each side's own ("A: 84,3 % · B: 88,0 %"). Null when there is none.
    /// </summary>
    public static string? Outcome(PlanComparison comparison, ComparedIndicator indicator) =>
        PerSide(comparison, indicator, indicator.LatestOutcomeText, s => s.OutcomeText);

    /// <summary>The period of <see cref="Outcome"/>: "jan–aug 2026", or "A: 2025 · B: 2025" between two organisations.</summary>
    public static string? OutcomePeriod(PlanComparison comparison, ComparedIndicator indicator) =>
        PerSide(comparison, indicator, indicator.LatestPeriodText, s => s.OutcomePeriodText);

    static string? PerSide(PlanComparison comparison, ComparedIndicator indicator, string? shared, Func<JudgedSide, string?> of)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(indicator);
        if (comparison.SharesOutcomes)
        {
            return shared is null ? null : OneLine(shared);
        }

        var sides = new[] { ("A", indicator.Left), ("B", indicator.Right) }
            .Where(s => s.Item2 is not null && of(s.Item2) is not null)
            .Select(s => $"{s.Item1}: {OneLine(of(s.Item2!))}")
            .ToList();
        return sides.Count == 0 ? null : string.Join(" · ", sides);
    }

    /// <summary>"5 av 12 uppnådda" followed by the other statuses: "(2 delvis uppnådda, 3 ej uppnådda, 2 kan ej bedömas)".</summary>
    public static string Counts(JudgedCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return $"{counts.Summary} ({counts.PartlyAchieved} delvis uppnådda, {counts.NotAchieved} ej uppnådda, {counts.NotAssessable} kan ej bedömas)";
    }

    /// <summary>The statuses with their counts on each side, and the total, in the order of <see cref="AttainmentStatus"/>.</summary>
    public static IReadOnlyList<(string Label, int Left, int Right)> CountRows(PlanComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        static int Of(JudgedCounts c, AttainmentStatus s) => s switch
        {
            AttainmentStatus.Achieved => c.Achieved,
            AttainmentStatus.PartlyAchieved => c.PartlyAchieved,
            AttainmentStatus.NotAchieved => c.NotAchieved,
            _ => c.NotAssessable,
        };
        return [
            .. Enum.GetValues<AttainmentStatus>().Select(s => (s.Label(), Of(comparison.LeftCounts, s), Of(comparison.RightCounts, s))),
            ("Totalt", comparison.LeftCounts.Total, comparison.RightCounts.Total),
        ];
    }

    /// <summary>A code on either side: "1.1", or "1.1 / 1.2" where an analyst paired different codes.</summary>
    public static string Code(string? left, string? right) =>
        left is null ? right ?? "" : right is null || left == right ? left : $"{left} / {right}";

    /// <summary>The text as it reads in B, or in A when the row is only there; on one line.</summary>
    public static string Current(ComparedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OneLine(text.Right ?? text.Left ?? "");
    }

    /// <summary>
    /// The word-by-word difference on one line: words in both as they are, a run of words only in A as
    /// <c>[−…]</c>, a run only in B as <c>[+…]</c> ("Vi agerar som en [−sammanhållande] [+samlande] kraft"). A text on
    /// one side only is given as it is.
    /// </summary>
    public static string Marked(ComparedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Left is null || text.Right is null || text.Pieces.Count == 0)
        {
            return Current(text);
        }

        var result = new StringBuilder();
        var i = 0;
        while (i < text.Pieces.Count)
        {
            var kind = text.Pieces[i].Kind;
            var run = new StringBuilder();
            while (i < text.Pieces.Count && text.Pieces[i].Kind == kind)
            {
                run.Append(text.Pieces[i].Text);
                i++;
            }

            var words = OneLine(run.ToString());
            var trailing = run.Length > 0 && char.IsWhiteSpace(run[^1]) ? " " : "";
            if (words.Length == 0)
            {
                result.Append(trailing);
                continue;
            }

            result.Append(kind switch
            {
                PieceKind.Removed => RemovedOpen + words + Close,
                PieceKind.Added => AddedOpen + words + Close,
                _ => words,
            }).Append(trailing);
        }

        return OneLine(result.ToString());
    }

    /// <summary>A signed difference as a Swedish text writes it: "+2,0", "−1,5", "±0,0".</summary>
    public static string WithSign(decimal value, int decimals)
    {
        var rounded = Math.Round(value, Math.Clamp(decimals, 0, 28), MidpointRounding.AwayFromZero);
        var sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
        return sign + SwedishFormat.Number(Math.Abs(rounded), Math.Clamp(decimals, 0, 28));
    }

    /// <summary>A målvärde as the plan gives it, with "(exempel)" when it is one; "–" when there is none.</summary>
    public static string Target(string? text, bool isExample) =>
        string.IsNullOrWhiteSpace(text) ? "–" : OneLine(text) + (isExample ? " (exempel)" : "");

    /// <summary>The indicator's codes of mål that follow it up on one side: "1.1, 2.3".</summary>
    public static string GoalsOf(PlanComparison comparison, string indicatorCode, bool left)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return string.Join(", ", comparison.GoalAreas.SelectMany(a => a.Goals)
            .Where(g => (left ? g.LeftIndicatorCodes : g.RightIndicatorCodes).Contains(indicatorCode, StringComparer.Ordinal))
            .Select(g => left ? g.LeftCode : g.RightCode)
            .OfType<string>());
    }

    /// <summary>"jamforelse-12-14.xlsx": the two version ids, safe in any file system and header.</summary>
    public static string FileName(int leftVersionId, int rightVersionId, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"jamforelse-{leftVersionId}-{rightVersionId}.{extension}");

    /// <summary>The text on one line: line breaks and tabs become spaces, other control characters go, runs of spaces become one.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ch = c is '\n' or '\r' or '\t' ? ' ' : c;
            if (char.IsControl(ch) || (ch == ' ' && (builder.Length == 0 || builder[^1] == ' ')))
            {
                continue;
            }

            builder.Append(ch);
        }

        return builder.ToString().TrimEnd();
    }
}
