using CsCheck;
using Indicators.Core.Attainment;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

/// <summary>Properties of the status rule, checked with CsCheck over generated values, targets and tolerances.</summary>
public class StatusPropertyTests
{
    static readonly Period Year = Period.OfYear(2026);

    /// <summary>Lower rank = better status; kan ej bedömas never occurs here.</summary>
    static int Rank(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => 0,
        AttainmentStatus.PartlyAchieved => 1,
        AttainmentStatus.NotAchieved => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    static readonly Gen<decimal> Amount = Gen.Int[-100_000, 100_000].Select(i => i / 100m);
    static readonly Gen<decimal> Positive = Gen.Int[0, 10_000].Select(i => i / 100m);
    static readonly Gen<Direction> Directions = Gen.Enum<Direction>();
    static readonly Gen<Tolerance> Tolerances = Gen.OneOf(
        Positive.Select(Tolerance.Absolute),
        Gen.Int[0, 50].Select(i => Tolerance.Relative(i / 100m)));

    static Target MakeTarget(Direction direction, decimal a, decimal width) =>
        direction == Direction.WithinBand ? Target.Band(a, a + width) : Target.Of(a);

    static StatusResult Assess(Direction direction, Tolerance tolerance, decimal value, Target target) =>
        StatusRule.Assess(new IndicatorRule(direction, "%", 2, Aggregation.Rate, tolerance), Outcome.Of(Year, value), target);

    [Fact]
    public void Improving_an_outcome_in_the_indicators_direction_never_worsens_its_status()
    {
        Gen.Select(Directions, Tolerances, Amount, Amount, Positive, Positive)
            .Sample((direction, tolerance, value, targetValue, width, step) =>
            {
                var target = MakeTarget(direction, targetValue, width);
                // For a band, "improving" moves the value toward the band by at most its distance.
                var better = direction switch
                {
                    Direction.HigherIsBetter => value + step,
                    Direction.LowerIsBetter => value - step,
                    _ when value < target.Min => Math.Min(value + step, target.Min),
                    _ when value > target.Max => Math.Max(value - step, target.Max),
                    _ => value,
                };
                return Rank(Assess(direction, tolerance, better, target).Status) <= Rank(Assess(direction, tolerance, value, target).Status);
            }, iter: 1_000);
    }

    [Fact]
    public void Rescaling_value_target_and_absolute_tolerance_by_the_same_positive_factor_keeps_the_status()
    {
        Gen.Select(Directions, Gen.Bool, Amount, Amount, Positive, Positive, Gen.Int[1, 1000])
            .Sample((direction, relative, value, targetValue, width, toleranceAmount, factorPercent) =>
            {
                var factor = factorPercent / 10m;
                var tolerance = relative ? Tolerance.Relative(toleranceAmount / 100m) : Tolerance.Absolute(toleranceAmount);
                var scaledTolerance = relative ? tolerance : Tolerance.Absolute(toleranceAmount * factor);
                var before = Assess(direction, tolerance, value, MakeTarget(direction, targetValue, width)).Status;
                var after = Assess(direction, scaledTolerance, value * factor, MakeTarget(direction, targetValue * factor, width * factor)).Status;
                return before == after;
            }, iter: 1_000);
    }

    [Fact]
    public void Improving_this_years_outcome_never_worsens_the_trend()
    {
        static int TrendRank(Trend trend) => trend switch { Trend.Better => 0, Trend.Unchanged => 1, _ => 2 };
        Gen.Select(Directions, Amount, Amount, Positive, Positive, Positive)
            .Sample((direction, now, before, step, minimum, width) =>
            {
                var band = Target.Band(before, before + width);
                var better = direction switch
                {
                    Direction.HigherIsBetter => now + step,
                    Direction.LowerIsBetter => now - step,
                    _ when now < band.Min => Math.Min(now + step, band.Min),
                    _ when now > band.Max => Math.Max(now - step, band.Max),
                    _ => now,
                };
                var rule = new IndicatorRule(direction, "%", 2);
                var previous = Outcome.Of(Period.OfYear(2025), before);
                var original = TrendRule.Compare(rule, Outcome.Of(Year, now), previous, minimum, band).Trend;
                var improved = TrendRule.Compare(rule, Outcome.Of(Year, better), previous, minimum, band).Trend;
                return TrendRank(improved) <= TrendRank(original);
            }, iter: 1_000);
    }
}
