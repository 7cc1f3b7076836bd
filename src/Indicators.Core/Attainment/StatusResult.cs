namespace Indicators.Core.Attainment;

/// <summary>
/// The outcome of <see cref="StatusRule.Assess(IndicatorRule, Outcome, Target?)"/>.
/// <see cref="Shortfall"/> is how far on the wrong side of the (effective) target the value lies, 0 when on the right side;
/// <see cref="Margin"/> is the signed distance in the better direction (positive = better than target, 0 inside a band).
/// </summary>
public sealed record StatusResult(
    AttainmentStatus Status,
    NotAssessableReason? Reason,
    decimal? Value,
    Target? EffectiveTarget,
    decimal? Shortfall,
    decimal? Margin,
    decimal? ToleranceAmount,
    string Explanation)
{
    public bool IsAssessable => Status != AttainmentStatus.NotAssessable;
}
