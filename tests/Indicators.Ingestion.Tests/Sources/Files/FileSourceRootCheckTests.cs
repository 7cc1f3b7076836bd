using Indicators.Ingestion.Sources;
using Indicators.Data.Sources;
using Indicators.Ingestion.Scheduling;
using Indicators.Ingestion.Sources.Files;
using Indicators.Ingestion.Tests.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Ingestion.Tests.Sources.Files;

/// <summary>
/// Sources saved before the roots' rule, or whose folder the roots no longer allow, are switched off at start with the
/// reason and an audit entry; the demo's inbox under the data folder keeps running.
/// </summary>
public class FileSourceRootCheckTests
{
    [Fact]
    public async Task At_start_file_sources_outside_the_roots_are_disabled_with_their_reason_and_audited_and_the_inbox_source_is_not()
    {
        await using var host = await RunnerHost.StartAsync("""
            insert into source (name, kind, cron, settings, is_demo) values
                ('Inkorg', 'file', '0 5 * * *', '{"folder": "inbox", "pattern": "*.csv;*.xlsx"}', true),
                ('Uppladdningar', 'file', '0 5 * * *', '{}', false),
                ('Etc', 'file', '0 5 * * *', '{"folder": "/etc", "pattern": "shadow"}', false),
                ('Uppåt', 'file', '0 5 * * *', '{"folder": "../..", "pattern": "*"}', false),
                ('Mönster', 'file', '0 5 * * *', '{"folder": "inbox", "pattern": "../password"}', false),
                ('Datamappen', 'file', '0 5 * * *', '{"folder": ".", "pattern": "password"}', false),
                ('Redan av', 'file', '0 5 * * *', '{"folder": "/etc"}', false),
                ('Kolada', 'kolada', '0 5 * * *', '{"folder": "/etc"}', false);
            update source set enabled = false where name = 'Redan av';
            """);
        await using var dataSource = NpgsqlDataSource.Create(host.ConnectionString);
        var roots = host.Get<FileRoots>();
        var check = new FileSourceRootCheck(host.Get<SourceQueries>(), new SourceEditor(dataSource, CronSchedule.Check, roots.Check, SourceSettingsShape.Check), roots,
            TimeProvider.System, NullLogger<FileSourceRootCheck>.Instance);

        var disabled = await check.DisableOutsideRootsAsync(CancellationToken.None);
        var again = await check.DisableOutsideRootsAsync(CancellationToken.None);

        Assert.Equal(4, disabled.Count);
        Assert.Empty(again);
        Assert.Equal(
            [("Datamappen", false), ("Etc", false), ("Inkorg", true), ("Kolada", true), ("Mönster", false), ("Redan av", false), ("Uppladdningar", true), ("Uppåt", false)],
            await host.QueryAsync<(string, bool)>("select name, enabled from source order by name"));
        var etc = await host.ScalarAsync<string>("select disabled_reason from source where name = 'Etc'");
        Assert.StartsWith("Avstängd av systemet vid start ", etc, StringComparison.Ordinal);
        Assert.Contains("Mappen '/etc' ligger utanför de mappar som filkällor får läsa", etc, StringComparison.Ordinal);
        Assert.Contains("Filnamnsmönstret '../password'", await host.ScalarAsync<string>("select disabled_reason from source where name = 'Mönster'"), StringComparison.Ordinal);
        Assert.Null(await host.ScalarAsync<string?>("select disabled_reason from source where name = 'Redan av'"));
        Assert.Equal(4, await host.ScalarAsync<int>("select count(*) from audit_log where action = 'disable' and entity = 'source' and user_name = 'system' and after->>'Reason' like 'Avstängd av systemet%'"));
    }
}
