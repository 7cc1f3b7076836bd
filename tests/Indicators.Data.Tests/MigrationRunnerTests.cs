using Dapper;
using Indicators.Data.Migrations;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests;

public class MigrationRunnerTests
{
    static MigrationRunner Runner(NpgsqlDataSource dataSource, IReadOnlyList<MigrationScript>? scripts = null) =>
        new(dataSource, scripts ?? MigrationScript.Embedded(), NullLogger<MigrationRunner>.Instance);

    [Fact]
    public void The_embedded_migrations_are_the_files_of_sql_in_version_order()
    {
        var embedded = MigrationScript.Embedded();
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "sql"), "V*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, embedded.Select(s => s.Name));
        Assert.Equal(embedded.Select(s => s.Version).Order(), embedded.Select(s => s.Version));
    }

    [Fact]
    public async Task All_migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());

        var first = await Runner(dataSource).MigrateAsync();
        var journalAfterFirst = await Journal(dataSource);
        var second = await Runner(dataSource).MigrateAsync();

        Assert.Equal(MigrationScript.Embedded().Select(s => s.Name), first);
        Assert.Empty(second);
        Assert.Equal(journalAfterFirst, await Journal(dataSource));
    }

    [Fact]
    public async Task Two_migrators_starting_together_apply_each_file_once()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var one = NpgsqlDataSource.Create(connectionString);
        await using var two = NpgsqlDataSource.Create(connectionString);

        var results = await Task.WhenAll(Task.Run(() => Runner(one).MigrateAsync()), Task.Run(() => Runner(two).MigrateAsync()));

        var applied = results.SelectMany(r => r).ToList();
        Assert.Equal(MigrationScript.Embedded().Count, applied.Count);
        Assert.Equal(applied.Count, applied.Distinct().Count());
        Assert.Equal(MigrationScript.Embedded().Count, (await Journal(one)).Count);
    }

    [Fact]
    public async Task An_applied_file_that_was_edited_stops_the_start_naming_the_file()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        var scripts = new[] { new MigrationScript("V0001__first.sql", "create table first_table (id int)") };
        await Runner(dataSource, scripts).MigrateAsync();

        var edited = new[] { new MigrationScript("V0001__first.sql", "create table first_table (id bigint)") };
        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(dataSource, edited).MigrateAsync());

        Assert.Contains("V0001__first.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ändrats", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_endings_alone_do_not_count_as_an_edit()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        await Runner(dataSource, [new MigrationScript("V0001__first.sql", "create table a (id int);\ncreate table b (id int);\n")]).MigrateAsync();

        var applied = await Runner(dataSource, [new MigrationScript("V0001__first.sql", "create table a (id int);\r\ncreate table b (id int);\r\n")]).MigrateAsync();

        Assert.Empty(applied);
    }

    [Fact]
    public async Task A_failing_file_is_rolled_back_whole_and_named_with_the_error()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateEmptyDatabaseAsync());
        MigrationScript[] scripts =
        [
            new("V0001__good.sql", "create table good (id int)"),
            new("V0002__bad.sql", "create table half_made (id int);\ninsert into no_such_table values (1);"),
            new("V0003__later.sql", "create table later (id int)"),
        ];

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(dataSource, scripts).MigrateAsync());

        Assert.Contains("V0002__bad.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>("select table_name::text from information_schema.tables where table_schema = 'public'")).ToList();
        Assert.Contains("good", tables);
        Assert.DoesNotContain("half_made", tables);
        Assert.DoesNotContain("later", tables);
        Assert.Equal([1], await connection.QueryAsync<int>("select version from schema_migrations"));
    }

    [Fact]
    public void Two_files_with_the_same_version_are_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationScript.Ordered(
            [new("V0001__a.sql", "select 1"), new("V0001__b.sql", "select 1")]));

        Assert.Contains("V0001__a.sql", error.Message, StringComparison.Ordinal);
    }

    static async Task<List<(int Version, string Checksum)>> Journal(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(int, string)>("select version, checksum from schema_migrations order by version")).ToList();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Indicators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Indicators.sln not found above the test output.");
    }
}
