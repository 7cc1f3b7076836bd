using System.Text.Json;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Editing;

namespace Indicators.Data.Sources;

/// <summary>A source's stored fields as they are written: what the editor saves from a draft and plan import from a document.</summary>
sealed record SourceValues(string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, string Settings)
{
    /// <summary>A draft's fields as stored: trimmed, a blank full-refresh cron as none, blank settings as an empty object.</summary>
    public static SourceValues Of(SourceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.Name.Trim(), draft.Kind, draft.Cron.Trim(), Validation.Clean(draft.FullRefreshCron), draft.TimeZone.Trim(), draft.Enabled,
            string.IsNullOrWhiteSpace(draft.Settings) ? "{}" : draft.Settings);
    }
}

/// <summary>
/// The source table's writes: its column list, insert, update, disable and delete SQL, written once and used by the
/// source editor and by plan import alike, in the caller's <see cref="AuditedEdit"/>. A clash with another source's name
/// is the editor's Swedish message under the name field. The state the audit log records (<see cref="StateAsync"/>) is
/// the whole source with its settings as JSON and the codes of its indicators.
/// </summary>
static class SourceWriter
{
    public const string Entity = "source";

    /// <summary>
    /// The columns a person sets, the one place they are listed: in the writes here, the state the log records and every
    /// read of a source (<see cref="SourceQueries.Columns"/>). Npgsql reads jsonb as its text, the same as settings::text.
    /// </summary>
    public const string Columns = "name, kind, cron, full_refresh_cron, time_zone, enabled, settings";

    const string Values = "@Name, @Kind, @Cron, @FullRefreshCron, @TimeZone, @Enabled, @Settings::jsonb";

    /// <summary>Creates the source and returns its id.</summary>
    public static async Task<int> InsertAsync(AuditedEdit edit, SourceValues values)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return await edit.ScalarAsync<int>($"insert into source ({Columns}) values ({Values}) returning id", values, UniqueName(values.Name));
    }

    /// <summary>
    /// Writes <paramref name="values"/> over the source <paramref name="id"/> and clears a reason the system switched it
    /// off for (saving it is switching it back on). With a <paramref name="rowVersion"/>, only while the row is as the form
    /// read it. The stored secret and the demo mark stay as they are. False when no row was changed.
    /// </summary>
    public static async Task<bool> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, SourceValues values)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(values);
        var sql = $"update source set ({Columns}, disabled_reason, updated_at) = ({Values}, null, now()) where id = @Id"
            + (rowVersion is null ? "" : " and xmin::text = @RowVersion");
        var changed = await edit.ExecuteAsync(sql, new
        {
            Id = id, RowVersion = rowVersion, values.Name, values.Kind, values.Cron, values.FullRefreshCron, values.TimeZone, values.Enabled, values.Settings,
        }, UniqueName(values.Name));
        return changed > 0;
    }

    /// <summary>Switches an enabled source off with the reason its page shows. False when it is gone or already off.</summary>
    public static async Task<bool> DisableAsync(AuditedEdit edit, int id, string reason)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return await edit.ExecuteAsync(
            "update source set enabled = false, disabled_reason = @Reason, updated_at = now() where id = @Id and enabled", new { Id = id, Reason = reason }) > 0;
    }

    /// <summary>Deletes the source opened at <paramref name="rowVersion"/>; its runs stay, without their source. False when no row was deleted.</summary>
    public static async Task<bool> DeleteAsync(AuditedEdit edit, int id, string rowVersion)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return await edit.ExecuteAsync("delete from source where id = @Id and xmin::text = @RowVersion", new { Id = id, RowVersion = rowVersion }) > 0;
    }

    /// <summary>
    /// Links the source to exactly <paramref name="indicatorIds"/>; with <paramref name="within"/>, only links to those
    /// indicators follow (plan import leaves links to other plans' indicators be). Ids of indicators that no longer exist are skipped.
    /// </summary>
    public static async Task LinkAsync(AuditedEdit edit, int id, IReadOnlyList<int> indicatorIds, IReadOnlyList<int>? within = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var scope = within is null ? "" : " and indicator_id = any(@Within)";
        var sql = $"""
            delete from source_indicator where source_id = @Id{scope} and indicator_id <> all(@Ids);
            insert into source_indicator (source_id, indicator_id)
            select @Id, i.id from indicator i where i.id = any(@Ids)
            on conflict do nothing;
            """;
        await edit.ExecuteAsync(sql, new { Id = id, Ids = indicatorIds.Distinct().ToArray(), Within = within?.ToArray() });
    }

    /// <summary>The source as the audit log records it, or null when there is none.</summary>
    public static async Task<SourceAuditState?> StateAsync(AuditedEdit edit, int id)
    {
        ArgumentNullException.ThrowIfNull(edit);
        const string sql = $"""
            select {Columns},
                   array(select i.code from source_indicator si join indicator i on i.id = si.indicator_id
                         where si.source_id = s.id order by i.code) as indicators
            from source s where id = @Id
            """;
        var row = await edit.SingleOrDefaultAsync<StateRow>(sql, new { Id = id });
        if (row is null)
        {
            return null;
        }

        using var settings = JsonDocument.Parse(row.Settings);
        return new SourceAuditState(row.Name, row.Kind, row.Cron, row.FullRefreshCron, row.TimeZone, row.Enabled, settings.RootElement.Clone(), row.Indicators);
    }

    static Unique UniqueName(string name) => new("source_name_key",
        () => new InvalidEditException(nameof(SourceValues.Name), $"Det finns redan en källa som heter '{name.Trim()}'. Välj ett annat namn."));

    /// <summary>Settable properties: Dapper cannot match a text[] column to a constructor parameter.</summary>
    sealed class StateRow
    {
        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Cron { get; init; } = "";

        public string? FullRefreshCron { get; init; }

        public string TimeZone { get; init; } = "";

        public bool Enabled { get; init; }

        public string Settings { get; init; } = "{}";

        public string[] Indicators { get; init; } = [];
    }
}
