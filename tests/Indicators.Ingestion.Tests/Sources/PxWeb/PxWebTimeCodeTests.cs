using Indicators.Core.Periods;
using Indicators.Ingestion.Sources.PxWeb;

namespace Indicators.Ingestion.Tests.Sources.PxWeb;

public class PxWebTimeCodeTests
{
    [Theory]
    [InlineData("2024", "2024")]
    [InlineData("2024M03", "2024-03")]
    [InlineData("2024M12", "2024-12")]
    [InlineData("2024K2", "2024-Q2")]
    public void SCB_time_codes_become_periods(string code, string expected)
    {
        Assert.True(PeriodSpellings.TryParse(code, out var period));
        Assert.Equal(Period.Parse(expected), period);
    }

    [Theory]
    [InlineData("2024M13")]
    [InlineData("2024K5")]
    [InlineData("2023-2024")]
    [InlineData("24")]
    public void Other_time_codes_are_not_guessed(string code) => Assert.False(PeriodSpellings.TryParse(code, out _));

    [Fact]
    public void A_selection_with_value_expressions_is_sent_whole_because_its_cells_cannot_be_counted()
    {
        var query = new PxWebQuery("TAB638", [new("Region", ["*"]), new("ContentsCode", ["BE0101N1"]), new("Tid", ["TOP(3)"])],
            "Region", "Tid", "ContentsCode", ScbRegions.Counties, new Dictionary<string, string>());

        Assert.Single(PxWebRequestSplitter.Split(query, 1));
    }
}
