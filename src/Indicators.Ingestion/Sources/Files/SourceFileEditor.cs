using Indicators.Core.Editing;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>A file's decision state as the audit log records it.</summary>
public sealed record SourceFileAuditState(
    int SourceId, string FileName, string Origin, DateTime? QuarantinedAt, DateTime? ReadAnywayAt, string? ReadAnywayBy, DateTime? DiscardedAt,
    string? DiscardedBy, DateTime? IngestedAt);

/// <summary>The source_file table's analyst writes, each with its audit entry.</summary>
static class SourceFileWriter
{
    static readonly AuditedTable<SourceFileAuditState> Table = new("source_file", """
        select source_id, file_name, origin, quarantined_at, read_anyway_at, read_anyway_by, discarded_at, discarded_by, ingested_at
        from source_file where id = @Id
        """, "Filen");

    public static Task<SourceFileAuditState?> StateAsync(AuditedEdit edit, long id) => Table.StateAsync(edit, id);

    /// <summary>Releases a quarantined file: the next run reads its approved rows, not holding its rejected share against it.</summary>
    public static Task<SourceFileAuditState> ReadAnywayAsync(AuditedEdit edit, long id) =>
        Table.UpdateAsync(edit, id, """
            update source_file set read_anyway_at = clock_timestamp(), read_anyway_by = @UserName
            where id = @Id and quarantined_at is not null and read_anyway_at is null and discarded_at is null and ingested_at is null
            """, new { Id = id, edit.Actor.UserName });

    /// <summary>Discards a file not yet read (waiting or quarantined): no run reads it.</summary>
    public static Task<SourceFileAuditState> DiscardAsync(AuditedEdit edit, long id) =>
        Table.UpdateAsync(edit, id, """
            update source_file set discarded_at = clock_timestamp(), discarded_by = @UserName, read_anyway_at = null, read_anyway_by = null
            where id = @Id and discarded_at is null and ingested_at is null
            """, new { Id = id, edit.Actor.UserName });
}

/// <summary>
/// An analyst's decision on a file that has not been read: read a quarantined file's approved rows anyway, or discard
/// it. Rights are checked in the change's own transaction (an active Analytiker or Administratör), and the change and
/// its audit entry land together (<see cref="AuditedEdit"/>). Queuing the run that reads a released file is the caller's.
/// </summary>
public sealed class SourceFileEditor(NpgsqlDataSource dataSource)
{
    /// <summary>Releases the quarantined file <paramref name="fileId"/> of the source to be read anyway by its next run.</summary>
    public Task ReadAnywayAsync(int sourceId, long fileId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var state = await RequireAsync(edit, sourceId, fileId);
            if (state.QuarantinedAt is null || state.ReadAnywayAt is not null || state.DiscardedAt is not null || state.IngestedAt is not null)
            {
                throw new InvalidEditException("", $"'{state.FileName}' är inte i karantän längre; ladda om sidan.");
            }

            await SourceFileWriter.ReadAnywayAsync(edit, fileId);
        }, cancellationToken);

    /// <summary>Discards the file <paramref name="fileId"/> of the source, waiting or quarantined: no run reads it.</summary>
    public Task DiscardAsync(int sourceId, long fileId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var state = await RequireAsync(edit, sourceId, fileId);
            if (state.DiscardedAt is not null || state.IngestedAt is not null)
            {
                throw new InvalidEditException("", state.DiscardedAt is not null
                    ? $"'{state.FileName}' är redan kasserad."
                    : $"'{state.FileName}' är redan inläst och kan inte kasseras.");
            }

            await SourceFileWriter.DiscardAsync(edit, fileId);
        }, cancellationToken);

    static async Task<SourceFileAuditState> RequireAsync(AuditedEdit edit, int sourceId, long fileId)
    {
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra källans filer.");
        }

        var state = await SourceFileWriter.StateAsync(edit, fileId);
        return state is not null && state.SourceId == sourceId
            ? state
            : throw new SourceFileNotFoundException();
    }
}

/// <summary>No such file of that source (a stale link, or another source's file).</summary>
public sealed class SourceFileNotFoundException() : Exception("No such file of the source.");
