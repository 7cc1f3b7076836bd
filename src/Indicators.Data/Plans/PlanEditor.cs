using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>
/// Changes to a plan's structure: the plan, its versions, målområden and mål (the latter in PlanEditor.Goals.cs). Each
/// change is validated by its Core draft, made in one transaction with its audit entry, and an update only lands on the
/// row version the form was opened with (<c>xmin</c>).
/// </summary>
public sealed partial class PlanEditor(NpgsqlDataSource dataSource)
{
    const string PlanSql = """
        select id as Id, area_id as AreaId, name as Name, vision as Vision, start_year::int as StartYear, end_year::int as EndYear
        from plan where id = @Id
        """;

    /// <summary>A new plan for an organisation (an area of kind region) with a first, current version.</summary>
    public async Task<int> CreatePlanAsync(string areaId, PlanDraft plan, PlanVersionDraft firstVersion, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(firstVersion);
        var v = new Validation();
        foreach (var error in plan.Validate())
        {
            v.Add(error.Field, error.Message);
        }

        v.AddAll("Version", firstVersion.Validate()).ThrowIfAny();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var kind = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select kind from area where id = @AreaId", new { AreaId = areaId }, transaction, cancellationToken: cancellationToken));
        if (kind != "region")
        {
            throw new InvalidEditException("AreaId", "Välj organisationen (en region) som planen gäller.");
        }

        const string insertPlan = """
            insert into plan (area_id, name, vision, start_year, end_year)
            values (@AreaId, @Name, @Vision, @StartYear, @EndYear)
            returning id
            """;
        int planId;
        try
        {
            planId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(insertPlan, new
            {
                AreaId = areaId,
                Name = plan.Name.Trim(),
                Vision = Validation.Clean(plan.Vision),
                StartYear = (short)plan.StartYear,
                EndYear = (short)plan.EndYear,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (EditSql.IsUniqueViolation(e, "plan_name_unique"))
        {
            throw DuplicatePlanName(plan.Name);
        }

        var after = await connection.QuerySingleAsync<PlanState>(new CommandDefinition(PlanSql, new { Id = planId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "plan", EditSql.Id(planId), null, after, cancellationToken);
        var versionId = await InsertVersionAsync(connection, transaction, planId, firstVersion with { IsCurrent = true }, cancellationToken);
        var version = await ReadVersionAsync(connection, transaction, versionId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "plan_version", EditSql.Id(versionId), null, version, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return planId;
    }

    /// <summary>Changes a plan's name, vision and years; its period cannot shrink past the years of its målvärden.</summary>
    public async Task<string> UpdatePlanAsync(int planId, string rowVersion, PlanDraft plan, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<PlanState>(new CommandDefinition(PlanSql, new { Id = planId }, transaction, cancellationToken: cancellationToken))
            ?? throw EditSql.Conflict("Planen");

        // Said here in words (which years hold målvärden); the trigger plan_period_covers_targets refuses it anyway.
        const string outside = """
            select distinct t.year::int from target t join plan_version v on v.id = t.plan_version_id
            where v.plan_id = @PlanId and (t.year < @StartYear or t.year > @EndYear)
            order by 1
            """;
        var years = (await connection.QueryAsync<int>(new CommandDefinition(outside, new { PlanId = planId, plan.StartYear, plan.EndYear }, transaction, cancellationToken: cancellationToken))).AsList();
        if (years.Count > 0)
        {
            throw PeriodExcludesTargets(plan, years);
        }

        const string update = """
            update plan set name = @Name, vision = @Vision, start_year = @StartYear, end_year = @EndYear
            where id = @Id and xmin::text = @RowVersion
            returning xmin::text
            """;
        string? newVersion;
        try
        {
            newVersion = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(update, new
            {
                Id = planId,
                RowVersion = rowVersion,
                Name = plan.Name.Trim(),
                Vision = Validation.Clean(plan.Vision),
                StartYear = (short)plan.StartYear,
                EndYear = (short)plan.EndYear,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (EditSql.IsUniqueViolation(e, "plan_name_unique"))
        {
            throw DuplicatePlanName(plan.Name);
        }
        catch (PostgresException e) when (e.ConstraintName == "target_year_inside_plan")
        {
            // A målvärde added by someone else between the check above and the update.
            throw PeriodExcludesTargets(plan, []);
        }

        if (newVersion is null)
        {
            throw EditSql.Conflict("Planen");
        }

        var after = await connection.QuerySingleAsync<PlanState>(new CommandDefinition(PlanSql, new { Id = planId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "plan", EditSql.Id(planId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return newVersion;
    }

    static InvalidEditException DuplicatePlanName(string name) =>
        new("Name", $"Organisationen har redan en plan som heter ”{name.Trim()}”. Välj ett annat namn.");

    static InvalidEditException PeriodExcludesTargets(PlanDraft plan, List<int> years)
    {
        var which = years.Count == 0 ? "målvärden utanför den" : $"målvärden för {EditSql.List([.. years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))])}";
        var message = $"Planens period kan inte bli {plan.StartYear}–{plan.EndYear}: det finns {which}. Ta bort eller flytta de målvärdena först.";
        return new InvalidEditException([new FieldError(nameof(PlanDraft.StartYear), message), new FieldError(nameof(PlanDraft.EndYear), message)]);
    }

    // ---- Versions ----

    const string VersionSql = """
        select v.id as Id, v.plan_id as PlanId, p.name as PlanName, v.name as Name, v.kind as Kind, v.author as Author,
               v.decided_on::timestamp as DecidedOn, v.is_current as IsCurrent
        from plan_version v join plan p on p.id = v.plan_id
        where v.id = @Id
        """;

    sealed record VersionRow(int Id, int PlanId, string PlanName, string Name, string Kind, string? Author, DateTime? DecidedOn, bool IsCurrent)
    {
        public PlanVersionState ToState() => new(Id, PlanId, PlanName, Name, Kind, Author, EditSql.ToDateOnly(DecidedOn), IsCurrent);
    }

    static async Task<PlanVersionState?> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int versionId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(VersionSql, new { Id = versionId }, transaction, cancellationToken: cancellationToken)))?.ToState();

    static async Task<int> InsertVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int planId, PlanVersionDraft draft, CancellationToken cancellationToken)
    {
        if (draft.IsCurrent)
        {
            await ClearCurrentAsync(connection, transaction, planId, cancellationToken);
        }

        const string insert = """
            insert into plan_version (plan_id, name, kind, author, decided_on, is_current)
            values (@PlanId, @Name, @Kind, @Author, @DecidedOn::date, @IsCurrent)
            returning id
            """;
        try
        {
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(insert, new
            {
                PlanId = planId,
                Name = draft.Name.Trim(),
                draft.Kind,
                Author = Validation.Clean(draft.Author),
                DecidedOn = EditSql.ToDateTime(draft.DecidedOn),
                draft.IsCurrent,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (EditSql.IsUniqueViolation(e, "plan_version_plan_id_name_key"))
        {
            throw DuplicateVersionName(draft.Name);
        }
    }

    static Task<int> ClearCurrentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int planId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "update plan_version set is_current = false where plan_id = @PlanId and is_current", new { PlanId = planId }, transaction, cancellationToken: cancellationToken));

    static InvalidEditException DuplicateVersionName(string name) =>
        new("Name", $"Planen har redan en version som heter ”{name.Trim()}”. Välj ett annat namn.");

    /// <summary>
    /// A new version of the plan: empty, or – with <paramref name="copyOfVersionId"/> – a copy of another version of the same
    /// plan with its målområden, mål, contributing nämnder, indicator links and målvärden (an opposition proposal, next
    /// year's draft). Audited as "create", or "copy" with the source version named in <c>after</c>.
    /// </summary>
    public async Task<int> CreateVersionAsync(int planId, PlanVersionDraft draft, int? copyOfVersionId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        PlanVersionState? source = null;
        if (copyOfVersionId is { } sourceId)
        {
            source = await ReadVersionAsync(connection, transaction, sourceId, cancellationToken);
            if (source is null || source.PlanId != planId)
            {
                throw new InvalidEditException("CopyOf", "Versionen att kopiera finns inte längre i planen. Ladda om sidan.");
            }
        }

        var versionId = await InsertVersionAsync(connection, transaction, planId, draft, cancellationToken);
        var after = await ReadVersionAsync(connection, transaction, versionId, cancellationToken);
        if (source is null)
        {
            await AuditLog.WriteAsync(connection, transaction, actor, "create", "plan_version", EditSql.Id(versionId), null, after, cancellationToken);
        }
        else
        {
            var copied = await CopyContentAsync(connection, transaction, source.Id, versionId, cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, actor, "copy", "plan_version", EditSql.Id(versionId), null,
                new { Version = after, CopiedFrom = new { source.Id, source.Name, source.Kind }, Copied = copied }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return versionId;
    }

    /// <summary>How much a version copy took along.</summary>
    public sealed record CopiedContent(int GoalAreas, int Goals, int Contributors, int IndicatorLinks, int Targets, int IndicatorWeights);

    static async Task<CopiedContent> CopyContentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int sourceId, int targetId, CancellationToken cancellationToken)
    {
        // Rows of the new version are matched to the source's by code: codes are unique within a version (goal areas)
        // and within a goal area (goals), so no id map has to be carried between the statements.
        const string goalAreas = """
            insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
            select @Target, code, name, description, kind, sort_order from goal_area where plan_version_id = @Source
            """;
        const string goals = """
            insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
            select nga.id, g.code, g.name, g.description, g.owner_committee_id, g.sort_order
            from goal g
            join goal_area oga on oga.id = g.goal_area_id
            join goal_area nga on nga.plan_version_id = @Target and nga.code = oga.code
            where oga.plan_version_id = @Source
            """;
        const string goalPairs = """
            select og.id as old_id, ng.id as new_id
            from goal og
            join goal_area oga on oga.id = og.goal_area_id
            join goal_area nga on nga.plan_version_id = @Target and nga.code = oga.code
            join goal ng on ng.goal_area_id = nga.id and ng.code = og.code
            where oga.plan_version_id = @Source
            """;
        var contributors = $"""
            insert into goal_contributor (goal_id, committee_id)
            select p.new_id, gc.committee_id from goal_contributor gc join ({goalPairs}) p on p.old_id = gc.goal_id
            """;
        var links = $"""
            insert into goal_indicator (goal_id, indicator_id, sort_order)
            select p.new_id, gi.indicator_id, gi.sort_order from goal_indicator gi join ({goalPairs}) p on p.old_id = gi.goal_id
            """;
        const string targets = """
            insert into target (plan_version_id, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example)
            select @Target, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example
            from target where plan_version_id = @Source
            """;
        // The goal rule goes along: the source's shares (not counted) and its indicator weights (GoalRuleStore).
        const string shares = """
            update plan_version t set goal_met_share = s.goal_met_share, goal_not_met_share = s.goal_not_met_share
            from plan_version s where s.id = @Source and t.id = @Target
            """;
        const string weights = """
            insert into indicator_weight (plan_version_id, indicator_id, weight)
            select @Target, indicator_id, weight from indicator_weight where plan_version_id = @Source
            """;
        var parameters = new { Source = sourceId, Target = targetId };
        async Task<int> Run(string sql) => await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await Run(shares);
        return new CopiedContent(await Run(goalAreas), await Run(goals), await Run(contributors), await Run(links), await Run(targets), await Run(weights));
    }

    /// <summary>Renames a version or changes its kind, author, decision date or whether it is the plan's current one.</summary>
    public async Task UpdateVersionAsync(int versionId, string rowVersion, PlanVersionDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadVersionAsync(connection, transaction, versionId, cancellationToken) ?? throw EditSql.Conflict("Versionen");
        if (draft.IsCurrent && !before.IsCurrent)
        {
            await ClearCurrentAsync(connection, transaction, before.PlanId, cancellationToken);
        }

        const string update = """
            update plan_version set name = @Name, kind = @Kind, author = @Author, decided_on = @DecidedOn::date, is_current = @IsCurrent
            where id = @Id and xmin::text = @RowVersion
            """;
        await EditSql.UpdateAtVersionAsync(connection, transaction, update, new
            {
                Id = versionId,
                RowVersion = rowVersion,
                Name = draft.Name.Trim(),
                draft.Kind,
                Author = Validation.Clean(draft.Author),
                DecidedOn = EditSql.ToDateTime(draft.DecidedOn),
                draft.IsCurrent,
            }, "Versionen",
            "plan_version_plan_id_name_key", () => DuplicateVersionName(draft.Name), cancellationToken);

        var after = await ReadVersionAsync(connection, transaction, versionId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "plan_version", EditSql.Id(versionId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Makes a version the plan's current one (the one the overview shows); the previous current one stops being it.</summary>
    public async Task SetCurrentVersionAsync(int versionId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadVersionAsync(connection, transaction, versionId, cancellationToken)
            ?? throw new InvalidEditException("", "Versionen finns inte längre. Ladda om sidan.");
        if (before.IsCurrent)
        {
            return;
        }

        await ClearCurrentAsync(connection, transaction, before.PlanId, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update plan_version set is_current = true where id = @Id", new { Id = versionId }, transaction, cancellationToken: cancellationToken));
        var after = await ReadVersionAsync(connection, transaction, versionId, cancellationToken);
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "plan_version", EditSql.Id(versionId), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes a version with its målområden, mål and målvärden; a plan's only version stays.</summary>
    public async Task DeleteVersionAsync(int versionId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadVersionAsync(connection, transaction, versionId, cancellationToken)
            ?? throw new InvalidEditException("", "Versionen finns inte längre. Ladda om sidan.");

        // Lock the plan's versions, so two deletions at once cannot leave it with none.
        var count = (await connection.QueryAsync<int>(new CommandDefinition(
            "select id from plan_version where plan_id = @PlanId for update", new { before.PlanId }, transaction, cancellationToken: cancellationToken))).Count();
        if (count <= 1)
        {
            throw new InvalidEditException("", $"Versionen ”{before.Name}” är planens enda version och kan inte tas bort.");
        }

        // A finalised report is a nämnd's decision about this version: it stays, and the version with it.
        const string finalised = """
            select rp.year::int as Year, rp.kind as Kind
            from report_period rp
            where rp.plan_version_id = @Id
              and exists (select 1 from committee_report cr where cr.report_period_id = rp.id and cr.state = 'finalised')
            order by rp.year, rp.kind desc
            """;
        var decided = (await connection.QueryAsync<(int Year, string Kind)>(new CommandDefinition(finalised, new { Id = versionId }, transaction, cancellationToken: cancellationToken)))
            .Select(r => ReportNames.Title(ReportNames.ParseKind(r.Kind), r.Year).ToLowerInvariant())
            .ToList();
        if (decided.Count > 0)
        {
            throw new InvalidEditException("", $"Versionen ”{before.Name}” kan inte tas bort: nämnder har fastställt {EditSql.List(decided)} för den.");
        }

        const string contents = """
            select (select coalesce(string_agg(code, chr(31) order by sort_order, code), '') from goal_area where plan_version_id = @Id) as GoalAreaCodes,
                   (select coalesce(string_agg(g.code, chr(31) order by ga.sort_order, g.sort_order, g.code), '')
                    from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = @Id) as GoalCodes,
                   (select count(*)::int from target where plan_version_id = @Id) as Targets
            """;
        var content = await connection.QuerySingleAsync<VersionContent>(new CommandDefinition(contents, new { Id = versionId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("delete from plan_version where id = @Id", new { Id = versionId }, transaction, cancellationToken: cancellationToken));
        if (before.IsCurrent)
        {
            // The plan keeps a current version: the newest of the others.
            const string newest = """
                update plan_version set is_current = true
                where id = (select id from plan_version where plan_id = @PlanId order by created_at desc, id desc limit 1)
                """;
            await connection.ExecuteAsync(new CommandDefinition(newest, new { before.PlanId }, transaction, cancellationToken: cancellationToken));
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "delete", "plan_version", EditSql.Id(versionId),
            new { Version = before, GoalAreaCodes = EditSql.Split(content.GoalAreaCodes), GoalCodes = EditSql.Split(content.GoalCodes), content.Targets }, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    sealed record VersionContent(string GoalAreaCodes, string GoalCodes, int Targets);
}
