using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Plans;

// Målområden and mål of a plan version.
public sealed partial class PlanEditor
{
    const string GoalAreaSql = """
        select id as Id, plan_version_id as PlanVersionId, code as Code, name as Name, description as Description, kind as Kind, sort_order as SortOrder
        from goal_area where id = @Id
        """;

    static Task<GoalAreaState?> ReadGoalAreaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<GoalAreaState>(new CommandDefinition(GoalAreaSql, new { Id = id }, transaction, cancellationToken: cancellationToken));

    static InvalidEditException DuplicateGoalAreaCode(string code) =>
        new(nameof(GoalAreaDraft.Code), $"Versionen har redan ett målområde med koden ”{code.Trim()}”. Välj en annan kod.");

    public async Task<int> CreateGoalAreaAsync(int versionId, GoalAreaDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string insert = """
            insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
            values (@VersionId, @Code, @Name, @Description, @Kind, @SortOrder)
            returning id
            """;
        int id;
        try
        {
            id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(insert, new
            {
                VersionId = versionId,
                Code = draft.Code.Trim(),
                Name = draft.Name.Trim(),
                Description = Validation.Clean(draft.Description),
                draft.Kind,
                draft.SortOrder,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (EditSql.IsUniqueViolation(e, "goal_area_plan_version_id_code_key"))
        {
            throw DuplicateGoalAreaCode(draft.Code);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidEditException("", "Planversionen finns inte längre. Ladda om sidan.");
        }

        var after = await ReadGoalAreaAsync(connection, transaction, id, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "goal_area", EditSql.Id(id), null, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task UpdateGoalAreaAsync(int goalAreaId, string rowVersion, GoalAreaDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadGoalAreaAsync(connection, transaction, goalAreaId, cancellationToken) ?? throw EditSql.Conflict("Målområdet");
        const string update = """
            update goal_area set code = @Code, name = @Name, description = @Description, kind = @Kind, sort_order = @SortOrder
            where id = @Id and xmin::text = @RowVersion
            """;
        await EditSql.UpdateAtVersionAsync(connection, transaction, update, new
            {
                Id = goalAreaId,
                RowVersion = rowVersion,
                Code = draft.Code.Trim(),
                Name = draft.Name.Trim(),
                Description = Validation.Clean(draft.Description),
                draft.Kind,
                draft.SortOrder,
            }, "Målområdet",
            "goal_area_plan_version_id_code_key", () => DuplicateGoalAreaCode(draft.Code), cancellationToken);

        var after = await ReadGoalAreaAsync(connection, transaction, goalAreaId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "goal_area", EditSql.Id(goalAreaId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes a målområde with its mål (the schema cascades); the audit entry names the mål that went with it.</summary>
    public async Task DeleteGoalAreaAsync(int goalAreaId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadGoalAreaAsync(connection, transaction, goalAreaId, cancellationToken)
            ?? throw new InvalidEditException("", "Målområdet finns inte längre. Ladda om sidan.");
        var goalCodes = (await connection.QueryAsync<string>(new CommandDefinition(
            "select code from goal where goal_area_id = @Id order by sort_order, code", new { Id = goalAreaId }, transaction, cancellationToken: cancellationToken))).AsList();
        await connection.ExecuteAsync(new CommandDefinition("delete from goal_area where id = @Id", new { Id = goalAreaId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "delete", "goal_area", EditSql.Id(goalAreaId),
            new { GoalArea = before, DeletedGoalCodes = goalCodes }, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // ---- Mål ----

    const string GoalSql = """
        select g.id as Id, g.goal_area_id as GoalAreaId, ga.code as GoalAreaCode, g.code as Code, g.name as Name, g.description as Description,
               c.code as OwnerCommitteeCode,
               (select coalesce(string_agg(cc.code, chr(31) order by cc.code), '') from goal_contributor gc join committee cc on cc.id = gc.committee_id
                where gc.goal_id = g.id) as ContributorCodes,
               g.sort_order as SortOrder
        from goal g
        join goal_area ga on ga.id = g.goal_area_id
        left join committee c on c.id = g.owner_committee_id
        where g.id = @Id
        """;

    sealed record GoalRow(int Id, int GoalAreaId, string GoalAreaCode, string Code, string Name, string? Description, string? OwnerCommitteeCode, string ContributorCodes, int SortOrder)
    {
        public GoalState ToState() => new(Id, GoalAreaId, GoalAreaCode, Code, Name, Description, OwnerCommitteeCode, EditSql.Split(ContributorCodes), SortOrder);
    }

    static async Task<GoalState?> ReadGoalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<GoalRow>(new CommandDefinition(GoalSql, new { Id = id }, transaction, cancellationToken: cancellationToken)))?.ToState();

    static InvalidEditException DuplicateGoalCode(string code) =>
        new(nameof(GoalDraft.Code), $"Målområdet har redan ett mål med koden ”{code.Trim()}”. Välj en annan kod.");

    /// <summary>The committee ids of the draft's owner and contributors, looked up among the organisation's nämnder by code.</summary>
    static async Task<(int? Owner, int[] Contributors)> ResolveCommitteesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int goalAreaId, GoalDraft draft, CancellationToken cancellationToken)
    {
        const string sql = """
            select c.code as Code, c.id as Id
            from goal_area ga
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            join committee c on c.area_id = p.area_id
            where ga.id = @GoalAreaId
            """;
        var committees = (await connection.QueryAsync<(string Code, int Id)>(new CommandDefinition(sql, new { GoalAreaId = goalAreaId }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var v = new Validation();
        int? owner = null;
        if (Validation.Clean(draft.OwnerCommitteeCode) is { } ownerCode)
        {
            if (committees.TryGetValue(ownerCode, out var id))
            {
                owner = id;
            }
            else
            {
                v.Add(nameof(GoalDraft.OwnerCommitteeCode), $"Organisationen har ingen nämnd med förkortningen ”{ownerCode}”.");
            }
        }

        var unknown = draft.ContributorCodes.Where(c => !committees.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            v.Add(nameof(GoalDraft.ContributorCodes), $"Organisationen har ingen nämnd med förkortningen {EditSql.List([.. unknown.Select(c => $"”{c}”")])}.");
        }

        v.ThrowIfAny();
        return (owner, draft.ContributorCodes.Distinct(StringComparer.Ordinal).Select(c => committees[c]).ToArray());
    }

    static async Task ReplaceContributorsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int goalId, int[] committeeIds, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("delete from goal_contributor where goal_id = @GoalId", new { GoalId = goalId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into goal_contributor (goal_id, committee_id) select @GoalId, unnest(@CommitteeIds)",
            new { GoalId = goalId, CommitteeIds = committeeIds }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<int> CreateGoalAsync(int goalAreaId, GoalDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReadGoalAreaAsync(connection, transaction, goalAreaId, cancellationToken) is null)
        {
            throw new InvalidEditException("", "Målområdet finns inte längre. Ladda om sidan.");
        }

        var (owner, contributors) = await ResolveCommitteesAsync(connection, transaction, goalAreaId, draft, cancellationToken);
        const string insert = """
            insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
            values (@GoalAreaId, @Code, @Name, @Description, @Owner, @SortOrder)
            returning id
            """;
        int id;
        try
        {
            id = await connection.ExecuteScalarAsync<int>(new CommandDefinition(insert, new
            {
                GoalAreaId = goalAreaId,
                Code = draft.Code.Trim(),
                Name = draft.Name.Trim(),
                Description = Validation.Clean(draft.Description),
                Owner = owner,
                draft.SortOrder,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (EditSql.IsUniqueViolation(e, "goal_goal_area_id_code_key"))
        {
            throw DuplicateGoalCode(draft.Code);
        }

        await ReplaceContributorsAsync(connection, transaction, id, contributors, cancellationToken);
        var after = await ReadGoalAsync(connection, transaction, id, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "goal", EditSql.Id(id), null, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Changes a mål, its owner and its contributing nämnder (all of them: the list replaces the stored one).</summary>
    public async Task UpdateGoalAsync(int goalId, string rowVersion, GoalDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadGoalAsync(connection, transaction, goalId, cancellationToken) ?? throw EditSql.Conflict("Målet");
        var (owner, contributors) = await ResolveCommitteesAsync(connection, transaction, before.GoalAreaId, draft, cancellationToken);

        // The goal row is always rewritten, so its xmin also guards its contributors.
        const string update = """
            update goal set code = @Code, name = @Name, description = @Description, owner_committee_id = @Owner, sort_order = @SortOrder
            where id = @Id and xmin::text = @RowVersion
            """;
        await EditSql.UpdateAtVersionAsync(connection, transaction, update, new
            {
                Id = goalId,
                RowVersion = rowVersion,
                Code = draft.Code.Trim(),
                Name = draft.Name.Trim(),
                Description = Validation.Clean(draft.Description),
                Owner = owner,
                draft.SortOrder,
            }, "Målet",
            "goal_goal_area_id_code_key", () => DuplicateGoalCode(draft.Code), cancellationToken);

        await ReplaceContributorsAsync(connection, transaction, goalId, contributors, cancellationToken);
        var after = await ReadGoalAsync(connection, transaction, goalId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "goal", EditSql.Id(goalId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes a mål; its indicators stay (they belong to the organisation), only their link to the mål goes.</summary>
    public async Task DeleteGoalAsync(int goalId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadGoalAsync(connection, transaction, goalId, cancellationToken)
            ?? throw new InvalidEditException("", "Målet finns inte längre. Ladda om sidan.");
        var indicatorCodes = (await connection.QueryAsync<string>(new CommandDefinition(
            "select i.code from goal_indicator gi join indicator i on i.id = gi.indicator_id where gi.goal_id = @Id order by gi.sort_order, i.code",
            new { Id = goalId }, transaction, cancellationToken: cancellationToken))).AsList();
        await connection.ExecuteAsync(new CommandDefinition("delete from goal where id = @Id", new { Id = goalId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "delete", "goal", EditSql.Id(goalId),
            new { Goal = before, UnlinkedIndicatorCodes = indicatorCodes }, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
