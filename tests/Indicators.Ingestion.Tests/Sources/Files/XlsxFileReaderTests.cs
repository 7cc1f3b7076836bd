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
        Assert.Equal(new SourceProblem(12, "Värde", "'12,x' är inte ett tal"), Assert.Single(result.Rejected));
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
}
