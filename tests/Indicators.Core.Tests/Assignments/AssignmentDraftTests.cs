using Indicators.Core.Assignments;

namespace Indicators.Core.Tests.Assignments;

/// <summary>The rules of an uppdrag that need no database, shared by the form and plan import.</summary>
public class AssignmentDraftTests
{
    static AssignmentDraft Valid => new("HSN-E.1-4", "Minska hyrberoendet", null, null, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31),
        [new AssignmentReceiverDraft(1, ReceiverLevels.Committee), new AssignmentReceiverDraft(2, ReceiverLevels.Administration)], []);

    [Fact]
    public void A_complete_uppdrag_has_no_errors_and_an_uppdrag_without_dates_or_mål_is_complete_too()
    {
        Assert.Empty(Valid.Validate());
        Assert.Empty((Valid with { StartDate = null, EndDate = null, Code = "ÅÄÖ_åäö.20-tecken-xx" }).Validate());
    }

    [Theory]
    [InlineData("", "Code", "Ange uppdragets kod, t.ex. HSN-2.1-1.")]
    [InlineData("RF 1", "Code", "Uppdragets kod ”RF 1” får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck, högst 20 tecken.")]
    [InlineData("RF-2025-1-och-mer-text", "Code", "Uppdragets kod ”RF-2025-1-och-mer-text” får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck, högst 20 tecken.")]
    public void A_code_must_fit_the_databases_format(string code, string field, string message) =>
        Assert.Equal([(field, message)], (Valid with { Code = code }).Validate().Select(e => (e.Field, e.Message)));

    [Fact]
    public void Text_end_date_and_receivers_are_each_refused_under_their_field()
    {
        var draft = Valid with
        {
            Text = new string('x', 4001),
            EndDate = new DateOnly(2024, 12, 31),
            Receivers = [new AssignmentReceiverDraft(1, "styrelse"), new AssignmentReceiverDraft(1, ReceiverLevels.Committee)],
        };

        Assert.Equal(
            [("Text", "Uppdragets text får vara högst 4000 tecken (nu 4001)."), ("EndDate", "Slutdatum (2024-12-31) kan inte ligga före startdatum (2025-01-01)."),
             ("Receivers[0].Level", "Välj om nämnden eller förvaltningen tar emot uppdraget."), ("Receivers", "En nämnd kan bara vara mottagare en gång per uppdrag.")],
            draft.Validate().Select(e => (e.Field, e.Message)));
        Assert.Equal(("Receivers", "Välj minst en mottagare (nämnd eller förvaltning)."), (Valid with { Receivers = [] }).Validate().Select(e => (e.Field, e.Message)).Single());
    }

    [Theory]
    [InlineData("committee", "committee")]
    [InlineData(" Nämnden ", "committee")]
    [InlineData("FÖRVALTNING", "administration")]
    [InlineData("administration", "administration")]
    [InlineData("styrelse", null)]
    [InlineData(null, null)]
    public void A_level_reads_as_its_code_or_its_Swedish_word(string? text, string? level) => Assert.Equal(level, ReceiverLevels.TryParse(text));
}
