using Indicators.Core.Attainment;
using Indicators.Core.Plans;

namespace Indicators.Web.Attainment;

/// <summary>The example indicators of the rules page (<see cref="HowAttainmentIsJudged"/>) and its sections.</summary>
internal static class RuleExamples
{
    public static readonly IndicatorRule Share = new(Direction.HigherIsBetter, "%", 1, Tolerance: Tolerance.Absolute(5));
    public static readonly IndicatorRule PatientsPerDoctor = new(Direction.LowerIsBetter, "antal", 0, Tolerance: Tolerance.Relative(0.05m));
    public static readonly IndicatorRule Result = new(Direction.HigherIsBetter, "mnkr", 0, Aggregation.Sum);
    public static readonly IndicatorRule Solidity = new(Direction.HigherIsBetter, "%", 1);
    public static readonly IndicatorRule Residents = new(Direction.HigherIsBetter, "invånare", 0);
    public static readonly IndicatorRule LowerShare = new(Direction.LowerIsBetter, "%", 1);
}
