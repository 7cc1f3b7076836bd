using System.Globalization;
using Indicators.Core.Formatting;

namespace Indicators.Core.Tests;

public class NumberTextTests
{
    [Theory]
    [InlineData("1234,5", "Comma", "1234.5")]
    [InlineData("1 234,5", "Comma", "1234.5")]
    [InlineData("−2,5", "Comma", "-2.5")]
    [InlineData("1234.5", "Point", "1234.5")]
    [InlineData("12,5", "Either", "12.5")]
    [InlineData("12.5", "Either", "12.5")]
    [InlineData("7", "Comma", "7")]
    public void Numbers_are_read_with_the_files_decimal_mark_and_thousands_spaces(string text, string mark, string expected)
    {
        Assert.True(NumberText.TryParse(text, Enum.Parse<DecimalMark>(mark), out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("12,x", "Comma")]
    [InlineData("1.5", "Comma")]
    [InlineData("1,5", "Point")]
    [InlineData("1,2,3", "Either")]
    [InlineData("1 ,5", "Comma")]
    [InlineData("-", "Comma")]
    [InlineData("12 %", "Comma")]
    public void Text_that_is_not_a_number_in_the_files_convention_is_not_read_as_one(string text, string mark) =>
        Assert.False(NumberText.TryParse(text, Enum.Parse<DecimalMark>(mark), out _));

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData(" 1 234,5 ", "1234.5")]
    [InlineData("80", "80")]
    [InlineData("0.25", "0.25")]
    public void A_number_typed_into_a_form_is_read_with_a_comma_or_a_point(string text, string expected)
    {
        Assert.True(NumberText.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("tolv")]
    [InlineData("12,5 %")]
    [InlineData(null)]
    public void Text_typed_into_a_form_that_is_no_number_is_not_read_as_one(string? text) =>
        Assert.False(NumberText.TryParse(text, out _));
}
