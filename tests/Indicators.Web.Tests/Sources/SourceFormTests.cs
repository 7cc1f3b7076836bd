using Indicators.Data.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Sources.Kolada;
using Indicators.Ingestion.Sources.PxWeb;
using Indicators.Web.Sources;

namespace Indicators.Web.Tests.Sources;

/// <summary>The form writes each kind's settings as its reader parses them, and reads them back unchanged.</summary>
public class SourceFormTests
{
    static SourceForm RoundTrip(SourceForm form)
    {
        var (draft, errors) = form.ToDraft();
        Assert.Empty(errors);
        var stored = new SourceDefinition(7, draft.Name, draft.Kind, draft.Cron, draft.FullRefreshCron, draft.TimeZone, draft.Enabled, draft.Settings, false);
        return SourceForm.From(new SourceForEdit(stored, draft.IndicatorIds, "1"));
    }

    [Fact]
    public void Kolada_settings_are_the_chosen_KPIs_areas_and_first_year_as_KoladaSettings_reads_them()
    {
        var form = new SourceForm { Name = "Kolada", Kind = "kolada", KoladaKpis = ["N79224", "N79222"], KoladaAllAreas = false, KoladaAreas = ["0024", "0022", "0000"], KoladaFromYear = 2019 };

        var settings = KoladaSettings.Parse(form.ToDraft().Draft.Settings, "Kolada");

        Assert.Equal(["N79224", "N79222"], settings.Kpis);
        Assert.Equal(["0000", "0022", "0024"], settings.Areas);
        Assert.Equal(2019, settings.FromYear);
        Assert.Equal(["N79224", "N79222"], RoundTrip(form).KoladaKpis);
    }

    [Fact]
    public void All_regions_and_riket_are_the_readers_default_and_are_stored_as_no_areas()
    {
        var settings = KoladaSettings.Parse(new SourceForm { Kind = "kolada", KoladaKpis = ["N79224"] }.ToDraft().Draft.Settings, "Kolada");

        Assert.Null(settings.Areas);
        Assert.Null(settings.FromYear);
    }

    [Fact]
    public void PxWeb_lines_become_the_selection_codelists_and_maps_PxWebSettings_reads()
    {
        var form = new SourceForm
        {
            Name = "Folkmängd", Kind = "pxweb", PxTable = "TAB638",
            PxSelection = "Region: 22, 00\nContentsCode: BE0101N1\n\nTid: TOP(3)",
            PxCodelists = "Region: vs_RegionLän07",
            PxContents = "BE0101N1: FOLKMANGD",
            PxRegionMap = "2281: 2281",
        };

        var settings = PxWebSettings.Parse(form.ToDraft().Draft.Settings, "Folkmängd");
        var query = settings.ToQuery("Folkmängd", []);

        Assert.Equal("TAB638", query.TableId);
        Assert.Equal(["22", "00"], query.Selection.Single(s => s.VariableCode == "Region").ValueCodes);
        Assert.Equal("vs_RegionLän07", query.Selection.Single(s => s.VariableCode == "Region").Codelist);
        Assert.Equal(["TOP(3)"], query.Selection.Single(s => s.VariableCode == "Tid").ValueCodes);
        Assert.Equal("FOLKMANGD", query.ContentsMap["BE0101N1"]);
        Assert.Equal("2281", query.RegionMap["2281"]);
        Assert.Equal("0022", query.RegionMap["22"]);
        Assert.Equal(form.PxSelection.Replace("\n\n", "\n", StringComparison.Ordinal), RoundTrip(form).PxSelection);
    }

    [Fact]
    public void A_PxWeb_line_without_a_colon_and_a_missing_table_are_errors_under_their_fields()
    {
        var (_, errors) = new SourceForm { Kind = "pxweb", PxSelection = "Region: 22\nContentsCode BE0101N1" }.ToDraft();

        Assert.Equal("Ange SCB-tabellens id, till exempel TAB638.", Assert.Single(errors, e => e.Field == nameof(SourceForm.PxTable)).Message);
        Assert.Equal("Urvalet, rad 2: skriv 'namn: värde' (t.ex. 'Region: 22, 24'), inte 'ContentsCode BE0101N1'.",
            Assert.Single(errors, e => e.Field == nameof(SourceForm.PxSelection)).Message);
    }

