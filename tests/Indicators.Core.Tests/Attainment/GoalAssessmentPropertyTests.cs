using CsCheck;
using Indicators.Core.Attainment;

namespace Indicators.Core.Tests.Attainment;

/// <summary>Properties of the goal suggestion (issue 16), checked with CsCheck over generated indicators, weights and shares.</summary>
public class GoalAssessmentPropertyTests
{
    /// <summary>Ej uppfyllt &lt; delvis uppfyllt &lt; uppfyllt; kan ej bedömas never occurs with an assessable indicator.</summary>
    static int Rank(GoalAssessment assessment) => assessment switch
    {
        GoalAssessment.NotMet => 0,
        GoalAssessment.PartlyMet => 1,
        GoalAssessment.Met => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(assessment)),
    };

    static readonly AttainmentStatus[] StatusOrder = [AttainmentStatus.NotAchieved, AttainmentStatus.PartlyAchieved, AttainmentStatus.Achieved];

    static readonly Gen<AttainmentStatus> Assessable = Gen.OneOfConst(StatusOrder);
    static readonly Gen<AttainmentStatus> AnyStatus = Gen.Enum<AttainmentStatus>();
    static readonly Gen<ProgressCategory> Progress = Gen.Enum<ProgressCategory>();
    static readonly Gen<decimal> Weight = Gen.Int[1, 1000].Select(i => i / 100m);

    /// <summary>Valid shares: met in (0, 100], not-met in [0, 100), met &gt; not-met, two decimals.</summary>
    static readonly Gen<GoalRule> Rules = Gen.Select(Gen.Int[1, 10_000], Gen.Int[0, 9_999])
        .Where((met, notMet) => met > notMet)
        .Select((met, notMet) => new GoalRule(met / 100m, notMet / 100m));

    static Gen<IndicatorJudgement> Indicator(Gen<AttainmentStatus> status) =>
        Gen.Select(status, Progress, Weight).Select((s, p, w) => new IndicatorJudgement("Indikator", s, Trend.NotAssessable, p, w));

    static readonly Gen<List<IndicatorJudgement>> Goals = Indicator(AnyStatus).List[1, 12];

    [Fact]
    public void All_indicators_ej_uppnatt_is_ej_uppfyllt_whatever_their_progress_weights_and_the_shares()
    {
        Gen.Select(Indicator(Gen.Const(AttainmentStatus.NotAchieved)).List[1, 12], Rules)
            .Sample((indicators, rule) => GoalAssessmentRule.Suggest(indicators, rule).Assessment == GoalAssessment.NotMet, iter: 1_000);
    }

    [Fact]
    public void All_indicators_uppnatt_is_uppfyllt_whatever_their_progress_weights_and_the_shares()
    {
        Gen.Select(Indicator(Gen.Const(AttainmentStatus.Achieved)).List[1, 12], Rules)
            .Sample((indicators, rule) => GoalAssessmentRule.Suggest(indicators, rule).Assessment == GoalAssessment.Met, iter: 1_000);
    }

    [Fact]
    public void Indicators_that_cannot_be_assessed_change_nothing()
    {
        Gen.Select(Indicator(Assessable).List[1, 8], Indicator(Gen.Const(AttainmentStatus.NotAssessable)).List[0, 4], Rules)
            .Sample((assessable, unassessable, rule) =>
                GoalAssessmentRule.Suggest(assessable, rule).Assessment == GoalAssessmentRule.Suggest([.. assessable, .. unassessable], rule).Assessment,
                iter: 1_000);
    }

    [Fact]
    public void Improving_one_indicators_status_never_lowers_the_suggestion()
    {
        Gen.Select(Indicator(Assessable).List[1, 12], Gen.Int[0, 11], Rules)
            .Sample((indicators, at, rule) =>
            {
                var i = at % indicators.Count;
                var step = Array.IndexOf(StatusOrder, indicators[i].Status);
                if (step == StatusOrder.Length - 1)
                {
                    return true;
                }

                var better = indicators.ToList();
                better[i] = better[i] with { Status = StatusOrder[step + 1] };
                return Rank(GoalAssessmentRule.Suggest(better, rule).Assessment) >= Rank(GoalAssessmentRule.Suggest(indicators, rule).Assessment);
            }, iter: 2_000);
    }

    [Fact]
    public void Improving_one_indicators_progress_never_lowers_the_suggestion()
    {
        // Any progress to any other that leans more toward the goal: försämring → neutral → i fas or målet nått.
        Gen.Select(Indicator(Assessable).List[1, 12], Gen.Int[0, 11], Progress, Rules)
            .Sample((indicators, at, progress, rule) =>
            {
                var i = at % indicators.Count;
                if (GoalAssessmentRule.Lean(progress) < GoalAssessmentRule.Lean(indicators[i].Progress))
                {
                    return true;
                }

                var better = indicators.ToList();
                better[i] = better[i] with { Progress = progress };
                return Rank(GoalAssessmentRule.Suggest(better, rule).Assessment) >= Rank(GoalAssessmentRule.Suggest(indicators, rule).Assessment);
            }, iter: 2_000);
    }

    [Fact]
    public void The_order_of_the_indicators_does_not_matter()
    {
        Gen.Select(Goals, Gen.Int, Rules)
            .Sample((indicators, seed, rule) =>
            {
                var random = new Random(seed);
                var shuffled = indicators.OrderBy(_ => random.Next()).ToList();
                var before = GoalAssessmentRule.Suggest(indicators, rule);
                var after = GoalAssessmentRule.Suggest(shuffled, rule);
                return before.Assessment == after.Assessment && before.CountedAchieved == after.CountedAchieved
                    && before.CountedNotAchieved == after.CountedNotAchieved;
            }, iter: 1_000);
    }

    [Fact]
    public void Scaling_every_weight_by_the_same_factor_keeps_the_suggestion()
    {
        Gen.Select(Indicator(AnyStatus).List[1, 8], Gen.Int[2, 9], Rules)
            .Sample((indicators, factor, rule) =>
                GoalAssessmentRule.Suggest(indicators, rule).Assessment
                == GoalAssessmentRule.Suggest([.. indicators.Select(i => i with { Weight = i.Weight * factor })], rule).Assessment,
                iter: 1_000);
    }

    [Fact]
    public void A_weight_of_zero_is_refused_wherever_it_stands_and_whatever_the_status()
    {
        Gen.Select(Goals, Gen.Int[0, 12], AnyStatus)
            .Sample((indicators, at, status) =>
            {
                var withZero = indicators.ToList();
                withZero.Insert(at % (withZero.Count + 1), new IndicatorJudgement("Noll", status, Weight: 0));
                try
                {
                    GoalAssessmentRule.Suggest(withZero);
                    return false;
                }
                catch (ArgumentOutOfRangeException)
                {
                    return true;
                }
            }, iter: 500);
    }
}
