using System.Globalization;
using System.IO.Compression;
using System.Text;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Tests.Runs;
using static Indicators.Ingestion.Tests.Sources.Files.TestFiles;

namespace Indicators.Ingestion.Tests.Sources.Files;

/// <summary>
/// A workbook is a zip of XML, so a small file can describe an enormous sheet. Its size and shape are checked before
/// ExcelDataReader reads it; each test also checks that the refusal itself allocated little (a bounded check: a reader
/// that allocated first would fail the test instead of taking the test host down with it).
/// </summary>
public class XlsxLimitsTests
{
    const long AllocationBudget = 64L * 1024 * 1024;

    static readonly FileMapping Mapping = new() { IndicatorColumn = "indikator", PeriodColumn = "period", AreaColumn = "område", ValueColumn = "värde" };

    static readonly string HeaderRow = Row(1, "indikator", "period", "område", "värde");

    static string Row(int row, params string[] texts) =>
        $"<row r=\"{row}\">" + string.Concat(texts.Select((t, i) => $"<c r=\"{(char)('A' + i)}{row}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")) + "</row>";

    /// <summary>Reads and detects the workbook; both must refuse it, naming the file, and allocate little doing so.</summary>
    static string AssertRefused(MemoryStream workbook, string fileName, FileMapping? mapping = null)
    {
        string? message = null;
        foreach (var read in new Action[] { () => FileSource.Read(workbook, fileName, mapping ?? Mapping), () => FileSource.Detect(workbook, fileName) })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Record.Exception(read);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(error is SourceReadException, $"Expected a SourceReadException, got {error?.GetType().Name ?? "none"}: {error?.Message}");
            Assert.Contains($"'{fileName}'", error!.Message, StringComparison.Ordinal);
            Assert.True(allocated < AllocationBudget, $"Refusing the file allocated {allocated / (1024 * 1024)} MB.");
            message = error.Message;
        }

