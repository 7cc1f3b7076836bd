using System.Text;
using Indicators.Core.Comparison;
using Indicators.Core.Formatting;
using C = Indicators.Reports.Export.ComparisonExportTexts;

namespace Indicators.Reports.Export;

/// <summary>
/// A comparison as plain UTF-8 text in Swedish for the meeting papers (to paste into a tjänsteskrivelse): a heading with
/// both versions and the date; per målområde and mål whether it is unchanged, changed (both texts and the words that
/// differ, marked <c>[−…]</c> and <c>[+…]</c>) or in one version only; the målvärden that differ per indicator and year
/// ("N79173 Andel … 2026: 90,0 % → 92,0 % (+2,0)"); and today's outcomes counted under each version. Every line is one
/// line: line breaks and control characters in stored texts are flattened.
/// </summary>
public static class ComparisonText
{
    public const string ContentType = "text/plain; charset=utf-8";

    /// <summary>The document as UTF-8 bytes (with a byte order mark, so Windows editors read å, ä, ö right).</summary>
    public static byte[] Create(PlanComparison comparison, DateTimeOffset madeAt) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(comparison, madeAt))];

    /// <summary>The document's text, lines ending in "\n".</summary>
    public static string Write(PlanComparison comparison, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var lines = new List<string>
        {
            "Jämförelse av planversioner",
            "",
            $"{C.Side("A", comparison.Left)} ({C.SideFacts(comparison.Left)})",
            $"{C.Side("B", comparison.Right)} ({C.SideFacts(comparison.Right)})",
            $"Uppföljningsperiod: {comparison.Period.SwedishName}",
            $"Datum: {SwedishFormat.Date(madeAt):yyyy-MM-dd}",
            "",
            C.Legend,
        };
        if (comparison.HasDemoData)
        {
            lines.Add(C.DemoNote);
        }

        lines.Add("");
        lines.Add("MÅLOMRÅDEN OCH MÅL");
        foreach (var area in comparison.GoalAreas)
        {
            lines.Add("");
            lines.Add($"Målområde {C.Code(area.LeftCode, area.RightCode)} {C.Current(area.Name)}".TrimEnd() + AreaNote(area));
            if (area.Difference == Difference.Changed && area.Name.Differs)
            {
                lines.AddRange(Changed("  ", "Namnet", area.Name));
            }

            foreach (var goal in area.Goals)
            {
                lines.AddRange(Goal(goal));
            }
        }

        if (comparison.GoalAreas.Count == 0)
        {
            lines.Add("Ingen av versionerna har några mål.");
        }

        lines.Add("");
        lines.Add("MÅLVÄRDEN SOM SKILJER SIG");
        var differing = Targets(comparison).ToList();
        lines.AddRange(differing.Count == 0 ? ["Målvärdena är desamma i båda versionerna."] : differing);

        lines.Add("");
        lines.Add("DAGENS UTFALL BEDÖMDA MOT VARJE VERSION");
        lines.Add($"Under A ({C.OneLine(comparison.Left.VersionName)}): {C.Counts(comparison.LeftCounts)}");
        lines.Add($"Under B ({C.OneLine(comparison.Right.VersionName)}): {C.Counts(comparison.RightCounts)}");
        return string.Join('\n', lines) + "\n";
    }

    static string AreaNote(ComparedGoalArea area) => area.Difference switch
    {
        Difference.OnlyLeft => " – finns bara i A",
        Difference.OnlyRight => " – finns bara i B",
        Difference.Changed when area.Name.Differs => " – namnet ändrat",
        _ => "",
    };

    static IEnumerable<string> Goal(ComparedGoal goal)
    {
        var code = C.Code(goal.LeftCode, goal.RightCode);
        var paired = goal.Match == MatchKind.ByAnalyst ? " (matchat av analytiker)" : "";
        switch (goal.Difference)
        {
            case Difference.OnlyLeft:
                yield return $"- Mål {code}: finns bara i A: {C.Current(goal.Name)}";
                break;
            case Difference.OnlyRight:
                yield return $"- Mål {code}: finns bara i B: {C.Current(goal.Name)}";
                break;
            case Difference.Changed when goal.Name.Differs || goal.Description.Differs:
                yield return $"- Mål {code}{paired}: Ändrat";
                foreach (var line in goal.Name.Differs ? Changed("    ", "Namnet", goal.Name) : [$"    Namnet (oförändrat): {C.Current(goal.Name)}"])
                {
                    yield return line;
                }

                if (goal.Description.Differs)
                {
                    foreach (var line in Changed("    ", "Beskrivningen", goal.Description))
                    {
                        yield return line;
                    }
                }

                break;
            case Difference.Changed:
                // The texts are the same; what changed is the mål's indicators.
                yield return $"- Mål {code}{paired}: Ändrat (indikatorerna): {C.Current(goal.Name)}";
                yield return $"    Indikatorer i A: {List(goal.LeftIndicatorCodes)}; i B: {List(goal.RightIndicatorCodes)}";
                break;
            default:
                yield return $"- Mål {code}{paired}: oförändrat: {C.Current(goal.Name)}";
                break;
        }
    }

    static string List(IReadOnlyList<string> codes) => codes.Count == 0 ? "inga" : string.Join(", ", codes.Select(C.OneLine));

    static IEnumerable<string> Changed(string indent, string what, ComparedText text) =>
    [
        $"{indent}{what} i A: {C.OneLine(text.Left ?? "(saknas)")}",
        $"{indent}{what} i B: {C.OneLine(text.Right ?? "(saknas)")}",
        $"{indent}Skillnad: {C.Marked(text)}",
    ];

    /// <summary>Each indicator and year whose målvärde differs, or that is in one version only.</summary>
    static IEnumerable<string> Targets(PlanComparison comparison)
    {
        foreach (var indicator in comparison.Indicators)
        {
            var name = $"{C.OneLine(indicator.Code)} {C.OneLine(indicator.Name)}";
            if (indicator.Difference is Difference.OnlyLeft or Difference.OnlyRight)
            {
                var only = indicator.Difference == Difference.OnlyLeft ? "A" : "B";
                var years = indicator.Targets.OrderBy(t => t.Year)
                    .Select(t => (t.Year, Text: only == "A" ? t.LeftText : t.RightText, Example: only == "A" ? t.LeftIsExample : t.RightIsExample))
                    .Where(t => t.Text is not null)
                    .Select(t => $"{SwedishFormat.Year(t.Year)}: {C.Target(t.Text, t.Example)}");
                var list = string.Join(", ", years);
                yield return $"{name}: finns bara i {only}{(list.Length == 0 ? "" : $" ({list})")}";
                continue;
            }

            foreach (var target in indicator.Targets.OrderBy(t => t.Year).Where(Differs))
            {
                var change = target.Difference is { } d ? $" ({C.WithSign(d, indicator.Decimals)})" : "";
                yield return $"{name} {SwedishFormat.Year(target.Year)}: "
                    + $"{C.Target(target.LeftText, target.LeftIsExample)} → {C.Target(target.RightText, target.RightIsExample)}{change}";
            }
        }
    }

    static bool Differs(ComparedTarget target) =>
        target.LeftValue != target.RightValue || !string.Equals(target.LeftText, target.RightText, StringComparison.Ordinal)
        || target.LeftIsExample != target.RightIsExample;
}
