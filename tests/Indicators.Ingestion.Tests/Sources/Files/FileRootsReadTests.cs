using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Tests.Runs;

namespace Indicators.Ingestion.Tests.Sources.Files;

/// <summary>
/// A file source reads only inside the roots an administrator configured (here the host's data folder): not an absolute
/// path elsewhere, not a "../" out of the root, not through a symlinked folder or file, not by a pattern with a path,
/// not the data folder's own files (the embedded database's password), and a file that is no table is never quoted.
/// </summary>
public sealed class FileRootsReadTests : IAsyncLifetime
{
    const string Secret = "s3cret-pw-4711";

    /// <summary>A folder beside the data folder (both under /var/tmp), with a well-formed CSV a source could read.</summary>
    readonly string outside = Path.Combine("/var/tmp", $"indicators-outside-{Guid.NewGuid():N}");

    RunnerHost host = default!;

    string Inbox => Path.Combine(host.DataFolder, "inbox");

    public async Task InitializeAsync()
    {
        host = await RunnerHost.StartAsync("""
            insert into indicator (area_id, code, name, unit, direction, frequency, primary_area_id) values
                ('0022', 'HYR', 'Hyrpersonal', '%', 'lower', 'month', '0022');
            """);
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(outside);
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.csv"), TestFiles.Lines("indicator;period;area;value", "HYR;2025-01;0022;99"));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(outside, recursive: true);
    }

    async Task<int> Source(string settings)
    {
        var name = $"Fil {Guid.NewGuid():N}";
        await TestSupport.TestPostgres.ExecuteAsync(host.ConnectionString, $"""
            insert into source (name, kind, cron, settings) values ('{name}', 'file', '0 6 * * *', '{settings.Replace("'", "''", StringComparison.Ordinal)}');
            insert into source_indicator (source_id, indicator_id) select s.id, i.id from source s, indicator i where s.name = '{name}';
            """);
        return await host.SourceIdAsync(name);
    }

    Task<RunResult> Run(int sourceId) => host.Runner.RunAsync(sourceId, RunTrigger.Manual, RunMode.Incremental, CancellationToken.None);

    static string Json(string folder, string? pattern = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { folder, pattern });

    async Task AssertNothingRead()
    {
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from observation"));
        Assert.Equal(0, await host.ScalarAsync<int>("select count(*) from source_file"));
    }

    [Fact]
    public async Task A_folder_given_as_an_absolute_path_outside_the_roots_is_refused_and_nothing_is_read()
    {
        var sourceId = await Source(Json(outside));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.Contains("utanför de mappar som filkällor får läsa", error.Message, StringComparison.Ordinal);
        await AssertNothingRead();
    }

    [Fact]
    public async Task A_folder_that_climbs_out_of_the_root_with_dot_dot_is_refused()
    {
        var sourceId = await Source(Json($"../{Path.GetFileName(outside)}"));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.Contains("utanför de mappar som filkällor får läsa", error.Message, StringComparison.Ordinal);
        await AssertNothingRead();
    }

    [Fact]
    public async Task A_folder_inside_the_root_that_is_a_symlink_to_a_folder_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(host.DataFolder, "share"), outside);
        var sourceId = await Source(Json("share"));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.Contains("utanför de mappar som filkällor får läsa", error.Message, StringComparison.Ordinal);
        await AssertNothingRead();
    }

    [Fact]
    public async Task A_file_in_the_folder_that_is_a_symlink_to_a_file_outside_is_not_read_and_the_run_says_so()
    {
        File.CreateSymbolicLink(Path.Combine(Inbox, "link.csv"), Path.Combine(outside, "secret.csv"));
        await File.WriteAllTextAsync(Path.Combine(Inbox, "real.csv"), TestFiles.Lines("indicator;period;area;value", "HYR;2025-02;0022;4,5"));
        var sourceId = await Source(Json("inbox"));

        var result = await Run(sourceId);

        Assert.Equal([("2025-02", 4.5m)], await host.QueryAsync<(string, decimal)>("select period, value from observation"));
        Assert.Contains(result.Problems, p => p.Reason.Contains("'link.csv'", StringComparison.Ordinal)
            && p.Reason.Contains("utanför de mappar som filkällor får läsa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_in_the_folder_that_is_a_symlink_to_the_databases_password_is_not_read()
    {
        await File.WriteAllTextAsync(Path.Combine(host.DataFolder, "password"), Secret + "\n");
        File.CreateSymbolicLink(Path.Combine(Inbox, "password.csv"), "../password");
        var sourceId = await Source(Json("inbox"));

        var result = await Run(sourceId);

        Assert.Contains(result.Problems, p => p.Reason.StartsWith("'password.csv' i den bevakade mappen är en länk", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, await host.ScalarAsync<string>("select coalesce(string_agg(coalesce(message, '') || problems::text, ' '), '') from ingestion_run"), StringComparison.Ordinal);
        await AssertNothingRead();
    }

    [Fact]
    public async Task A_pattern_with_a_path_is_refused_and_reads_nothing_outside()
    {
        var sourceId = await Source(Json("inbox", $"../../{Path.GetFileName(outside)}/*.csv"));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.Contains("Filnamnsmönstret", error.Message, StringComparison.Ordinal);
        await AssertNothingRead();
    }

    [Fact]
    public async Task The_data_folder_itself_with_the_embedded_databases_password_file_is_never_a_watched_folder()
    {
        await File.WriteAllTextAsync(Path.Combine(host.DataFolder, "password"), Secret + "\n");
        var sourceId = await Source(Json(".", "password"));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("datamappen", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await host.ScalarAsync<string>("select coalesce(string_agg(message || problems::text, ' '), '') from ingestion_run"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_no_table_fails_its_run_without_its_content_in_any_message()
    {
        await File.WriteAllTextAsync(Path.Combine(Inbox, "password"), Secret + "\n");
        await File.WriteAllTextAsync(Path.Combine(Inbox, "shadow"), $"root:$6${Secret}:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n");
        var sourceId = await Source(Json("inbox", "password;shadow"));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root", error.Message, StringComparison.Ordinal);
        Assert.Contains("ingen tabell", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await host.ScalarAsync<string>("select coalesce(string_agg(message || problems::text, ' '), '') from ingestion_run"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_columns_a_message_lists_are_bounded_and_free_of_control_characters()
    {
        var header = string.Join(";", Enumerable.Range(1, 10_000).Select(i => $"kolumn{i}")) + ";\u0007" + new string('x', 5000);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "bred.csv"), TestFiles.Lines(header, string.Join(";", Enumerable.Repeat("1", 10_002))));
        var sourceId = await Source(Json("inbox"));

        var error = await Assert.ThrowsAsync<SourceReadException>(() => Run(sourceId));

        Assert.Contains("'kolumn1', 'kolumn2'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1500, $"{error.Message.Length} characters");
        Assert.DoesNotContain('\u0007', error.Message);
    }

    [Fact]
    public async Task The_folder_scanner_never_looks_outside_the_roots()
    {
        await Source(Json(outside));
        await Source(Json("inbox", $"../../{Path.GetFileName(outside)}/*.csv"));
        var scanner = host.Get<FolderScanner>();

        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
        Assert.Empty(await scanner.PollAsync(CancellationToken.None));
    }
}
