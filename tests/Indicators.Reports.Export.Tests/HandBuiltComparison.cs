using Indicators.Core.Attainment;
using Indicators.Core.Comparison;
using Indicators.Core.FollowUp;

namespace Indicators.Reports.Export.Tests;

/// <summary>
/// A comparison built by hand, as the comparison query would give it: the adopted Regionplan (A) against Sjukvårdspartiets
/// förslag (B). Mål 1.1's name changed by one word, 1.2 is only in A, 1.3 only in B (its name looks like a formula), 2.1
/// is the same; N79173's målvärde for 2026 is 90,0 % in A and 92,0 % in B and B's 2027 is an example; the resultat
/// indicator is only in A.
/// </summary>
static class HandBuiltComparison
{
    public const string FormulaName = "=cmd|' /C calc'!A0";

    public static readonly DateTimeOffset MadeAt = new(2026, 9, 14, 8, 30, 0, TimeSpan.Zero);

    public static ComparedSide Left { get; } = new(1, "Regionplan 2025–2027", "0022", "Region Västernorrland", 1, "Fastställd plan", "adopted", 2025, 2027, IsDemo: true);

    public static ComparedSide Right { get; } = Left with { VersionId = 2, VersionName = "Sjukvårdspartiets förslag", VersionKind = "proposal" };

    static ComparedText Same(string text) => new(text, text, [new TextPiece(text, PieceKind.Same)]);

    public static ComparedText ChangedName { get; } = new(
        "Vi agerar som en sammanhållande kraft", "Vi agerar som en samlande kraft",
        [new("Vi agerar som en ", PieceKind.Same), new("sammanhållande ", PieceKind.Removed), new("samlande ", PieceKind.Added), new("kraft", PieceKind.Same)]);

    public static PlanComparison Comparison(string? goalName = null, string? description = null)
    {
        var changed = goalName is null ? ChangedName
            : new ComparedText(goalName, goalName + " och mer", [new(goalName + " ", PieceKind.Same), new("och mer", PieceKind.Added)]);
        var areas = new List<ComparedGoalArea>
        {
            new("1", "1", MatchKind.ByCode, Difference.Changed, Same("Ett attraktivt Västernorrland"), [
                new ComparedGoal("1.1", "1.1", 11, 21, MatchKind.ByCode, Difference.Changed, changed,
                    description is null ? Same("Regionen samlar aktörerna.") : new ComparedText(description, description + " Ny mening.", [new(description + " ", PieceKind.Same), new("Ny mening.", PieceKind.Added)]),
                    ["N79173"], ["N79173"]),
                new ComparedGoal("1.2", null, 12, null, MatchKind.None, Difference.OnlyLeft,
                    new ComparedText("Hållbar samhällsplanering", null, [new("Hållbar samhällsplanering", PieceKind.Removed)]), new ComparedText(null, null, []), ["E1"], []),
                new ComparedGoal(null, "1.3", null, 23, MatchKind.None, Difference.OnlyRight,
                    new ComparedText(null, FormulaName, [new(FormulaName, PieceKind.Added)]), new ComparedText(null, null, []), [], []),
            ]),
            new("2", "2", MatchKind.ByCode, Difference.Same, Same("En hälsofrämjande hälso- och sjukvård"), [
                new ComparedGoal("2.1", "2.1", 13, 24, MatchKind.ByCode, Difference.Same, Same("Vården är tillgänglig och jämlik"), Same(""), ["N79173"], ["N79173"]),
            ]),
        };
        var indicators = new List<ComparedIndicator>
        {
            new("N79173", "Andel patienter som fått besök inom 90 dagar", "%", 1, Difference.Changed, [
                new(2025, 88m, 88m, "88,0\u00A0%", "88,0\u00A0%", 0m, false, false),
                new(2026, 90m, 92m, "90,0\u00A0%", "92,0\u00A0%", 2m, false, false),
                new(2027, 92m, 95.04m, "92,0\u00A0%", "95,0\u00A0%", 3.04m, false, true),
            ],
                new JudgedSide(AttainmentStatus.PartlyAchieved, "84,3 % mot målvärdet 90,0 %: inom 10 % av målvärdet.", "90,0\u00A0%", "84,3\u00A0%", "jan–aug 2026"),
                new JudgedSide(AttainmentStatus.NotAchieved, "84,3 % mot målvärdet 92,0 %: mer än 5 % under målvärdet.", "92,0\u00A0%", "84,3\u00A0%", "jan–aug 2026"), IsDemo: true),
            new("E1", "Resultat", "mnkr", 0, Difference.OnlyLeft, [
                new(2025, -335m, null, "−335\u00A0mnkr", null, null, true, false),
            ],
                new JudgedSide(AttainmentStatus.NotAchieved, "−412 mnkr mot målvärdet −335 mnkr.", "−335\u00A0mnkr", "−412\u00A0mnkr", "2025"), null, IsDemo: true),
        };
        return new PlanComparison(Left, Right, FollowUpPeriod.Interim(2026), areas, indicators,
            JudgedCounts.Of([AttainmentStatus.PartlyAchieved, AttainmentStatus.NotAchieved]), JudgedCounts.Of([AttainmentStatus.NotAchieved]));
    }
}
