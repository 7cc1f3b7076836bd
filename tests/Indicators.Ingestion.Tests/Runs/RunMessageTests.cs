using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>Texts a run stores must be storable in PostgreSQL text and jsonb, and readable on the run's page.</summary>
public class RunMessageTests
{
    [Theory]
    [InlineData("a\0b", "a\u2400b")]
    [InlineData("rad 1\r\nrad 2\tslut", "rad 1 rad 2 slut")]
    [InlineData("\u001b[31mröd\u007f", "\u241b[31mröd\u2421")]
    [InlineData("ett par 😀 står kvar", "ett par 😀 står kvar")]
    public void Control_characters_show_as_their_control_pictures_and_line_breaks_become_spaces(string text, string expected) =>
        Assert.Equal(expected, RunMessage.Sanitize(text, 100));

    [Fact]
    public void A_lone_half_of_a_surrogate_pair_is_replaced()
    {
        // Built from chars: xunit's test-case serialisation would turn a lone surrogate in InlineData into U+FFFD already.
        var text = "ensam " + '\uD800' + " hälft och " + '\uDC00' + " den andra" + '\uD800';

        Assert.Equal("ensam \uFFFD hälft och \uFFFD den andra\uFFFD", RunMessage.Sanitize(text, 100));
    }

    [Fact]
    public void A_long_text_is_cut_with_an_ellipsis_and_never_between_the_halves_of_a_surrogate_pair()
    {
        var text = new string('x', 8) + "😀😀😀";

        Assert.Equal("xxxxxxxx…", RunMessage.Sanitize(text, 10));
        Assert.Equal("xxxxxxxx😀…", RunMessage.Sanitize(text, 11));
        Assert.Equal(text, RunMessage.Sanitize(text, text.Length));
    }
}
