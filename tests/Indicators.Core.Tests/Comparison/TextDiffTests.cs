using Indicators.Core.Comparison;

namespace Indicators.Core.Tests.Comparison;

public class TextDiffTests
{
    static string Marked(ComparedText text) => string.Concat(text.Pieces.Select(p => p.Kind switch
    {
        PieceKind.Removed => $"[-{p.Text}]",
        PieceKind.Added => $"[+{p.Text}]",
        _ => p.Text,
    }));

    [Fact]
    public void Equal_texts_are_one_unchanged_piece()
    {
        var text = TextDiff.Compare("Vård i rätt tid.", "Vård i rätt tid.");

        Assert.False(text.Differs);
        var piece = Assert.Single(text.Pieces);
        Assert.Equal(new TextPiece("Vård i rätt tid.", PieceKind.Same), piece);
    }

    [Fact]
    public void A_changed_word_is_removed_then_added_between_the_unchanged_words()
    {
        var text = TextDiff.Compare("Vård i rätt tid", "Vård i god tid");

        Assert.True(text.Differs);
        Assert.Equal("Vård i [-rätt ][+god ]tid", Marked(text));
    }

    [Fact]
    public void Swedish_letters_belong_to_the_word_and_punctuation_is_a_piece_of_its_own()
    {
        var text = TextDiff.Compare("Ökad tillgänglighet, för alla.", "Ökad tillgänglighet för alla invånare.");

        Assert.Equal("Ökad tillgänglighet[-, ]för alla [+invånare].", Marked(text));
    }

    [Fact]
    public void Texts_too_long_for_the_table_still_compare_their_common_beginning_and_end()
    {
        var left = "Inledning " + string.Join(' ', Enumerable.Range(0, 2100).Select(i => $"a{i}")) + " slut";
        var right = "Inledning " + string.Join(' ', Enumerable.Range(0, 2100).Select(i => $"b{i}")) + " slut";

        var text = TextDiff.Compare(left, right);

        Assert.Equal([PieceKind.Same, PieceKind.Removed, PieceKind.Added, PieceKind.Same], text.Pieces.Select(p => p.Kind));
        Assert.Equal("slut", text.Pieces[^1].Text);
    }

    [Fact]
    public void A_number_with_a_decimal_comma_is_one_word()
    {
        var text = TextDiff.Compare("minst 2,5 procent", "minst 3,5 procent");

        Assert.Equal("minst [-2,5 ][+3,5 ]procent", Marked(text));
    }

    [Fact]
    public void Whitespace_alone_is_no_change_of_words()
    {
        var text = TextDiff.Compare("Vård  i rätt\ntid", "Vård i rätt tid");

        Assert.All(text.Pieces, p => Assert.Equal(PieceKind.Same, p.Kind));
        Assert.Equal("Vård i rätt tid", string.Concat(text.Pieces.Select(p => p.Text)));
    }

    [Fact]
    public void A_missing_text_on_one_side_is_all_added_or_all_removed()
    {
        Assert.Equal("[+Ny text]", Marked(TextDiff.Compare(null, "Ny text")));
        Assert.Equal("[-Gammal text]", Marked(TextDiff.Compare("Gammal text", null)));
        Assert.Empty(TextDiff.Compare(null, null).Pieces);
    }

    [Fact]
    public void The_longest_common_words_are_kept_when_words_move()
    {
        var text = TextDiff.Compare("en god och nära vård för alla", "en nära och god vård för alla");

        // Reading the kept words only gives a longest common sequence of the two.
        var kept = string.Concat(text.Pieces.Where(p => p.Kind == PieceKind.Same).Select(p => p.Text)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, kept.Length);
        Assert.Equal("en god och nära vård för alla", string.Concat(text.Pieces.Where(p => p.Kind != PieceKind.Added).Select(p => p.Text)).Trim());
        Assert.Equal("en nära och god vård för alla", string.Concat(text.Pieces.Where(p => p.Kind != PieceKind.Removed).Select(p => p.Text)).Trim());
    }

    [Fact]
    public void Reading_the_pieces_without_the_added_gives_the_left_words_and_without_the_removed_the_right_text()
    {
        const string left = "Regionen ska ha en ekonomi i balans 2026, med ett resultat om minst 2 procent.";
        const string right = "Regionen ska nå en ekonomi i balans senast 2027 – med ett resultat om minst 1 procent av skatteintäkterna.";

        var text = TextDiff.Compare(left, right);

        Assert.Equal(Words(left), Words(string.Concat(text.Pieces.Where(p => p.Kind != PieceKind.Added).Select(p => p.Text))));
        Assert.Equal(right, string.Concat(text.Pieces.Where(p => p.Kind != PieceKind.Removed).Select(p => p.Text)));
        Assert.Contains(new TextPiece("2 ", PieceKind.Removed), text.Pieces);
        Assert.Contains(new TextPiece("1 ", PieceKind.Added), text.Pieces);

        static string Words(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}
