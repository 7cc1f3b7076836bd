using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using static Indicators.Ingestion.Tests.Sources.Files.TestFiles;

namespace Indicators.Ingestion.Tests.Sources.Files;

public class CsvFileReaderTests
{
    [Fact]
    public void The_regions_own_semicolon_file_with_decimal_commas_is_read_row_by_row()
    {
        using var file = Text(Lines(
            RegionHeader,
            "N79173;2019;0000;T;79,5;ok",
            "N79173;2019-T2;0022;K;1 234,5;ok",
            "N79173;2019;0022;M;1\u00A0234\u202F567,25;",
            "N79173;2019;0023;T;-3,5;ok"));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Empty(result.Rejected);
        Assert.Equal(
            [
                new SourceRow("N79173", Period.OfYear(2019), "0000", Gender.T, 79.5m, ObservationStatus.Ok),
                new SourceRow("N79173", Period.OfTertial(2019, 2), "0022", Gender.K, 1234.5m, ObservationStatus.Ok),
                new SourceRow("N79173", Period.OfYear(2019), "0022", Gender.M, 1234567.25m, ObservationStatus.Ok),
                new SourceRow("N79173", Period.OfYear(2019), "0023", Gender.T, -3.5m, ObservationStatus.Ok),
            ],
            result.Rows);
    }

    [Fact]
    public void A_Windows_1252_file_with_decimal_commas_is_read_with_its_å_ä_ö_intact()
    {
        using var file = Text(Lines(
            "indikator;år;område;värde",
            "Väntetid åtgärd;2024;Örebro län;12,5",
            "Väntetid åtgärd;2025;Örebro län;11,75"), Windows1252);
        var mapping = new FileMapping { IndicatorColumn = "Indikator", PeriodColumn = "ÅR", AreaColumn = "område", ValueColumn = "värde" };

        var format = FileSource.Detect(file, "väntetider.csv");
        var result = FileSource.Read(file, "väntetider.csv", mapping);

        Assert.Equal((DetectedFormat.Windows1252, ';', true), (format.Encoding, format.Delimiter, format.DecimalComma));
        Assert.Equal(["indikator", "år", "område", "värde"], format.Columns);
        Assert.Equal(2, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal(("Väntetid åtgärd", "Örebro län"), (r.IndicatorCode, r.AreaCode)));
        Assert.Equal([12.5m, 11.75m], result.Rows.Select(r => r.Value));
    }

    [Fact]
    public void A_UTF_8_file_with_a_BOM_keeps_the_BOM_out_of_the_first_column_name()
    {
        using var file = Text(Lines(RegionHeader, "Nöjdhet;2025-Q3;0022;T;80,1;ok"), bom: true);

        var format = FileSource.Detect(file, "utfall.csv");
        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal(DetectedFormat.Utf8WithBom, format.Encoding);
        Assert.Equal("indicator", format.Columns[0]);
        Assert.Equal("Nöjdhet", Assert.Single(result.Rows).IndicatorCode);
    }

    [Fact]
    public void An_Excel_Unicode_text_export_in_UTF_16_with_tabs_is_read()
    {
        using var file = Text("indicator\tperiod\tarea\tvalue\r\nÅterinläggning\t2025\t0022\t7,25\r\n", new System.Text.UnicodeEncoding(false, true), bom: true);

        var format = FileSource.Detect(file, "unicode.txt");
        var result = FileSource.Read(file, "unicode.txt", new FileMapping());

        Assert.Equal((DetectedFormat.Utf16, '\t', true), (format.Encoding, format.Delimiter, format.DecimalComma));
        Assert.Equal(("Återinläggning", 7.25m), (Assert.Single(result.Rows).IndicatorCode, result.Rows[0].Value));
    }

    [Fact]
    public void A_UTF_8_file_whose_first_non_ASCII_byte_is_far_down_is_not_mistaken_for_Windows_1252()
    {
        var lines = new List<string> { "indicator;period;area;value" };
        lines.AddRange(Enumerable.Range(0, 5000).Select(i => $"N{i};2025;0022;{i},5"));
        lines.Add("Överlevnad;2025;0022;1,5");
        using var file = Text(Lines([.. lines]));

        var result = FileSource.Read(file, "stor.csv", new FileMapping());

        Assert.Equal(DetectedFormat.Utf8, FileSource.Detect(file, "stor.csv").Encoding);
        Assert.Equal("Överlevnad", result.Rows[^1].IndicatorCode);
    }

