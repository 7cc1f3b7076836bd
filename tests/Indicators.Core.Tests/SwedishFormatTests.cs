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

    [Theory]
    [InlineData(0, "0 varningar")]
    [InlineData(1, "1 varning")]
    [InlineData(2, "2 varningar")]
    [InlineData(1234, "1\u00A0234 varningar")]
    public void A_count_takes_the_singular_only_for_one(long count, string expected)
    {
        Assert.Equal(expected, SwedishFormat.Count(count, "varning", "varningar"));
    }

    [Fact]
    public void A_word_after_a_count_is_singular_only_for_one()
    {
        Assert.Equal("rad", SwedishFormat.Plural(1, "rad", "rader"));
        Assert.Equal("rader", SwedishFormat.Plural(-1, "rad", "rader"));
        Assert.Equal("rader", SwedishFormat.Plural(0, "rad", "rader"));
    }

    [Theory]
    [InlineData("antal", "invånare", "241\u00A0610\u00A0invånare")]
    [InlineData("Antal", " patienter ", "241\u00A0610\u00A0patienter")]
    [InlineData("antal", null, "241\u00A0610\u00A0antal")]
    [InlineData("antal", "  ", "241\u00A0610\u00A0antal")]
    [InlineData("kr/inv", "invånare", "241\u00A0610\u00A0kr/inv")]
    public void A_count_shows_what_it_counts_when_the_indicator_names_it(string unit, string? countedNoun, string expected)
    {
        Assert.Equal(expected, SwedishFormat.WithUnit(241_610m, 0, SwedishFormat.ShownUnit(unit, countedNoun)));
    }
}
