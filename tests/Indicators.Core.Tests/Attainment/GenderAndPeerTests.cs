using Indicators.Core.Attainment;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

public class GenderGapRuleTests
{
    static readonly IndicatorRule Percent = new(Direction.HigherIsBetter, "%");

    [Fact]
    public void The_gap_is_women_minus_men_and_the_ratio_women_over_men()
    {
        var result = GenderGapRule.Compare(Percent, 75, 80, 70);
        Assert.Equal(10m, result.Gap);
        Assert.Equal(80m / 70m, result.Ratio);
        Assert.False(result.MissingSplit);
        Assert.Equal("Kvinnor 80,0\u00A0%, män 70,0\u00A0%: kvinnor 10,0\u00A0procentenheter högre än män, kvot K/M 1,14.", result.Explanation);
    }

    [Theory]
    [InlineData(true, false, true, "Varning: totalt 75,0\u00A0% finns men värde för kvinnor saknas.")]
    [InlineData(true, true, false, "Varning: totalt 75,0\u00A0% finns men värde för män saknas.")]
    [InlineData(true, false, false, "Varning: totalt 75,0\u00A0% finns men värde för kvinnor och män saknas.")]
    [InlineData(false, false, true, "Könsuppdelade värden saknas.")]
    public void A_missing_split_is_flagged_when_the_total_exists(bool hasTotal, bool hasWomen, bool hasMen, string explanation)
    {
        var result = GenderGapRule.Compare(Percent, hasTotal ? 75 : null, hasWomen ? 80 : null, hasMen ? 70 : null);
        Assert.Equal(hasTotal, result.MissingSplit);
        Assert.Null(result.Gap);
        Assert.Null(result.Ratio);
        Assert.Equal(explanation, result.Explanation);
    }

    [Fact]
    public void The_ratio_is_left_out_when_men_are_zero_and_a_negative_gap_reads_lower()
    {
        var result = GenderGapRule.Compare(new IndicatorRule(Direction.LowerIsBetter, "antal", 0), 3, 0, 0);
        Assert.Equal(0m, result.Gap);
        Assert.Null(result.Ratio);
        Assert.Equal("Kvinnor 0\u00A0antal, män 0\u00A0antal: ingen skillnad.", result.Explanation);
        Assert.Contains("kvinnor 5\u00A0antal lägre än män", GenderGapRule.Compare(new IndicatorRule(Direction.LowerIsBetter, "antal", 0), null, 5, 10).Explanation, StringComparison.Ordinal);
    }
}

public class PeerRuleTests
{
    static readonly PeerValue[] Regions =
    [
        new("Region A", 80), new("Region B", 90), new("Region C", 80), new("Region D", null), new("Region E", 70),
    ];

    [Theory]
    [InlineData(Direction.HigherIsBetter, new[] { 2, 1, 2, 0, 4 })]
    [InlineData(Direction.LowerIsBetter, new[] { 2, 4, 2, 0, 1 })]
    public void Regions_are_ranked_in_the_indicators_direction_and_ties_share_a_rank(Direction direction, int[] expected)
    {
        var positions = PeerRule.Rank(new IndicatorRule(direction, "%"), Regions, 80);
        Assert.Equal(expected, positions.Select(p => p.Rank ?? 0));
        Assert.All(positions, p => Assert.Equal(4, p.RankedCount));
    }

    [Fact]
    public void A_band_ranks_by_distance_to_the_band()
    {
        var positions = PeerRule.Rank(new IndicatorRule(Direction.WithinBand, "%"), Regions, null, Target.Band(75, 85));
        Assert.Equal([1, 3, 1, 0, 3], positions.Select(p => p.Rank ?? 0));
        Assert.Throws<ArgumentException>(() => PeerRule.Rank(new IndicatorRule(Direction.WithinBand, "%"), Regions, null));
    }

    [Fact]
    public void Each_region_is_compared_with_riket_by_difference_and_ratio()
    {
        var positions = PeerRule.Rank(new IndicatorRule(Direction.HigherIsBetter, "%"), Regions, 80);
        Assert.Equal(10m, positions[1].DifferenceToNational);
        Assert.Equal(1.125m, positions[1].RatioToNational);
        Assert.Null(positions[3].DifferenceToNational);
        Assert.Equal("Region B: plats 1 av 4, 10,0\u00A0procentenheter över riket (kvot 1,13).", positions[1].Explanation);
        Assert.Equal("Region A: plats 2 av 4, lika med riket (kvot 1,00).", positions[0].Explanation);
        Assert.Equal("Region E: plats 4 av 4, 10,0\u00A0procentenheter under riket (kvot 0,88).", positions[4].Explanation);
        Assert.Equal("Region D: värde saknas, ingen placering.", positions[3].Explanation);
    }

    [Fact]
    public void Without_riket_there_is_a_rank_but_no_comparison()
    {
        var positions = PeerRule.Rank(new IndicatorRule(Direction.HigherIsBetter, "%"), Regions, null);
        Assert.Null(positions[0].RatioToNational);
        Assert.Equal("Region A: plats 2 av 4.", positions[0].Explanation);
        Assert.Null(PeerRule.Rank(new IndicatorRule(Direction.HigherIsBetter, "%"), Regions, 0)[0].RatioToNational);
    }
}