    [Fact]
    public void A_tab_separated_file_is_detected_and_read()
    {
        using var file = Text("indicator\tperiod\tarea\tvalue\nN1\t2025-08\t0022\t4,5\nN1\t2025-09\t0022\t5\n");

        var format = FileSource.Detect(file, "export.txt");
        var result = FileSource.Read(file, "export.txt", new FileMapping());

        Assert.Equal(('\t', true), (format.Delimiter, format.DecimalComma));
        Assert.Equal([4.5m, 5m], result.Rows.Select(r => r.Value));
        Assert.Equal(Period.OfMonth(2025, 8), result.Rows[0].Period);
    }

    [Fact]
    public void A_comma_separated_file_with_decimal_points_is_detected_and_read()
    {
        using var file = Text("indicator,period,area,value\nN1,2024,0022,4.5\nN1,2025,0022,1234.25\n");

        var format = FileSource.Detect(file, "scb.csv");
        var result = FileSource.Read(file, "scb.csv", new FileMapping());

        Assert.Equal((',', false), (format.Delimiter, format.DecimalComma));
        Assert.Equal([4.5m, 1234.25m], result.Rows.Select(r => r.Value));
    }

    [Fact]
    public void Quoted_fields_may_hold_delimiters_doubled_quotes_and_line_breaks_and_lines_are_still_counted_right()
    {
        using var file = Text(
            "indicator,period,area,value\r\n"
            + "\"Andel, %\",2025,0022,\"12,5\"\r\n"
            + "\"Svar \"\"bra\"\"\nfler rader\",2025,0022,\"3,5\"\r\n"
            + "N1,2025,0022,x\r\n");

        var format = FileSource.Detect(file, "citat.csv");
        var result = FileSource.Read(file, "citat.csv", new FileMapping { MaxRejectedShare = 0.5m });

        Assert.Equal((',', true), (format.Delimiter, format.DecimalComma));
        Assert.Equal(["Andel, %", "Svar \"bra\"\nfler rader"], result.Rows.Select(r => r.IndicatorCode));
        Assert.Equal([12.5m, 3.5m], result.Rows.Select(r => r.Value));
        Assert.Equal(new SourceProblem(5, "value", "'x' är inte ett tal") { Value = "x" }, Assert.Single(result.Rejected));
    }

    [Fact]
    public void A_header_without_a_mapped_column_rejects_the_file_naming_the_column_and_the_columns_found()
    {
        using var file = Text(Lines("indicator;period;region;value", "N1;2025;0022;1"));

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(file, "utfall.csv", new FileMapping()));

