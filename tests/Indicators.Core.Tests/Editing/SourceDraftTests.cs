using Indicators.Core.Sources;

namespace Indicators.Core.Tests.Editing;

public class SourceDraftTests
{
    static readonly SourceDraft Draft = new("Väntetider (Kolada)", "kolada", "0 6 * * *", null, "Europe/Stockholm", true, """{"kpis": ["N79224"]}""", []);

    /// <summary>Stands in for the scheduler's check: only "0 6 * * *" and "0 3 * * 0" are schedules.</summary>
    static string? Check(string? cron, string? timeZone) => cron is "0 6 * * *" or "0 3 * * 0" ? null : $"'{cron}' duger inte.";

    [Fact]
    public void A_complete_source_has_no_errors() => Assert.Empty(Draft.Validate(Check));

    [Fact]
    public void The_cron_checks_reason_lands_under_the_cron_and_a_bad_full_refresh_cron_says_which_schedule_it_is()
    {
        var errors = (Draft with { Cron = "varje dag", FullRefreshCron = "söndagar" }).Validate(Check);

        Assert.Equal("'varje dag' duger inte.", Assert.Single(errors, e => e.Field == nameof(SourceDraft.Cron)).Message);
        Assert.Equal("Fullständig omläsning: 'söndagar' duger inte.", Assert.Single(errors, e => e.Field == nameof(SourceDraft.FullRefreshCron)).Message);
    }

    [Fact]
    public void An_empty_name_an_unknown_kind_an_unknown_time_zone_and_settings_that_are_no_object_are_each_named()
    {
        var errors = new SourceDraft(" ", "excel", "0 6 * * *", null, "Europe/Mars", true, "[1, 2]", []).Validate(Check);

        Assert.Equal(
            [
                ("Name", "Ange källans namn."),
                ("Kind", "Välj typ av källa: Kolada, SCB (PxWeb) eller fil."),
                ("TimeZone", "Tidszonen 'Europe/Mars' finns inte. Ange till exempel Europe/Stockholm."),
                ("Settings", "Inställningarna måste vara ett JSON-objekt ({ … })."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }
}
