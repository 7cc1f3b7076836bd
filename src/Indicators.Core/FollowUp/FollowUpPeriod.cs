using System.Globalization;
using Indicators.Core.Periods;

namespace Indicators.Core.FollowUp;

/// <summary>
/// The period a follow-up looks at: a whole year (årsrapport) or January–August of a year (delårsrapport).
/// Its code is the one used in addresses: "2025" or "2025-JA".
/// </summary>
public readonly record struct FollowUpPeriod(int Year, bool IsInterim)
{
    public static FollowUpPeriod WholeYear(int year) => new(year, false);

    public static FollowUpPeriod Interim(int year) => new(year, true);

    /// <summary>The last month the period reaches: 12, or 8 for the delår.</summary>
    public int LastMonth => IsInterim ? 8 : 12;

    public string Code => IsInterim
        ? $"{Year.ToString("D4", CultureInfo.InvariantCulture)}-JA"
        : Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>"Helår 2025" or "Delår jan–aug 2025".</summary>
    public string SwedishName => IsInterim ? $"Delår jan–aug {Year}" : $"Helår {Year}";

    /// <summary>Whether an outcome's period lies inside this one: the same year, ending no later than its last month.</summary>
    public bool Covers(Period period) => period.Year == Year && period.LastMonth <= LastMonth;

    public static bool TryParse(string? code, out FollowUpPeriod period)
    {
        period = default;
        if (!Period.TryParse(code, out var parsed) || parsed.Kind is not (PeriodKind.Year or PeriodKind.JanuaryToAugust))
        {
            return false;
        }

        period = new FollowUpPeriod(parsed.Year, parsed.Kind == PeriodKind.JanuaryToAugust);
        return true;
    }

    /// <summary>The periods a plan can be followed up for, newest first: each year's helår and delår.</summary>
    public static IReadOnlyList<FollowUpPeriod> ForPlan(int startYear, int endYear) =>
        [.. Enumerable.Range(startYear, endYear - startYear + 1).Reverse().SelectMany(year => new[] { WholeYear(year), Interim(year) })];

    /// <summary>
    /// The period to show first: the plan year holding the newest outcome (bounded by the plan's years), as a delår when
    /// nothing after August of that year has arrived yet.
    /// </summary>
    public static FollowUpPeriod Default(int startYear, int endYear, Period? newestOutcome)
    {
        if (newestOutcome is not { } newest)
        {
            return WholeYear(startYear);
        }

        if (newest.Year > endYear)
        {
            return WholeYear(endYear);
        }

        if (newest.Year < startYear)
        {
            return WholeYear(startYear);
        }

        return newest.LastMonth <= 8 ? Interim(newest.Year) : WholeYear(newest.Year);
    }
}
