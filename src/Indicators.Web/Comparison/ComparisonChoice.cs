using System.Globalization;
using Indicators.Core.Comparison;
using Indicators.Core.FollowUp;
using Indicators.Core.Formatting;
using Indicators.Data.Comparison;

namespace Indicators.Web.Comparison;

/// <summary>
/// What the comparison page was asked for (<c>fran</c>, <c>till</c>, <c>period</c>, or <c>plan</c> from the overview) read
/// from its address: the version ids to compare, the period, and a Swedish notice for each value that could not be used.
/// A bad value never fails the page: it shows the notice and the choice form.
/// </summary>
public sealed record ComparisonChoice(int? LeftVersionId, int? RightVersionId, FollowUpPeriod? Period, IReadOnlyList<string> Notices)
{
    public bool IsComplete => LeftVersionId is not null && RightVersionId is not null;

    public static ComparisonChoice Parse(string? from, string? to, string? period, string? plan, IReadOnlyList<VersionChoice> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var notices = new List<string>();
        var left = Id(from, "Versionen att jämföra från", notices);
        var right = Id(to, "Versionen att jämföra med", notices);
        FollowUpPeriod? chosen = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (FollowUpPeriod.TryParse(period.Trim(), out var parsed))
            {
                chosen = parsed;
            }
            else
            {
                notices.Add($"Perioden ”{period.Trim()}” finns inte; den första versionens standardperiod visas.");
            }
        }

        // From the overview or the plan page: the plan's current version against its newest other one.
        if (left is null && right is null && string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to) && !string.IsNullOrWhiteSpace(plan))
        {
            var ofPlan = int.TryParse(plan, NumberStyles.None, CultureInfo.InvariantCulture, out var planId)
                ? versions.Where(v => v.Version.PlanId == planId).ToList()
                : [];
            if (ofPlan.Count == 0)
            {
                notices.Add($"Planen ”{plan.Trim()}” finns inte, eller hör till en organisation du inte har tillgång till. Välj två versioner nedan.");
            }
            else
            {
                var current = ofPlan.FirstOrDefault(v => v.IsCurrent) ?? ofPlan[0];
                var other = ofPlan.LastOrDefault(v => v.Version.VersionId != current.Version.VersionId);
                left = current.Version.VersionId;
                right = other?.Version.VersionId ?? current.Version.VersionId;
            }
        }

        return new ComparisonChoice(left, right, chosen, notices);
    }

    static int? Id(string? value, string what, List<string> notices)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        notices.Add($"{what} (”{value.Trim()}”) är inget versionsnummer. Välj två versioner nedan.");
        return null;
    }

    /// <summary>"Fastställd plan" when both sides are of one plan, else the plan's name too.</summary>
    public static string SideName(PlanComparison comparison, ComparedSide side)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(side);
        return comparison.Left.PlanId == comparison.Right.PlanId ? side.VersionName
            : comparison.Left.OrganisationId == comparison.Right.OrganisationId ? side.Title
            : $"{side.Title} ({side.OrganisationName})";
    }

    /// <summary>The words of a difference: never colour alone.</summary>
    public static string DifferenceText(PlanComparison comparison, Difference difference)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return difference switch
        {
            Difference.Same => "Samma",
            Difference.Changed => "Ändrad",
            Difference.OnlyLeft => $"Bara i {SideName(comparison, comparison.Left)}",
            _ => $"Bara i {SideName(comparison, comparison.Right)}",
        };
    }

    /// <summary>The periods either side can be followed up for, newest first.</summary>
    public static IReadOnlyList<FollowUpPeriod> Periods(PlanComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return FollowUpPeriod.ForPlan(Math.Min(comparison.Left.StartYear, comparison.Right.StartYear), Math.Max(comparison.Left.EndYear, comparison.Right.EndYear));
    }

    /// <summary>The query string of the exports and of this comparison: <c>fran=…&amp;till=…&amp;period=…</c>.</summary>
    public static string Query(PlanComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return string.Create(CultureInfo.InvariantCulture, $"fran={comparison.Left.VersionId}&till={comparison.Right.VersionId}&period={comparison.Period.Code}");
    }

    /// <summary>A difference of målvärden with its sign: "+10,0", "−2,5", "0,0".</summary>
    public static string SignedNumber(decimal value, int decimals) =>
        value > 0 ? "+" + SwedishFormat.Number(value, decimals) : value < 0 ? "−" + SwedishFormat.Number(-value, decimals) : SwedishFormat.Number(0, decimals);
}
