using Indicators.Ingestion.Sources;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources.Files;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Data.Tests;

/// <summary>
/// Saving a file source: its watched folder must stay inside the configured roots (after symlinks) and its pattern must
/// be a file-name glob; otherwise nothing is saved and the Swedish reason lands under the field.
/// </summary>
public sealed class SourceEditorFileRootsTests : IDisposable
{
    static readonly Actor Alva = new("alva", "127.0.0.1");

    readonly TestFolder root = new();
    readonly string outside = Path.Combine("/var/tmp", $"indicators-outside-{Guid.NewGuid():N}");

    public SourceEditorFileRootsTests()
    {
        Directory.CreateDirectory(Path.Combine(root.Path, "inbox"));
        Directory.CreateDirectory(outside);
    }

    public void Dispose()
    {
        root.Dispose();
        Directory.Delete(outside, recursive: true);
    }

    static SourceDraft FileSource(string folder, string? pattern = null) =>
        new("Ekonomisystemet", "file", "0 6 * * *", null, "Europe/Stockholm", true,
            System.Text.Json.JsonSerializer.Serialize(new { folder, pattern }), []);

    async Task<(SourceEditor Editor, NpgsqlDataSource DataSource)> SetUpAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        return (new SourceEditor(dataSource, CronSchedule.Check, new FileRoots(new FileSourceOptions(root.Path, TimeSpan.Zero, 1)).Check, SourceSettingsShape.Check), dataSource);
    }

    async Task AssertRefused(SourceDraft draft, string field, string expected)
    {
        var (editor, dataSource) = await SetUpAsync();
        await using var _ = dataSource;

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => editor.CreateAsync(draft, Alva));

        Assert.Contains(expected, Assert.Single(refused.Errors, e => e.Field == field).Message, StringComparison.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from source"));
    }

    [Fact]
    public Task An_absolute_folder_outside_the_roots_is_refused_under_the_folder_field() =>
        AssertRefused(FileSource(outside), "FileFolder", "utanför de mappar som filkällor får läsa");

    [Fact]
    public Task A_folder_that_climbs_out_with_dot_dot_is_refused() =>
        AssertRefused(FileSource($"inbox/../../{Path.GetFileName(outside)}"), "FileFolder", "utanför de mappar som filkällor får läsa");

    [Fact]
    public Task A_symlinked_folder_that_leads_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(root.Path, "share"), outside);
        return AssertRefused(FileSource("share"), "FileFolder", "utanför de mappar som filkällor får läsa");
    }

    [Fact]
    public Task The_data_folder_itself_is_refused() =>
        AssertRefused(FileSource(".", "password"), "FileFolder", "datamappen");

    [Fact]
    public Task A_pattern_with_a_path_is_refused_under_the_pattern_field() =>
        AssertRefused(FileSource("inbox", "*.csv;../*.csv"), "FilePattern", "Filnamnsmönstret '../*.csv'");

    [Fact]
    public async Task A_folder_inside_the_root_and_a_plain_pattern_are_saved()
    {
        var (editor, dataSource) = await SetUpAsync();
        await using var _ = dataSource;

        var id = await editor.CreateAsync(FileSource("inbox", "*.csv;utfall-??.xlsx"), Alva);

        Assert.NotNull(await editor.LoadAsync(id));
    }
}