        Assert.Equal("Kolumnen 'area' (område) saknas i 'utfall.csv'. Kolumner som finns: 'indicator', 'period', 'region', 'value'.", error.Message);
    }

    [Fact]
    public void A_fixed_indicator_and_area_stand_in_for_columns_the_file_lacks()
    {
        using var file = Text(Lines("period;kön;värde", "2025;K;1,5", "2025;M;2,5"));
        var mapping = new FileMapping
        {
            FixedIndicatorCode = "U00001", FixedAreaCode = "0022", GenderColumn = "kön", ValueColumn = "värde",
        };

        var result = FileSource.Read(file, "en-indikator.csv", mapping);

        Assert.Equal(
            [
                new SourceRow("U00001", Period.OfYear(2025), "0022", Gender.K, 1.5m, ObservationStatus.Ok),
                new SourceRow("U00001", Period.OfYear(2025), "0022", Gender.M, 2.5m, ObservationStatus.Ok),
            ],
            result.Rows);
    }

    [Fact]
    public void A_non_numeric_value_rejects_the_row_with_its_line_and_column_and_keeps_the_others()
    {
        var lines = new List<string> { RegionHeader };
        lines.AddRange(Enumerable.Range(2010, 10).Select(y => $"N1;{y};0022;T;1,5;ok"));
        lines.Insert(4, "N1;2009;0022;T;12,x;ok");
        using var file = Text(Lines([.. lines]));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal(10, result.Rows.Count);
        Assert.Equal(new SourceProblem(5, "value", "'12,x' är inte ett tal") { Value = "12,x" }, Assert.Single(result.Rejected));
    }

    [Theory]
    [InlineData("N1;2025-13;0022;T;1;ok", "period", "'2025-13' är ingen period (t.ex. 2025, 2025-T2, 2025-Q3, 2025-08 eller 2025-JA)")]
    [InlineData("N1;2025;0022;X;1;ok", "gender", "'X' är inget kön (T, K eller M)")]
    [InlineData(";2025;0022;T;1;ok", "indicator", "indikatorn saknas")]
    [InlineData("N1;2025; ;T;1;ok", "area", "området saknas")]
    [InlineData("N1;2025;0022;T;1;hemligt", "status", "'hemligt' är ingen status (ok, missing, suppressed, not_published eller retracted)")]
    [InlineData("N1;2025;0022;T;1,5;suppressed", "status", "status 'suppressed' men värdet 1,5 finns; bara status ok har ett värde")]
    [InlineData("N1;2025;0022;T;1", null, "raden har 5 fält men rubrikraden har 6 (avgränsare ';')")]
    public void A_row_that_breaks_a_rule_is_rejected_with_a_Swedish_reason(string badRow, string? column, string reason)
    {
        var lines = new List<string> { RegionHeader, badRow };
        lines.AddRange(Enumerable.Range(2010, 9).Select(y => $"N1;{y};0022;T;1,5;ok"));
        using var file = Text(Lines([.. lines]));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal(9, result.Rows.Count);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal(new SourceProblem(2, column, reason), problem with { Value = null });
        // The cell the problem is about, as the file had it: what a quarantined file's page lists.
        string[] columns = ["indicator", "period", "area", "gender", "value", "status"];
        Assert.Equal(column is null ? null : badRow.Split(';')[Array.IndexOf(columns, column)].Trim(), problem.Value?.Trim());
    }

    [Theory]
    [InlineData("N1;2025;0022;T;1\u00009;ok", "value")]
    [InlineData("N1;2025;00\u000022;T;1;ok", "area")]
    [InlineData("N\u00001;2025;0022;T;1;ok", "indicator")]
    [InlineData("N1;2025;0022;T;1;o\u0000k", "status")]
    [InlineData("N1;2025\u0000;0022;T;1;ok", "period")]
    [InlineData("N1;2025;0022;T\u0000;1;ok", "gender")]
    public void A_NUL_character_in_any_mapped_field_rejects_the_row_and_never_reaches_its_reason(string badRow, string column)
    {
        var lines = new List<string> { RegionHeader, badRow };
        lines.AddRange(Enumerable.Range(2010, 9).Select(y => $"N1;{y};0022;T;1,5;ok"));
        using var file = Text(Lines([.. lines]));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal(9, result.Rows.Count);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal((2, column), (problem.Row, problem.Column));
        Assert.Contains("tecknet NUL", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', problem.Reason);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("123456789012345678901234567890")]
    public void A_number_the_value_column_cannot_hold_is_rejected_as_such(string value)
    {
        var lines = new List<string> { RegionHeader, $"N1;2025;0022;T;{value};ok" };
        lines.AddRange(Enumerable.Range(2010, 9).Select(y => $"N1;{y};0022;T;1,5;ok"));
        using var file = Text(Lines([.. lines]));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        var problem = Assert.Single(result.Rejected);
        Assert.Equal((2, "value"), (problem.Row, problem.Column));
        Assert.StartsWith($"'{value}' kan inte lagras", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_longer_than_a_cell_can_be_rejects_its_row_and_is_never_held_or_quoted_whole()
    {
        var lines = new List<string> { RegionHeader, $"N1;2025;0022;T;{new string('9', 1_000_000)};ok" };
        lines.AddRange(Enumerable.Range(2010, 9).Select(y => $"N1;{y};0022;T;1,5;ok"));
        using var file = Text(Lines([.. lines]));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(9, result.Rows.Count);
        Assert.Equal(new SourceProblem(2, null, "ett fält är längre än de 32\u00A0767 tecken som ett fält kan ha"), Assert.Single(result.Rejected));
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated / 1024} kB");
    }

    [Fact]
    public void A_repeated_row_is_rejected_naming_the_line_it_repeats()
    {
        using var file = Text(Lines(
            RegionHeader,
            "N1;2025;0022;T;1,5;ok",
            "N1;2025;0022;K;1,5;ok",
            "N1;2025;0023;T;1,5;ok",
            "N1;2025-T3;0022;T;1,5;ok",
            "N2;2025;0022;T;1,5;ok",
            "N2;2024;0022;T;1,5;ok",
            "N2;2023;0022;T;1,5;ok",
            "N2;2022;0022;T;1,5;ok",
            "N2;2021;0022;T;1,5;ok",
            "n1;2025;0022;t;2;ok"));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        // Codes are compared as written ("n1" is not "N1"); the gender is a code, so "t" is T.
        Assert.Equal(10, result.Rows.Count);
        using var again = Text(Lines(RegionHeader, "N1;2025;0022;T;1,5;ok", "N1;2025;0022;K;1,5;ok", "N1;2025;0022;T;2;ok"));
        var repeated = FileSource.Read(again, "utfall.csv", FileMapping.RegionFile with { MaxRejectedShare = 0.5m });
        Assert.Equal(new SourceProblem(4, null, "samma indikator, period, område och kön som rad 2"), Assert.Single(repeated.Rejected));
        Assert.Equal([1.5m, 1.5m], repeated.Rows.Select(r => r.Value));
    }

    [Fact]
    public void More_rejected_rows_than_the_allowed_share_reject_the_whole_file_listing_the_first_problems()
    {
        var lines = new List<string> { RegionHeader };
        lines.AddRange(Enumerable.Range(2010, 8).Select(y => $"N1;{y};0022;T;1,5;ok"));
        lines.Add("N1;2025;0022;T;abc;ok");
        lines.Add("N1;2026;0022;Q;1;ok");
        using var file = Text(Lines([.. lines]));

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(file, "utfall.csv", FileMapping.RegionFile));

        Assert.Equal(
            "2 av 10 datarader i 'utfall.csv' avvisades, fler än de 10 % som tillåts; inget lästes in. "
            + "Första problemen: rad 10, kolumn 'value': 'abc' är inte ett tal; rad 11, kolumn 'gender': 'Q' är inget kön (T, K eller M)",
            error.Message);
    }

    [Fact]
    public void Exactly_the_allowed_share_of_rejected_rows_keeps_the_good_rows()
    {
        var lines = new List<string> { RegionHeader };
        lines.AddRange(Enumerable.Range(2010, 9).Select(y => $"N1;{y};0022;T;1,5;ok"));
        lines.Add("N1;2025;0022;T;abc;ok");
        using var file = Text(Lines([.. lines]));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal((9, 1), (result.Rows.Count, result.Rejected.Count));
    }

    [Fact]
    public void A_file_with_no_valid_row_is_rejected_even_under_a_lenient_share()
    {
        using var file = Text(Lines(RegionHeader, "N1;2025;0022;T;abc;ok"));

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(file, "utfall.csv", FileMapping.RegionFile with { MaxRejectedShare = 1m }));

        Assert.StartsWith("1 av 1 datarad i 'utfall.csv' avvisades", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_only_a_header_is_rejected()
    {
        using var file = Text(Lines(RegionHeader, ";;;;;", ""));

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(file, "utfall.csv", FileMapping.RegionFile));

        Assert.Equal("'utfall.csv' har inga datarader under rubrikraden.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("-")]
    [InlineData(" .. ")]
    public void A_missing_value_marker_becomes_null_with_status_Missing_never_zero(string marker)
    {
        using var file = Text(Lines(RegionHeader, $"N1;2025;0022;T;{marker};", $"N1;2024;0022;T;{marker};ok", "N1;2023;0022;T;0;ok"));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal(
            [(null, ObservationStatus.Missing), (null, ObservationStatus.Missing), (0m, ObservationStatus.Ok)],
            result.Rows.Select(r => (r.Value, r.Status)));
    }

    [Fact]
    public void A_status_without_a_value_is_kept_as_the_source_gave_it()
    {
        using var file = Text(Lines(RegionHeader, "N1;2025;0022;T;..;suppressed", "N1;2024;0022;T;;Ännu inte publicerat"));

        var result = FileSource.Read(file, "utfall.csv", FileMapping.RegionFile);

        Assert.Equal([ObservationStatus.Suppressed, ObservationStatus.NotPublished], result.Rows.Select(r => r.Status));
        Assert.All(result.Rows, r => Assert.Null(r.Value));
    }

    [Fact]
    public void A_quote_that_is_never_closed_rejects_its_row_with_the_line_it_starts_on()
    {
        using var file = Text("indicator;period;area;value\nN1;2024;0022;1\nN1;2025;0022;\"2\nN1;2026;0022;3\n");

        var result = FileSource.Read(file, "citat.csv", new FileMapping { MaxRejectedShare = 0.5m });

        Assert.Equal(Period.OfYear(2024), Assert.Single(result.Rows).Period);
        Assert.Equal(3, Assert.Single(result.Rejected).Row);
    }

    [Fact]
    public void A_format_corrected_by_an_analyst_is_read_as_given()
    {
        // Decimal points in a semicolon file: detection guesses from the values, the analyst may know better.
        using var file = Text(Lines("indicator;period;area;value", "N1;2025;0022;1.234"));

        var result = CsvFileReader.Read(file, "utfall.csv", new FileMapping(), new DetectedFormat(DetectedFormat.Utf8, ';', false, []));

        Assert.Equal(1.234m, Assert.Single(result.Rows).Value);
    }
}
