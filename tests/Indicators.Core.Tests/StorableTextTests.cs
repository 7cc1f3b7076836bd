using Indicators.Core.Formatting;

namespace Indicators.Core.Tests;

public class StorableTextTests
{
    [Fact]
    public void The_first_character_PostgreSQL_cannot_store_is_found()
    {
        // Built in code: an attribute's string cannot hold a lone surrogate (it is stored as UTF-8).
        (string Text, int Index)[] cases =
        [
            ("0022", -1), ("", -1), ("å ä ö – 😀", -1), ("00\u000022", 2), ("ab\uD800", 2), ("\uDC00ab", 0), ("a\uD83D\uDE00\uD800", 3),
            ("\uD800\u0000", 0), ("x\u0000\uD800", 1),
        ];

        Assert.All(cases, c => Assert.Equal(c.Index, StorableText.IndexOfUnstorable(c.Text)));
    }

    [Fact]
    public void Printable_text_shows_control_characters_as_symbols_and_broken_surrogates_as_replacement_characters()
    {
        Assert.Equal("00␀22 a␊b ␉ ␡ x\uFFFDy 😀", StorableText.Printable("00\u000022 a\nb \t \u007F x\uD800y 😀"));
    }

    [Fact]
    public void Printable_text_that_needs_nothing_is_the_same_instance()
    {
        var text = "Väntetid 2025 – 79,5 %";

        Assert.Same(text, StorableText.Printable(text));
    }

    [Fact]
    public void An_excerpt_is_cut_without_splitting_a_surrogate_pair()
    {
        Assert.Equal("ab…", StorableText.Excerpt("ab😀cd", 3));
        Assert.Equal("abc", StorableText.Excerpt("abc", 3));
    }
}
