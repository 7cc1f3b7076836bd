using Indicators.Core.Periods;

namespace Indicators.Core.Tests;

public class PeriodTests
{
    [Theory]
    [InlineData("2025", PeriodKind.Year, 0, "2025")]
    [InlineData("2025-T2", PeriodKind.Tertial, 2, "T2 2025")]
    [InlineData("2025-Q3", PeriodKind.Quarter, 3, "kv. 3 2025")]
    [InlineData("2025-08", PeriodKind.Month, 8, "aug 2025")]
    [InlineData("2025-05", PeriodKind.Month, 5, "maj 2025")]
    [InlineData("2025-JA", PeriodKind.JanuaryToAugust, 0, "jan–aug 2025")]
    public void A_canonical_code_parses_and_reads_in_Swedish(string code, PeriodKind kind, int number, string swedish)
    {
        var period = Period.Parse(code);

        Assert.Equal(2025, period.Year);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(number, period.Number);
        Assert.Equal(code, period.Code);
        Assert.Equal(swedish, period.SwedishName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-T4")]
    [InlineData("2025-Q5")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025T2")]
    [InlineData("år 2025")]
    [InlineData(null)]
    public void Anything_else_is_not_a_period(string? code)
    {
        Assert.False(Period.TryParse(code, out _));
        Assert.Throws<FormatException>(() => Period.Parse(code ?? ""));
    }

    [Fact]
    public void Periods_order_by_year_then_by_the_last_month_they_cover()
    {
        var periods = new[] { "2025", "2024-12", "2025-JA", "2025-T1", "2025-08", "2024" }.Select(Period.Parse).ToList();

        periods.Sort();

        Assert.Equal(["2024-12", "2024", "2025-T1", "2025-08", "2025-JA", "2025"], periods.Select(p => p.Code));
        Assert.True(Period.Parse("2024") < Period.Parse("2025-01"));
    }

    [Fact]
    public void Out_of_range_parts_are_refused_when_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfMonth(2025, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfTertial(2025, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfYear(1800));
    }
}
