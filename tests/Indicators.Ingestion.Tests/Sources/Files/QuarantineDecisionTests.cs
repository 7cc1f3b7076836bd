using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Ingestion.Sources.Files;
using Indicators.TestSupport;

namespace Indicators.Ingestion.Tests.Sources.Files;

/// <summary>An analyst's decision on a quarantined file: read its approved rows anyway, or discard it — both audited.</summary>
public class QuarantineDecisionTests
{
    const string Analyst = """
        with u as (insert into app_user (user_name, display_name) values ('analytiker', 'Ann Analytiker') returning id)
        insert into user_role (user_id, role) select id, 'Analytiker' from u;
        with u as (insert into app_user (user_name, display_name) values ('ledning', 'Leif Ledning') returning id)
        insert into user_role (user_id, role) select id, 'Ledning' from u;
        """;

    static readonly Actor Ann = new("analytiker", "127.0.0.1");

    [Fact]
    public async Task Reading_a_quarantined_upload_anyway_stores_only_its_approved_rows_and_is_audited()
    {
        var (host, sourceId, _) = await QuarantineTests.Start();
        await using var _ = host;
        await TestPostgres.ExecuteAsync(host.ConnectionString, Analyst);
        var bad = await host.Get<SourceFiles>().StoreUploadAsync(sourceId, "trasig.csv", TestFiles.Text(QuarantineTests.BadFile), "analytiker", CancellationToken.None);
        await Assert.ThrowsAsync<FileQuarantinedException>(() => QuarantineTests.Run(host, sourceId));
        var editor = host.Get<SourceFileEditor>();

        // Someone without the right is refused in the store, not only on the page.
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.ReadAnywayAsync(sourceId, bad.Id, new Actor("ledning", null)));
        await editor.ReadAnywayAsync(sourceId, bad.Id, Ann);
        var run = await QuarantineTests.Run(host, sourceId);

        Assert.Equal(4, run.Counts.Inserted);
        Assert.Equal(["2025-01", "2025-02", "2025-04", "2025-05"], await host.QueryAsync<string>("select period from observation order by period"));
        Assert.Equal((run.RunId, "analytiker"), (await host.QueryAsync<(long, string)>(
            $"select ingested_run_id, read_anyway_by from source_file where id = {bad.Id}")).Single());
        var audit = await host.QueryAsync<string>("select concat_ws('|', user_name, action, entity, entity_id, after->>'ReadAnywayBy') from audit_log where entity = 'source_file'");
        Assert.Equal([$"analytiker|update|source_file|{bad.Id}|analytiker"], audit);
    }

    [Fact]
    public async Task Discarding_a_quarantined_file_is_audited_and_no_run_reads_it()
    {
        var (host, sourceId, _) = await QuarantineTests.Start();
        await using var _ = host;
        await TestPostgres.ExecuteAsync(host.ConnectionString, Analyst);
        var bad = await host.Get<SourceFiles>().StoreUploadAsync(sourceId, "trasig.csv", TestFiles.Text(QuarantineTests.BadFile), "analytiker", CancellationToken.None);
        await Assert.ThrowsAsync<FileQuarantinedException>(() => QuarantineTests.Run(host, sourceId));
        var editor = host.Get<SourceFileEditor>();

        await editor.DiscardAsync(sourceId, bad.Id, Ann);
        var run = await QuarantineTests.Run(host, sourceId);

        Assert.Equal(("succeeded", 0), (run.Status, run.Counts.Inserted));
        Assert.Equal("analytiker", await host.ScalarAsync<string>($"select discarded_by from source_file where id = {bad.Id}"));
        Assert.Equal(1, await host.ScalarAsync<int>($"select count(*) from audit_log where entity = 'source_file' and entity_id = '{bad.Id}' and after->>'DiscardedBy' = 'analytiker'"));
        // A discarded file cannot be read anyway, nor discarded twice; another source's file is not found.
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.ReadAnywayAsync(sourceId, bad.Id, Ann));
        await Assert.ThrowsAsync<InvalidEditException>(() => editor.DiscardAsync(sourceId, bad.Id, Ann));
        await Assert.ThrowsAsync<SourceFileNotFoundException>(() => editor.DiscardAsync(sourceId + 1, bad.Id, Ann));
    }
}
