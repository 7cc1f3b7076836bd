using Indicators.Core.Editing;
using Indicators.Core.Formatting;

namespace Indicators.Core.Attainment;

/// <summary>
/// A plan version's settings of <see cref="GoalAssessmentRule"/>, in per cent of the assessable indicators' weight:
/// <see cref="MetShare"/> is the share that must count as uppnådd for a goal to be suggested uppfyllt (default 100, all of
/// them), <see cref="NotMetShare"/> the share that must count as ej uppnådd – more than it – for ej uppfyllt when no
/// indicator is uppnått (default 50, more than half). Each indicator's weight in a plan version is set beside it
/// (default 1, always more than 0).
/// </summary>
public sealed record GoalRule(decimal MetShare = GoalRule.DefaultMetShare, decimal NotMetShare = GoalRule.DefaultNotMetShare)
{
    public const decimal DefaultMetShare = 100;
    public const decimal DefaultNotMetShare = 50;
    public const decimal DefaultWeight = 1;

    /// <summary>The largest weight an indicator can have: a hundred times another is already all that matters.</summary>
    public const decimal MaxWeight = 100;

    public static GoalRule Default { get; } = new();

    public bool IsDefault => this == Default;

    /// <summary>
    /// The shares are per cent with at most two decimals; uppfyllt needs more than 0 % and at most 100 %, ej uppfyllt at
    /// least 0 % and less than 100 % (more than 100 % can never be), and the share for uppfyllt must be larger than the
    /// share for ej uppfyllt, so the bar for a goal to be met is the higher one.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation();
        if (MetShare is <= 0 or > 100 || MoreThanTwoDecimals(MetShare))
        {
            v.Add(nameof(MetShare), $"Andelen för uppfyllt måste vara större än {Percent(0)} och högst {Percent(100)}, med högst två decimaler (nu {Exact(MetShare)}\u00A0%).");
        }

        if (NotMetShare is < 0 or >= 100 || MoreThanTwoDecimals(NotMetShare))
        {
            v.Add(nameof(NotMetShare), $"Andelen för ej uppfyllt måste vara minst {Percent(0)} och mindre än {Percent(100)}, med högst två decimaler (nu {Exact(NotMetShare)}\u00A0%).");
        }

        if (v.IsValid && MetShare <= NotMetShare)
        {
            v.Add(nameof(MetShare), $"Andelen för uppfyllt ({Percent(MetShare)}) måste vara större än andelen för ej uppfyllt ({Percent(NotMetShare)}).");
        }

        return v.Errors;
    }

    /// <summary>An indicator's weight: more than 0, at most <see cref="MaxWeight"/>, at most two decimals; null when it is fine.</summary>
    public static string? WeightError(decimal weight, string indicator) =>
        weight is <= 0 or > MaxWeight || MoreThanTwoDecimals(weight)
            ? $"Vikten för {indicator} måste vara större än 0 och högst {Number(MaxWeight)}, med högst två decimaler (nu {Exact(weight)})."
            : null;

    /// <summary>The rule as configured, in one Swedish sentence.</summary>
    public string Describe() =>
        $"Uppfyllt när minst {Percent(MetShare)} av de bedömbara indikatorernas vikt räknas som uppnådd; "
        + $"ej uppfyllt när ingen indikator är uppnådd och mer än {Percent(NotMetShare)} av vikten räknas som ej uppnådd; "
        + "annars delvis uppfyllt.";

    /// <summary>"1", "0,5", "2,25": a count or weight as few decimals as it needs.</summary>
    public static string Number(decimal value) => value.ToString("0.##", SwedishFormat.Culture);

    /// <summary>A value as it was given, every decimal kept: an error about decimals shows them.</summary>
    static string Exact(decimal value) => value.ToString("0.############################", SwedishFormat.Culture);

    /// <summary>"50 %", "66,67 %".</summary>
    public static string Percent(decimal value) => $"{Number(value)}\u00A0%";

    static bool MoreThanTwoDecimals(decimal value) => decimal.Round(value, 2) != value;
}
