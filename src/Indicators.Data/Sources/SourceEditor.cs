using System.Text.Json;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Sources;

/// <summary>A source as its edit form opens it: the stored definition, its linked indicators and its row version.</summary>
public sealed record SourceForEdit(SourceDefinition Definition, IReadOnlyList<int> IndicatorIds, string Version);

/// <summary>An indicator the form offers to link: its code, name and Kolada KPI id, and what its rows must fit (gender split, frequency).</summary>
public sealed record IndicatorChoice(int Id, string Code, string Name, string? KpiId, bool GenderSplit, string Frequency)
{
    /// <summary>The indicator as a source feeds it, with what its rows must fit (for a preview of a source not yet saved).</summary>
    public SourceIndicator AsSourceIndicator() => new(Id, Code, KpiId, GenderSplit, Frequency);
}

/// <summary>A source as the audit log records it: its stored fields, settings as JSON and the codes of its indicators.</summary>
public sealed record SourceAuditState(
    string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, JsonElement Settings, IReadOnlyList<string> Indicators);

/// <summary>
/// Creates, changes and deletes sources. Each change is validated (<see cref="SourceDraft.Validate"/> with the scheduler's
/// own cron check, the file roots' folder check and the settings records' check), written through <see cref="SourceWriter"/>
/// with its indicator links and its audit entry in one <see cref="AuditedEdit"/>, and refused when someone else changed
/// the source since the form was opened (the row version, xmin). Keeping Hangfire's recurring jobs in step is
/// SourceSaving's part (in the ingestion layer, where the scheduler lives); pages save through it, not through this.
/// </summary>
public sealed class SourceEditor(NpgsqlDataSource dataSource, CronCheck cronCheck, FolderCheck folderCheck, SettingsCheck settingsCheck)
{
    public async Task<SourceForEdit?> LoadAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        const string sql = $"""
            select {SourceQueries.Columns}, xmin::text as version from source where id = @SourceId;
            select indicator_id from source_indicator where source_id = @SourceId order by indicator_id;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        using var reader = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { SourceId = sourceId }, cancellationToken: cancellationToken));
        var row = await reader.ReadSingleOrDefaultAsync<StoredRow>();
        var indicators = (await reader.ReadAsync<int>()).AsList();
        return row is null ? null : new SourceForEdit(row.ToDefinition(), indicators, row.Version);
    }

    /// <summary>Every indicator, by code, for the form's list of indicators to link.</summary>
    public async Task<IReadOnlyList<IndicatorChoice>> IndicatorChoicesAsync(CancellationToken cancellationToken = default)
    {
        const string sql = "select id, code, name, kpi_id, gender_split, frequency from indicator order by code, id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<IndicatorChoice>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Area names by id, to name the regions a Kolada source can read.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AreaNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var areas = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition("select id, name from area", cancellationToken: cancellationToken));
        return areas.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
    }

    /// <summary>Creates the source and returns its id.</summary>
    internal Task<int> CreateAsync(SourceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var id = await SourceWriter.InsertAsync(edit, SourceValues.Of(draft));
            await SourceWriter.LinkAsync(edit, id, draft.IndicatorIds);
            await edit.RecordAsync("create", SourceWriter.Entity, id, null, await SourceWriter.StateAsync(edit, id));
            return id;
        }, cancellationToken);
    }

    /// <summary>
    /// Saves the draft over the source opened at <paramref name="version"/>. A change of the linked indicators alone is
    /// logged as "link", anything else as "update".
    /// </summary>
    internal Task UpdateAsync(int sourceId, string version, SourceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await SourceWriter.StateAsync(edit, sourceId) ?? throw Gone(draft.Name);
            if (!await SourceWriter.UpdateAsync(edit, sourceId, version, SourceValues.Of(draft)))
            {
                throw Conflict(before.Name);
            }

            await SourceWriter.LinkAsync(edit, sourceId, draft.IndicatorIds);
            var after = await SourceWriter.StateAsync(edit, sourceId);
            var linkOnly = after is not null && (before with { Indicators = after.Indicators, Settings = after.Settings }) == after
                && before.Settings.GetRawText() == after.Settings.GetRawText() && !before.Indicators.SequenceEqual(after.Indicators);
            await edit.RecordAsync(linkOnly ? "link" : "update", SourceWriter.Entity, sourceId, before, after);
        }, cancellationToken);
    }

    /// <summary>
    /// Switches an enabled source off on the system's behalf, with the Swedish <paramref name="reason"/> its page shows
    /// (until it is saved again), and audits it. False when the source is gone or already off.
    /// </summary>
    public Task<bool> DisableAsync(int sourceId, string reason, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await SourceWriter.StateAsync(edit, sourceId);
            if (before is null || !await SourceWriter.DisableAsync(edit, sourceId, reason))
            {
                return false;
            }

            var after = await SourceWriter.StateAsync(edit, sourceId);
            await edit.RecordAsync("disable", SourceWriter.Entity, sourceId, before, new { Source = after, Reason = reason });
            return true;
        }, cancellationToken);

    /// <summary>Deletes the source; its runs stay (without their source) and so do the outcomes they stored.</summary>
    internal Task DeleteAsync(int sourceId, string version, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await SourceWriter.StateAsync(edit, sourceId) ?? throw Gone($"nummer {sourceId}");
            if (!await SourceWriter.DeleteAsync(edit, sourceId, version))
            {
                throw Conflict(before.Name);
            }

            await edit.RecordAsync("delete", SourceWriter.Entity, sourceId, before, null);
        }, cancellationToken);

    void Validate(SourceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = draft.Validate(cronCheck, folderCheck, settingsCheck);
        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    static EditConflictException Conflict(string name) =>
        new($"Källan '{name}' har ändrats av någon annan sedan du öppnade den. Ladda om sidan för att se deras ändring; dina ändringar sparades inte.");

    static EditConflictException Gone(string name) =>
        new($"Källan {name} finns inte längre; någon har tagit bort den. Ladda om sidan.");

    sealed record StoredRow(int Id, string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, string Settings, bool IsDemo, string Version)
    {
        public SourceDefinition ToDefinition() => new(Id, Name, Kind, Cron, FullRefreshCron, TimeZone, Enabled, Settings, IsDemo);
    }
}
