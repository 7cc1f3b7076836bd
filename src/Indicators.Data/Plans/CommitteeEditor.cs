using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>An organisation's nämnder: created, renamed, and deleted only when nothing refers to them.</summary>
public sealed class CommitteeEditor(NpgsqlDataSource dataSource)
{
    const string CommitteeSql = "select id as Id, area_id as AreaId, code as Code, name as Name from committee where id = @Id";

    static Task<CommitteeState?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<CommitteeState>(new CommandDefinition(CommitteeSql, new { Id = id }, transaction, cancellationToken: cancellationToken));

    static InvalidEditException DuplicateCode(string code) =>
        new(nameof(CommitteeDraft.Code), $"Organisationen har redan en nämnd med förkortningen ”{code.Trim()}”. Välj en annan.");

    public async Task<int> CreateAsync(string areaId, CommitteeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int id;
        try
        {
            id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "insert into committee (area_id, code, name) values (@AreaId, @Code, @Name) returning id",
                new { AreaId = areaId, Code = draft.Code.Trim(), Name = draft.Name.Trim() }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (EditSql.IsUniqueViolation(e, "committee_area_id_code_key"))
        {
            throw DuplicateCode(draft.Code);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidEditException("AreaId", "Välj organisationen som nämnden hör till.");
        }

        var after = await ReadAsync(connection, transaction, id, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "committee", EditSql.Id(id), null, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task UpdateAsync(int committeeId, string rowVersion, CommitteeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadAsync(connection, transaction, committeeId, cancellationToken) ?? throw EditSql.Conflict("Nämnden");
        await EditSql.UpdateAtVersionAsync(connection, transaction,
            "update committee set code = @Code, name = @Name where id = @Id and xmin::text = @RowVersion",
            new { Id = committeeId, RowVersion = rowVersion, Code = draft.Code.Trim(), Name = draft.Name.Trim() }, "Nämnden",
            "committee_area_id_code_key", () => DuplicateCode(draft.Code), cancellationToken);

        var after = await ReadAsync(connection, transaction, committeeId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "committee", EditSql.Id(committeeId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes a nämnd nothing refers to. Otherwise says, in Swedish, what does: owned or contributed mål, owned
    /// indicators, assessments, users with the Nämnd role for it (whose role would silently vanish with it).
    /// </summary>
    public async Task DeleteAsync(int committeeId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadAsync(connection, transaction, committeeId, cancellationToken)
            ?? throw new InvalidEditException("", "Nämnden finns inte längre. Ladda om sidan.");

        // Lock the row, so nothing can start referring to it between the check and the delete.
        await connection.ExecuteAsync(new CommandDefinition("select 1 from committee where id = @Id for update", new { Id = committeeId }, transaction, cancellationToken: cancellationToken));
        const string uses = """
            select (select coalesce(string_agg(distinct g.code, chr(31)), '') from goal g where g.owner_committee_id = @Id) as OwnedGoals,
                   (select coalesce(string_agg(distinct g.code, chr(31)), '') from goal_contributor gc join goal g on g.id = gc.goal_id where gc.committee_id = @Id) as ContributedGoals,
                   (select coalesce(string_agg(i.code, chr(31) order by i.code), '') from indicator i where i.owner_committee_id = @Id) as OwnedIndicators,
                   (select count(*)::int from committee_report where committee_id = @Id) as Assessments,
                   (select coalesce(string_agg(distinct u.user_name, chr(31)), '') from user_role r join app_user u on u.id = r.user_id where r.committee_id = @Id) as Users
            """;
        var use = (await connection.QuerySingleAsync<UseRow>(new CommandDefinition(uses, new { Id = committeeId }, transaction, cancellationToken: cancellationToken))).ToUses();
        var reasons = new List<string>();
        if (use.OwnedGoals.Length > 0)
        {
            reasons.Add($"den är ansvarig för mål {EditSql.List(Sorted(use.OwnedGoals))}");
        }

        if (use.ContributedGoals.Length > 0)
        {
            reasons.Add($"den bidrar till mål {EditSql.List(Sorted(use.ContributedGoals))}");
        }

        if (use.OwnedIndicators.Length > 0)
        {
            reasons.Add($"den är ansvarig för indikator{(use.OwnedIndicators.Length == 1 ? "n" : "erna")} {EditSql.List(use.OwnedIndicators)}");
        }

        if (use.Assessments > 0)
        {
            reasons.Add($"den har {SwedishFormat.Count(use.Assessments, "rapport", "rapporter")} (delårsrapporter och årsrapporter)");
        }

        if (use.Users.Length > 0)
        {
            reasons.Add($"användare{(use.Users.Length == 1 ? "n" : "rna")} {EditSql.List(Sorted(use.Users))} har rollen Nämnd för den");
        }

        if (reasons.Count > 0)
        {
            throw new InvalidEditException("", $"Nämnden {before.Code} kan inte tas bort: {EditSql.List(reasons)}. Byt nämnd där först.");
        }

        await connection.ExecuteAsync(new CommandDefinition("delete from committee where id = @Id", new { Id = committeeId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "delete", "committee", EditSql.Id(committeeId), before, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    static string[] Sorted(string[] items) => [.. items.Order(StringComparer.Ordinal)];

    sealed record UseRow(string OwnedGoals, string ContributedGoals, string OwnedIndicators, int Assessments, string Users)
    {
        public Uses ToUses() => new(EditSql.Split(OwnedGoals), EditSql.Split(ContributedGoals), EditSql.Split(OwnedIndicators), Assessments, EditSql.Split(Users));
    }

    sealed record Uses(string[] OwnedGoals, string[] ContributedGoals, string[] OwnedIndicators, int Assessments, string[] Users);
}
