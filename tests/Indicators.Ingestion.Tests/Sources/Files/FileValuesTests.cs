using Indicators.Core.Periods;

namespace Indicators.Ingestion.Tests.Sources.Files;

public class FileValuesTests
{
    [Theory]
    [InlineData("2025", "2025")]
    [InlineData("2025-T2", "2025-T2")]
    [InlineData("T2 2025", "2025-T2")]
    [InlineData("2025T2", "2025-T2")]
    [InlineData("2025 T3", "2025-T3")]
    [InlineData("Q3 2025", "2025-Q3")]
    [InlineData("kv. 3 2025", "2025-Q3")]
    [InlineData("2025K4", "2025-Q4")]
    [InlineData("2025M08", "2025-08")]
    [InlineData("aug 2025", "2025-08")]
    [InlineData("Maj 2025", "2025-05")]
    [InlineData("jan–aug 2025", "2025-JA")]
    [InlineData("jan-aug 2025", "2025-JA")]
    [InlineData("2025-ja", "2025-JA")]
    public void Swedish_spellings_of_a_period_are_read_as_its_code(string text, string code)
    {
        Assert.True(PeriodSpellings.TryParse(text, out var period));
        Assert.Equal(code, period.Code);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-08-31")]
    [InlineData("T4 2025")]
    [InlineData("2025K5")]
    [InlineData("augusti")]
    [InlineData("")]
    public void Text_that_is_no_period_is_not_read_as_one(string text) =>
        Assert.False(PeriodSpellings.TryParse(text, out _));
}
