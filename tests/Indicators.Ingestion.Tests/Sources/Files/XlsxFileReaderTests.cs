using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using static Indicators.Ingestion.Tests.Sources.Files.TestFiles;

namespace Indicators.Ingestion.Tests.Sources.Files;

public class XlsxFileReaderTests
{
    static readonly object?[] Header = ["Indikator", "Period", "Område", "Kön", "Värde", "Status"];

    static readonly FileMapping Mapping = new()
    {
        IndicatorColumn = "indikator", PeriodColumn = "period", AreaColumn = "område", GenderColumn = "kön", ValueColumn = "värde", StatusColumn = "status",
    };

    [Fact]
    public void A_workbook_with_a_bad_row_keeps_the_good_rows_and_names_the_bad_one_by_its_Excel_row_number()
    {
        var rows = new List<(int, object?[])> { (1, Header) };
        rows.AddRange(Enumerable.Range(0, 9).Select(i => (i + 2, new object?[] { "Väntetid", 2016 + i, "0022", "T", 79.5, "ok" })));
        // Row 11 left empty, as analysts leave a gap; the bad row is row 12.
        rows.Add((12, ["Väntetid", "2025", "0022", "T", "12,x", "ok"]));
        using var workbook = Xlsx([.. rows]);

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping);

        Assert.Equal(9, result.Rows.Count);
        Assert.Equal(new SourceRow("Väntetid", Period.OfYear(2016), "0022", Gender.T, 79.5m, ObservationStatus.Ok), result.Rows[0]);
        Assert.Equal(new SourceProblem(12, "Värde", "'12,x' är inte ett tal") { Value = "12,x" }, Assert.Single(result.Rejected));
    }

    [Fact]
    public void Numbers_stored_as_numbers_need_no_decimal_mark_and_text_numbers_take_either()
    {
        using var workbook = Xlsx(
            (1, Header),
            (2, ["N1", "2025-T1", "0022", "K", 1234.5, null]),
            (3, ["N1", "2025-T2", "0022", "K", "1 234,5", null]),
            (4, ["N1", "2025-T3", "0022", "K", "1234.5", null]),
            (5, ["N1", "2025", "0022", "K", "..", null]));

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping);

        Assert.Empty(result.Rejected);
        Assert.Equal([1234.5m, 1234.5m, 1234.5m, null], result.Rows.Select(r => r.Value));
        Assert.Equal(ObservationStatus.Missing, result.Rows[3].Status);
    }

    [Fact]
    public void A_header_that_does_not_start_on_row_one_counts_rows_as_Excel_does()
    {
        using var workbook = Xlsx(
            (3, Header),
            (4, ["N1", "2024", "0022", "T", 1, "ok"]),
            (5, ["N1", "2025", "0022", "T", 2, "ok"]),
            (6, ["N1", "2025", "0022", "T", 3, "ok"]));

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping with { MaxRejectedShare = 0.5m });

        Assert.Equal(new SourceProblem(6, null, "samma indikator, period, område och kön som rad 5"), Assert.Single(result.Rejected));
    }

    [Fact]
    public void A_workbook_is_recognised_by_its_content_whatever_its_name_and_its_columns_are_detected()
    {
        using var workbook = Xlsx((1, Header), (2, ["N1", "2025", "0022", "T", 1, "ok"]));

        var format = FileSource.Detect(workbook, "utfall.csv");
        var result = FileSource.Read(workbook, "utfall.csv", Mapping);

        Assert.True(format.IsSpreadsheet);
        Assert.Equal(["Indikator", "Period", "Område", "Kön", "Värde", "Status"], format.Columns);
        Assert.Equal(1m, Assert.Single(result.Rows).Value);
    }

    [Fact]
    public void A_workbook_lacking_a_mapped_column_is_rejected_naming_it()
    {
        using var workbook = Xlsx((1, ["Indikator", "Period", "Värde"]), (2, ["N1", "2025", 1]));

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(workbook, "utfall.xlsx", Mapping));

        Assert.Equal("Kolumnen 'område' (område) saknas i 'utfall.xlsx'. Kolumner som finns: 'Indikator', 'Period', 'Värde'.", error.Message);
    }

    [Fact]
    public void A_file_named_xlsx_that_is_no_workbook_is_rejected_as_such()
    {
        using var file = Text("indicator;period\n");

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(file, "utfall.xlsx", Mapping));

        Assert.Equal("'utfall.xlsx' går inte att läsa som en Excel-arbetsbok (.xlsx).", error.Message);
    }

    /// <summary>Ten data rows (rows 2–11) of N1 for 2016–2025; <paramref name="cell"/> gives the value of the row at <paramref name="row"/>.</summary>
    static MemoryStream TenRows(int row, object cell) => Xlsx([(1, Header),
        .. Enumerable.Range(2, 10).Select(r => (r, new object?[] { "N1", 2014 + r, "0022", "T", r == row ? cell : 79.5, null }))]);

    [Fact]
    public void A_formula_without_a_cached_value_is_a_rejected_row_with_its_reason_never_a_missing_value()
    {
        using var workbook = TenRows(6, Formula("SUM(E2:E5)"));

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping);

        Assert.Equal(9, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal(79.5m, r.Value));
        var problem = Assert.Single(result.Rejected);
        Assert.Equal((6, "Värde"), (problem.Row, problem.Column));
        Assert.StartsWith("formel utan beräknat värde (=SUM(E2:E5))", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_whose_cached_value_is_an_Excel_error_is_a_rejected_row_naming_the_error()
    {
        using var workbook = TenRows(3, ErrorCell("#DIV/0!"));

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping);

        Assert.Equal(9, result.Rows.Count);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal((3, "Värde"), (problem.Row, problem.Column));
        Assert.Equal("cellen innehåller Excel-felet #DIV/0!, inget värde", problem.Reason);
    }

    [Fact]
    public void Formulas_without_cached_values_count_toward_the_rejected_share()
    {
        using var workbook = Xlsx([(1, Header),
            .. Enumerable.Range(2, 10).Select(r => (r, new object?[] { "N1", 2014 + r, "0022", "T", r % 2 == 0 ? Formula("A1*2") : 1, null }))]);

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(workbook, "formler.xlsx", Mapping));

        Assert.StartsWith("5 av 10 datarader i 'formler.xlsx' avvisades", error.Message, StringComparison.Ordinal);
        Assert.Contains("formel utan beräknat värde", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("-1e300")]
    [InlineData("1E+29")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void A_number_the_value_column_cannot_hold_is_a_rejected_row_naming_its_row_and_column(string number)
    {
        using var workbook = TenRows(4, NumberCell(number));

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping);

        Assert.Equal(9, result.Rows.Count);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal((4, "Värde"), (problem.Row, problem.Column));
        Assert.Contains("kan inte lagras", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_NUL_character_in_a_cell_is_a_rejected_row_and_never_reaches_a_message()
    {
        // Excel writes a control character in a string as _xHHHH_; ExcelDataReader turns it back into the character.
        using var workbook = TenRows(5, "7_x0000_9");

        var result = FileSource.Read(workbook, "utfall.xlsx", Mapping);

        Assert.Equal(9, result.Rows.Count);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal((5, "Värde"), (problem.Row, problem.Column));
        Assert.Contains("NUL", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', problem.Reason);
    }

    [Fact]
    public void A_NUL_character_in_a_column_name_never_reaches_the_message_that_names_the_columns()
    {
        using var workbook = Xlsx((1, ["Indikator", "Period", "Omr_x0000_åde", "Kön", "Värde", "Status"]), (2, ["N1", "2025", "0022", "T", 1, "ok"]));

        var error = Assert.Throws<SourceReadException>(() => FileSource.Read(workbook, "utfall.xlsx", Mapping));
        var format = FileSource.Detect(workbook, "utfall.xlsx");

        Assert.StartsWith("Kolumnen 'område' (område) saknas i 'utfall.xlsx'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.Message);
        Assert.All(format.Columns, c => Assert.DoesNotContain('\0', c));
    }
}
