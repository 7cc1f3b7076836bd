using Indicators.Core.ActionPlans;

namespace Indicators.Core.Tests.ActionPlans;

public class ActionPlanTextTests
{
    [Theory]
    [InlineData(-570, "−570")]
    [InlineData(6653, "6 653")]
    [InlineData(12.5, "12,5")]
    [InlineData(-1234.25, "−1 234,25")]
    [InlineData(0, "0")]
    public void Amounts_are_written_in_Swedish_with_a_real_minus_sign(decimal value, string expected) =>
        Assert.Equal(expected, ActionPlanText.Amount(value).Replace('\u00A0', ' ').Replace('\u202F', ' '));

    [Fact]
    public void The_deviation_says_in_words_and_a_symbol_which_side_of_the_requirement_it_is()
    {
        Assert.Equal("▲ 15 mer än kravet", ActionPlanText.Deviation(15m));
        Assert.Equal("▼ −15 mindre än kravet", ActionPlanText.Deviation(-15m));
        Assert.Equal("= 0 som kravet", ActionPlanText.Deviation(0m));
        Assert.Equal("–", ActionPlanText.Deviation(null));
    }
}
