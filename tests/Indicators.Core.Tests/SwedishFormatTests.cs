using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests;

public class SwedishFormatTests
{
    [Fact]
    public void Numbers_use_a_decimal_comma_and_a_space_between_thousands()
    {
        Assert.Equal("1\u00A0234,5", SwedishFormat.Number(1234.5m, 1));
        Assert.Equal("80,0\u00A0%", SwedishFormat.WithUnit(80m, 1, "%"));
    }

    [Fact]
    public void Negative_numbers_use_the_Swedish_minus_sign()
    {
        Assert.Equal("\u2212335\u00A0mnkr", SwedishFormat.WithUnit(-335m, 0, "mnkr"));
    }

    [Theory]
    [InlineData("T", Gender.T)]
    [InlineData("k", Gender.K)]
    [InlineData(" M ", Gender.M)]
    public void Gender_codes_parse_whatever_their_case(string code, Gender expected)
    {
        Assert.True(GenderCodes.TryParse(code, out var gender));
        Assert.Equal(expected, gender);
        Assert.False(GenderCodes.TryParse("X", out _));
    }

    [Fact]
    public void Directions_round_trip_through_their_database_codes()
    {
        foreach (var direction in Enum.GetValues<Direction>())
        {
            Assert.Equal(direction, DirectionCodes.Parse(direction.ToCode()));
        }

        Assert.Throws<FormatException>(() => DirectionCodes.Parse("sideways"));
    }
}