    [Fact]
    public void A_file_mapping_with_a_fixed_area_drops_the_area_column_as_FileSourceSettings_reads_it()
    {
        var form = new SourceForm
        {
            Name = "Hyrpersonal", Kind = "file", FileIndicatorColumn = "indikator", FilePeriodColumn = "period", FileAreaColumn = "område",
            FileFixedArea = "0022", FileValueColumn = "värde", FileGenderColumn = "kön", FileFolder = "inkorg", FilePattern = "*.csv",
        };

        var settings = FileSourceSettings.Parse(form.ToDraft().Draft.Settings, "Hyrpersonal");

        Assert.Equal("inkorg", settings.Folder);
        Assert.Equal(["*.csv"], settings.Patterns);
        var mapping = settings.EffectiveMapping;
        Assert.Equal(("indikator", "period", null, "0022", "kön", "värde", null), (mapping.IndicatorColumn, mapping.PeriodColumn, mapping.AreaColumn, mapping.FixedAreaCode, mapping.GenderColumn, mapping.ValueColumn, mapping.StatusColumn));
        Assert.Equal(0.10m, mapping.MaxRejectedShare);
        Assert.Equal("0022", RoundTrip(form).FileFixedArea);
    }

    [Fact]
    public void A_file_mapping_without_value_or_area_says_so_in_Swedish()
    {
        var (_, errors) = new SourceForm { Kind = "file", FileValueColumn = " ", FileAreaColumn = null }.ToDraft();

        Assert.Equal(
            [("FileValueColumn", "Ange vilken kolumn som håller värdet."), ("FileAreaColumn", "Ange områdets kolumn, eller ett fast område för hela filen.")],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Theory]
    [InlineData("30 6 * * 1,4", SchedulePick.Weekly)]
    [InlineData("@daily", SchedulePick.Daily)]
    [InlineData("00 06 1 * *", SchedulePick.Monthly)]
    [InlineData("0 5 29 2 *", SchedulePick.Yearly)]
    [InlineData("*/15 * * * *", SchedulePick.Advanced)]
    [InlineData("0 6 L * *", SchedulePick.Advanced)]
    public void A_stored_cron_opens_in_the_picker_when_it_has_a_picker_shape_and_is_saved_back_unchanged(string cron, SchedulePick pick)
    {
        var stored = new SourceDefinition(7, "Källa", "kolada", cron, null, "Europe/Stockholm", true, """{"kpis": ["N79224"]}""", false);
        var form = SourceForm.From(new SourceForEdit(stored, [], "1"));

        Assert.Equal(pick, form.Schedule.Pick);
        Assert.Equal(SchedulePick.None, form.FullRefresh.Pick);
        Assert.Equal(cron, form.ToDraft().Draft.Cron);
        Assert.Null(form.ToDraft().Draft.FullRefreshCron);
    }

    [Fact]
    public void A_changed_pick_writes_its_own_cron_and_switching_to_advanced_carries_it()
    {
        var form = SourceForm.From(new SourceForEdit(new SourceDefinition(7, "Källa", "kolada", "@daily", "0 3 * * 0", "Europe/Stockholm", true, "{}", false), [], "1"));
        form.Schedule.Switch(SchedulePick.Weekly);
        form.Schedule.Weekdays.Add(DayOfWeek.Thursday);
        form.Schedule.Time = "6.30";

        Assert.Equal("30 6 * * 1,4", form.ToDraft().Draft.Cron);
        Assert.Equal("0 3 * * 0", form.ToDraft().Draft.FullRefreshCron);
        form.Schedule.Switch(SchedulePick.Advanced);
        Assert.Equal("30 6 * * 1,4", form.Schedule.Cron);
        form.Schedule.Cron = "0 5 15 3 *";
        form.Schedule.Switch(SchedulePick.Weekly);
        Assert.Equal(SchedulePick.Weekly, form.Schedule.Pick);
        Assert.Equal("05:00", form.Schedule.Time);
    }

    [Fact]
    public void The_pickers_errors_name_the_schedule_and_its_field()
    {
        var form = new SourceForm { Kind = "kolada", KoladaKpis = ["N79224"] };
        form.Schedule.Switch(SchedulePick.Weekly);
        form.Schedule.Weekdays.Clear();
        form.FullRefresh.Switch(SchedulePick.Yearly);
        form.FullRefresh.Day = 31;
        form.FullRefresh.Month = 6;

        var (_, errors) = form.ToDraft();

        Assert.Equal(
            [(nameof(SourceForm.Cron), "Schema – Veckodagar: välj minst en dag."), (nameof(SourceForm.FullRefreshCron), "Fullständig omläsning – Datum: den 31 juni finns inte.")],
            errors.Select(e => (e.Field, e.Message)));
    }
}