        return message!;
    }

    [Fact]
    public void A_cell_beyond_Excels_last_column_is_refused_naming_the_file_before_the_width_it_claims_is_allocated()
    {
        using var workbook = Workbook(HeaderRow + "<row r=\"2\"><c r=\"ZZZZZZ2\"><v>1</v></c></row>", []);
        Assert.True(workbook.Length < 2048, $"{workbook.Length} bytes");

        var message = AssertRefused(workbook, "bomb.xlsx");

        Assert.Contains("ZZZZZZ2", message, StringComparison.Ordinal);
        Assert.Contains("16\u00A0384", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_beyond_Excels_last_row_is_refused_before_the_empty_rows_up_to_it_are_walked()
    {
        using var workbook = Workbook(HeaderRow + "<row r=\"2000000000\"><c r=\"A2000000000\"><v>1</v></c></row>", []);

        var message = AssertRefused(workbook, "rader.xlsx");

        Assert.Contains("2\u00A0000\u00A0000\u00A0000", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_whose_text_is_longer_than_Excel_allows_is_refused()
    {
        using var workbook = Workbook(HeaderRow + Row(2, "N1", "2025", "0022", new string('9', 40_000)), []);

        var message = AssertRefused(workbook, "lang.xlsx");

        Assert.Contains("32\u00A0767", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_string_in_thousands_of_pieces_is_refused()
    {
        var pieces = string.Concat(Enumerable.Repeat("<r><t>a</t></r>", 5_000));
        using var workbook = Workbook(HeaderRow + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>", [pieces]);

        AssertRefused(workbook, "bitar.xlsx");
    }

    [Fact]
    public void A_workbook_that_unpacks_to_hundreds_of_times_its_size_is_refused_before_it_is_unpacked()
    {
        // 40 MB of blanks between two rows packs into some 40 KB.
        using var workbook = Workbook(HeaderRow + new string(' ', 40_000_000) + Row(2, "N1", "2025", "0022", "1"), []);
        Assert.True(workbook.Length < 200_000, $"{workbook.Length} bytes");

        var message = AssertRefused(workbook, "zipbomb.xlsx");

        Assert.Contains("packas upp", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_whose_directory_understates_a_parts_size_is_refused_when_the_part_outgrows_it()
    {
        // 2 MB of rows, declared in the zip's central directory as 1 000 bytes.
        var rows = string.Concat(Enumerable.Range(2, 20_000).Select(r => Row(r, "N1", "2025", "0022", r.ToString(CultureInfo.InvariantCulture))));
        using var honest = Workbook(HeaderRow + rows, []);
        using var workbook = new MemoryStream(UnderstateSize(honest.ToArray(), "xl/worksheets/sheet1.xml", 1_000));

        AssertRefused(workbook, "ljuger.xlsx");
    }

    [Fact]
    public void A_zip_of_tens_of_thousands_of_entries_is_refused()
    {
        using var honest = Workbook(HeaderRow + Row(2, "N1", "2025", "0022", "1"), []);
        var stream = new MemoryStream();
        stream.Write(honest.ToArray());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < 20_000; i++)
            {
                zip.CreateEntry($"x/{i}");
            }
        }

        stream.Position = 0;
        AssertRefused(stream, "poster.xlsx");
    }

    public static TheoryData<XlsxLimits, string, string> OverALimit => new()
    {
        { new() { MaxCells = 10 }, "<row r=\"2\">" + string.Concat(Enumerable.Range(0, 12).Select(i => $"<c r=\"{(char)('A' + i)}2\"><v>1</v></c>")) + "</row>", "fler än 10 celler" },
        { new() { MaxRows = 5 }, string.Concat(Enumerable.Range(2, 5).Select(r => Row(r, "N1", "2025", "0022", "1"))), "fler än 5 rader" },
        { new() { MaxSheetArea = 30 }, Row(3, "N1", "2025", "0022", "1") + "<row r=\"4\"><c r=\"H4\"><v>1</v></c></row>", "sträcker sig över 4 rader och 8 kolumner" },
        { new() { MaxCellProblems = 1 }, Row(2, "N1", "2024", "0022") + "<row r=\"2\"><c r=\"D2\"><f>1+1</f></c></row>"
            + Row(3, "N1", "2025", "0022") + "<row r=\"3\"><c r=\"D3\"><f>1+1</f></c></row>", "fler än 1 celler saknar värde" },
    };

    [Theory]
    [MemberData(nameof(OverALimit))]
    public void A_sheet_over_a_limit_is_refused_before_it_is_read(XlsxLimits limits, string rows, string reason)
    {
        using var workbook = Workbook(HeaderRow + rows, []);

        var error = Assert.Throws<SourceReadException>(() => XlsxFileReader.Read(workbook, "gräns.xlsx", Mapping, limits));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("'gräns.xlsx' är för stor för att läsas: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_shared_strings_than_the_limit_are_refused_before_they_are_held()
    {
        using var workbook = Workbook(HeaderRow, ["<t>a</t>", "<t>b</t>", "<t>c</t>"]);

        var error = Assert.Throws<SourceReadException>(() => XlsxFileReader.Read(workbook, "texter.xlsx", Mapping, new XlsxLimits { MaxSharedStrings = 2 }));

        Assert.Contains("fler än 2 olika texter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_without_a_value_is_named_by_its_Excel_row_through_gaps_unnumbered_rows_and_a_row_written_in_two_parts()
    {
        // Rows 3 and (unnumbered, so the next) 4, a gap, then row 7 written as two row elements, the second with the formula.
        var sheet = HeaderRow
            + Row(3, "N1", "2020", "0022", "1").Replace("<row r=\"3\">", "<row r=\"3\">", StringComparison.Ordinal)
            + Row(4, "N1", "2021", "0022", "1").Replace("<row r=\"4\">", "<row>", StringComparison.Ordinal)
            + Row(7, "N1", "2022", "0022")
            + "<row r=\"7\"><c r=\"D7\"><f>SUM(D3:D4)</f></c></row>"
            + string.Concat(Enumerable.Range(8, 8).Select(r => Row(r, "N1", (2015 + r).ToString(CultureInfo.InvariantCulture), "0022", "1")));
        using var workbook = Workbook(sheet, []);

        var result = FileSource.Read(workbook, "luckor.xlsx", Mapping);

        Assert.Equal(10, result.Rows.Count);
        var problem = Assert.Single(result.Rejected);
        Assert.Equal((7, "värde"), (problem.Row, problem.Column));
        Assert.StartsWith("formel utan beräknat värde (=SUM(D3:D4))", problem.Reason, StringComparison.Ordinal);
        Assert.Equal([3, 4, 8, 9, 10, 11, 12, 13, 14, 15], result.RowLines);
    }

    [Fact]
    public async Task An_upload_of_a_workbook_bomb_is_refused_in_Swedish_naming_the_file_and_nothing_is_stored()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into source (name, kind, cron, settings) values ('Egna', 'file', '0 6 * * *',
                '{"mapping": {"indicatorColumn": "indikator", "periodColumn": "period", "areaColumn": "område", "valueColumn": "värde"}}');
            """);
        using var workbook = Workbook(HeaderRow + "<row r=\"2\"><c r=\"ZZZZZZ2\"><v>1</v></c></row>", []);
        var sourceId = await host.SourceIdAsync("Egna");

        var error = await Assert.ThrowsAsync<SourceFileRejectedException>(() =>
            host.Get<SourceFiles>().StoreUploadAsync(sourceId, "bomb.xlsx", workbook, "analytiker", CancellationToken.None));

        Assert.StartsWith("'bomb.xlsx' går inte att läsa", error.Message, StringComparison.Ordinal);
        Assert.Contains("sparades inte", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from source_file"));
    }

    [Fact]
    public async Task A_workbook_bomb_in_the_watched_folder_fails_its_run_naming_the_file_and_leaves_the_stored_data()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id) values ('0022', 'N1', 'Ett', '%', 'higher', 'year', '0022');
            insert into source (name, kind, cron, settings) values ('Egna', 'file', '0 6 * * *',
                '{"folder": "inbox", "mapping": {"indicatorColumn": "indikator", "periodColumn": "period", "areaColumn": "område", "valueColumn": "värde"}}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i;
            """);
        var inbox = Directory.CreateDirectory(Path.Combine(host.DataFolder, "inbox")).FullName;
        var sourceId = await host.SourceIdAsync("Egna");
        await File.WriteAllTextAsync(Path.Combine(inbox, "a.csv"), Lines("indikator;period;område;värde", "N1;2024;0022;5"));
        Assert.Equal("succeeded", (await host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None)).Status);
        using (var workbook = Workbook(HeaderRow + "<row r=\"2\"><c r=\"ZZZZZZ2\"><v>1</v></c></row>", []))
        {
            await File.WriteAllBytesAsync(Path.Combine(inbox, "bomb.xlsx"), workbook.ToArray());
        }

        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.Runner.RunAsync(sourceId, RunTrigger.Scheduled, RunMode.Incremental, CancellationToken.None));

        Assert.Contains("'bomb.xlsx'", error.Message, StringComparison.Ordinal);
        Assert.Equal(["succeeded", "failed"], await host.QueryAsync<string>("select status from ingestion_run order by id"));
        Assert.Equal(["N1|2024|5"], await host.QueryAsync<string>("select concat_ws('|', i.code, o.period, o.value) from observation o join indicator i on i.id = o.indicator_id"));
    }

    [Fact]
    public async Task A_folder_file_larger_than_a_run_reads_fails_the_run_naming_it_without_being_read_into_memory()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into source (name, kind, cron, settings) values ('Egna', 'file', '0 6 * * *', '{"folder": "inbox"}');
            """);
        var inbox = Directory.CreateDirectory(Path.Combine(host.DataFolder, "inbox")).FullName;
        using (var file = File.Create(Path.Combine(inbox, "enorm.csv")))
        {
            // Sparse on Linux: it takes no room on disk.
            file.SetLength(FileSource.MaxFileBytes + 1);
        }

        var sourceId = await host.SourceIdAsync("Egna");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<SourceReadException>(() => host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.StartsWith("'enorm.csv' är större än de 512 MB som en körning läser", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 256L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }

    /// <summary>Rewrites the uncompressed size a zip's central directory and local header give for <paramref name="entry"/>.</summary>
    static byte[] UnderstateSize(byte[] zip, string entry, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x02014b50 && zip.AsSpan(i + 46, Math.Min(name.Length, zip.Length - i - 46)).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
                patched++;
            }
            else if (signature == 0x04034b50 && zip.AsSpan(i + 30, Math.Min(name.Length, zip.Length - i - 30)).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
                patched++;
            }
        }

        Assert.Equal(2, patched);
        return zip;
    }
}
