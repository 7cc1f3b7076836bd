using Indicators.Core.Sources;

namespace Indicators.Core.Tests.Editing;

public class SourceDraftTests
{
    static readonly SourceDraft Draft = new("Väntetider (Kolada)", "kolada", "0 6 * * *", null, "Europe/Stockholm", true, """{"kpis": ["N79224"]}""", []);

    /// <summary>Stands in for the scheduler's check: only "0 6 * * *" and "0 3 * * 0" are schedules.</summary>
    static string? Check(string? cron, string? timeZone) => cron is "0 6 * * *" or "0 3 * * 0" ? null : $"'{cron}' duger inte.";

    /// <summary>Stands in for the file roots' check: only "inbox" may be read.</summary>
    static string? Folder(string folder) => folder == "inbox" ? null : $"Mappen '{folder}' får inte läsas.";

    /// <summary>Stands in for the readers' check: a run can read any settings but those with "oläslig".</summary>
    static string? Settings(string kind, string settings) => settings.Contains("oläslig", StringComparison.Ordinal) ? $"{kind} kan inte läsa dem." : null;

    [Fact]
    public void A_complete_source_has_no_errors() => Assert.Empty(Draft.Validate(Check, Folder, Settings));

    [Fact]
    public void The_cron_checks_reason_lands_under_the_cron_and_a_bad_full_refresh_cron_says_which_schedule_it_is()
    {
        var errors = (Draft with { Cron = "varje dag", FullRefreshCron = "söndagar" }).Validate(Check, Folder, Settings);

        Assert.Equal("'varje dag' duger inte.", Assert.Single(errors, e => e.Field == nameof(SourceDraft.Cron)).Message);
        Assert.Equal("Fullständig omläsning: 'söndagar' duger inte.", Assert.Single(errors, e => e.Field == nameof(SourceDraft.FullRefreshCron)).Message);
    }

    [Fact]
    public void An_empty_name_an_unknown_kind_an_unknown_time_zone_and_settings_that_are_no_object_are_each_named()
    {
        var errors = new SourceDraft(" ", "excel", "0 6 * * *", null, "Europe/Mars", true, "[1, 2]", []).Validate(Check, Folder, Settings);

        Assert.Equal(
            [
                ("Name", "Ange källans namn."),
                ("Kind", "Välj typ av källa: Kolada, SCB (PxWeb) eller fil."),
                ("TimeZone", "Tidszonen 'Europe/Mars' finns inte. Ange till exempel Europe/Stockholm."),
                ("Settings", "Inställningarna måste vara ett JSON-objekt ({ … })."),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    static SourceDraft File(string settings) => Draft with { Kind = "file", Settings = settings };

    [Fact]
    public void A_file_sources_folder_is_checked_by_the_roots_check_and_its_error_lands_under_the_folder_field()
    {
        Assert.Empty(File("""{"folder": "inbox"}""").Validate(Check, Folder, Settings));
        Assert.Empty(File("""{"folder": null}""").Validate(Check, Folder, Settings));

        var errors = File("""{"folder": "/etc"}""").Validate(Check, Folder, Settings);

        Assert.Equal([(SourceDraft.FolderField, "Mappen '/etc' får inte läsas.")], errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_folder_spelt_in_another_case_is_checked_too_as_the_reader_reads_any_case()
    {
        var errors = File("""{"folder": "inbox", "FOLDER": "../.."}""").Validate(Check, Folder, Settings);

        Assert.Equal("Mappen '../..' får inte läsas.", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("../../etc/shadow")]
    [InlineData("*.csv;../*.csv")]
    [InlineData("/etc/*")]
    [InlineData("sub\\*.csv")]
    [InlineData("C:*.csv")]
    [InlineData("..")]
    public void A_pattern_that_is_more_than_a_file_name_glob_is_refused_under_the_pattern_field(string pattern)
    {
        var errors = File(System.Text.Json.JsonSerializer.Serialize(new { folder = "inbox", pattern })).Validate(Check, Folder, Settings);

        var error = Assert.Single(errors);
        Assert.Equal(SourceDraft.PatternField, error.Field);
        Assert.StartsWith("Filnamnsmönstret '", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.csv;*.xlsx")]
    [InlineData("utfall-????.csv")]
    [InlineData("password")]
    [InlineData(" ; *.CSV ")]
    public void A_file_name_glob_is_a_pattern(string pattern) =>
        Assert.Empty(File(System.Text.Json.JsonSerializer.Serialize(new { folder = "inbox", pattern })).Validate(Check, Folder, Settings));

    [Fact]
    public void A_folder_or_pattern_that_is_no_text_is_refused()
    {
        var errors = File("""{"folder": 7, "pattern": ["*.csv"]}""").Validate(Check, Folder, Settings);

        Assert.Equal([SourceDraft.FolderField, SourceDraft.PatternField], errors.Select(e => e.Field));
    }

    [Fact]
    public void Settings_a_run_could_not_read_are_refused_with_the_readers_reason()
    {
        var errors = (Draft with { Settings = """{"kpis": "oläslig"}""" }).Validate(Check, Folder, Settings);

        Assert.Equal((nameof(SourceDraft.Settings), "kolada kan inte läsa dem."), errors.Select(e => (e.Field, e.Message)).Single());
    }

    [Theory]
    [InlineData("""{"kpis": ["N7\u00009"]}""", "kpis[0]")]
    [InlineData("""{"a": {"b\u0000": 1}}""", "a.b")]
    [InlineData("""{"x": "\ud800"}""", "x")]
    public void Settings_with_text_jsonb_cannot_store_are_refused_naming_the_setting(string settings, string where)
    {
        var error = (Draft with { Settings = settings }).Validate(Check, Folder, Settings).Single();

        Assert.Equal(nameof(SourceDraft.Settings), error.Field);
        Assert.StartsWith($"Inställningen '{where}", error.Message, StringComparison.Ordinal);
        Assert.Contains("inte kan sparas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_that_are_no_JSON_are_refused_in_Swedish_with_the_position()
    {
        var error = (Draft with { Settings = """{"kpis": [}""" }).Validate(Check, Folder, Settings).Single();

        Assert.Equal("Inställningarna är inte giltig JSON (rad 1, tecken 11).", error.Message);
    }
}
