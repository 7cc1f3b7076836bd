using System.Text.Json;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Sources;
using Indicators.Data.Audit;
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
/// own cron check and the file roots' folder check), written with its indicator links and its audit entry in one transaction, and refused when someone
/// else changed the source since the form was opened (the row version, xmin). Keeping Hangfire's recurring jobs in step
/// is the caller's part (SourceSchedule.Apply / Remove), since the scheduler lives in the ingestion layer.
/// </summary>
public sealed class SourceEditor(NpgsqlDataSource dataSource, CronCheck cronCheck, FolderCheck folderCheck, SettingsCheck settingsCheck)
{
    const string Entity = "source";

    public async Task<SourceForEdit?> LoadAsync(int sourceId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select id as Id, name as Name, kind as Kind, cron as Cron, full_refresh_cron as FullRefreshCron, time_zone as TimeZone,
                   enabled as Enabled, settings::text as Settings, is_demo as IsDemo, xmin::text as Version
            from source where id = @SourceId;
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
        const string sql = """
            select id as Id, code as Code, name as Name, kpi_id as KpiId, gender_split as GenderSplit, frequency as Frequency
            from indicator order by code, id
            """;
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
    public async Task<int> CreateAsync(SourceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string sql = """
            insert into source (name, kind, cron, full_refresh_cron, time_zone, enabled, settings)
            values (@Name, @Kind, @Cron, @FullRefreshCron, @TimeZone, @Enabled, @Settings::jsonb)
            returning id
            """;
        var id = await Translate(draft, () => connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, Parameters(draft), transaction, cancellationToken: cancellationToken)));
        await LinkAsync(connection, transaction, id, draft.IndicatorIds, cancellationToken);
        var after = await StateAsync(connection, transaction, id, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "create", Entity, Id(id), null, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Saves the draft over the source opened at <paramref name="version"/>. A change of the linked indicators alone is
    /// logged as "link", anything else as "update".
    /// </summary>
    public async Task UpdateAsync(int sourceId, string version, SourceDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, sourceId, cancellationToken) ?? throw Gone(draft.Name);
        const string sql = """
            update source set name = @Name, kind = @Kind, cron = @Cron, full_refresh_cron = @FullRefreshCron, time_zone = @TimeZone,
                              enabled = @Enabled, settings = @Settings::jsonb, disabled_reason = null, updated_at = now()
            where id = @Id and xmin::text = @Version
            """;
        var parameters = new DynamicParameters(Parameters(draft));
        parameters.Add("Id", sourceId);
        parameters.Add("Version", version);
        var changed = await Translate(draft, () => connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)));
        if (changed == 0)
        {
            throw Conflict(before.Name);
        }

        await LinkAsync(connection, transaction, sourceId, draft.IndicatorIds, cancellationToken);
        var after = await StateAsync(connection, transaction, sourceId, cancellationToken);
        var linkOnly = after is not null && (before with { Indicators = after.Indicators, Settings = after.Settings }) == after
            && before.Settings.GetRawText() == after.Settings.GetRawText() && !before.Indicators.SequenceEqual(after.Indicators);
        await AuditLog.WriteAsync(connection, transaction, actor, linkOnly ? "link" : "update", Entity, Id(sourceId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Switches an enabled source off on the system's behalf, with the Swedish <paramref name="reason"/> its page shows
    /// (until it is saved again), and audits it. False when the source is gone or already off.
    /// </summary>
    public async Task<bool> DisableAsync(int sourceId, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, sourceId, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            update source set enabled = false, disabled_reason = @Reason, updated_at = now() where id = @Id and enabled
            """, new { Id = sourceId, Reason = reason }, transaction, cancellationToken: cancellationToken));
        if (before is null || changed == 0)
        {
            return false;
        }

        var after = await StateAsync(connection, transaction, sourceId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "disable", Entity, Id(sourceId), before, new { Source = after, Reason = reason }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes the source; its runs stay (without their source) and so do the outcomes they stored.</summary>
    public async Task DeleteAsync(int sourceId, string version, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await StateAsync(connection, transaction, sourceId, cancellationToken) ?? throw Gone($"nummer {sourceId}");
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "delete from source where id = @Id and xmin::text = @Version", new { Id = sourceId, Version = version }, transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            throw Conflict(before.Name);
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "delete", Entity, Id(sourceId), before, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    void Validate(SourceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = draft.Validate(cronCheck, folderCheck, settingsCheck);
        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    static object Parameters(SourceDraft draft) => new
    {
        Name = draft.Name.Trim(),
        draft.Kind,
        Cron = draft.Cron.Trim(),
        FullRefreshCron = Validation.Clean(draft.FullRefreshCron),
        TimeZone = draft.TimeZone.Trim(),
        draft.Enabled,
        Settings = string.IsNullOrWhiteSpace(draft.Settings) ? "{}" : draft.Settings,
    };

    /// <summary>The unique name is the one constraint a valid draft can still break: said in Swedish, under the name field.</summary>
    static async Task<T> Translate<T>(SourceDraft draft, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidEditException(nameof(SourceDraft.Name), $"Det finns redan en källa som heter '{draft.Name.Trim()}'. Välj ett annat namn.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidEditException(nameof(SourceDraft.IndicatorIds), "En av de valda indikatorerna finns inte längre. Ladda om sidan och välj igen.");
        }
    }

    static async Task LinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int sourceId, IReadOnlyList<int> indicatorIds, CancellationToken cancellationToken)
    {
        const string sql = """
            delete from source_indicator where source_id = @SourceId and indicator_id <> all(@Ids);
            insert into source_indicator (source_id, indicator_id)
            select @SourceId, i.id from indicator i where i.id = any(@Ids)
            on conflict do nothing;
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new { SourceId = sourceId, Ids = indicatorIds.Distinct().ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    static async Task<SourceAuditState?> StateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int sourceId, CancellationToken cancellationToken)
    {
        const string sql = """
            select name as Name, kind as Kind, cron as Cron, full_refresh_cron as FullRefreshCron, time_zone as TimeZone,
                   enabled as Enabled, settings::text as Settings,
                   array(select i.code from source_indicator si join indicator i on i.id = si.indicator_id
                         where si.source_id = s.id order by i.code) as Indicators
            from source s where id = @SourceId
            """;
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(sql, new { SourceId = sourceId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        using var settings = JsonDocument.Parse(row.Settings);
        return new SourceAuditState(row.Name, row.Kind, row.Cron, row.FullRefreshCron, row.TimeZone, row.Enabled, settings.RootElement.Clone(), row.Indicators);
    }

    static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static EditConflictException Conflict(string name) =>
        new($"Källan '{name}' har ändrats av någon annan sedan du öppnade den. Ladda om sidan för att se deras ändring; dina ändringar sparades inte.");

    static EditConflictException Gone(string name) =>
        new($"Källan {name} finns inte längre; någon har tagit bort den. Ladda om sidan.");

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

    sealed record StoredRow(int Id, string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, string Settings, bool IsDemo, string Version)
    {
        public SourceDefinition ToDefinition() => new(Id, Name, Kind, Cron, FullRefreshCron, TimeZone, Enabled, Settings, IsDemo);
    }
}
