using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Plans;

/// <summary>
/// The plan_version table's writes, each with its audit entry: used by the plan editor and by plan import. A plan has one
/// current version (a unique index): making a version current first takes that from the others.
/// </summary>
static class PlanVersionWriter
{
    static readonly AuditedTable<PlanVersionState> Table = new("plan_version", ReadStateAsync, "Versionen");

    const string InsertSql = """
        insert into plan_version (plan_id, name, kind, author, decided_on, is_current)
        values (@PlanId, @Name, @Kind, @Author, @DecidedOn::date, @IsCurrent)
        returning id
        """;

    public static Task<PlanVersionState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    public static async Task<int> InsertAsync(AuditedEdit edit, int planId, VersionValues version)
    {
        await ClearCurrentAsync(edit, planId, version.IsCurrent, 0);
        var id = await Table.InsertAsync<int>(edit, InsertSql, AuditedEdit.Parameters(AsStored(version), new { PlanId = planId }), UniqueName(version.Name));
        await AdoptedVersions.MarkNewAsync(edit, id);
        return id;
    }

    /// <summary>
    /// A new version holding a copy of another version's målområden, mål, contributors, indicator links, målvärden and
    /// goal rule; audited as one "copy" entry that names the source and counts what was copied.
    /// </summary>
    public static async Task<int> InsertCopyAsync(AuditedEdit edit, int planId, VersionValues version, PlanVersionState source)
    {
        ArgumentNullException.ThrowIfNull(source);
        await ClearCurrentAsync(edit, planId, version.IsCurrent, 0);
        var id = await edit.ScalarAsync<int>(InsertSql, AuditedEdit.Parameters(AsStored(version), new { PlanId = planId }), UniqueName(version.Name));
        await AdoptedVersions.MarkNewAsync(edit, id);

        // Each table copies its own rows; rows of the new version are matched to the source's by code.
        await GoalRuleWriter.CopySharesAsync(edit, source.Id, id);
        var goalAreas = await GoalAreaWriter.CopyAsync(edit, source.Id, id);
        var (goals, contributors, links) = await GoalWriter.CopyAsync(edit, source.Id, id);
        var targets = await Indicators.TargetWriter.CopyAsync(edit, source.Id, id);
        var weights = await GoalRuleWriter.CopyWeightsAsync(edit, source.Id, id);
        var copied = new CopiedContent(goalAreas, goals, contributors, links, targets, weights);
        await edit.RecordAsync("copy", Table.Entity, id, null,
            new { Version = await StateAsync(edit, id), CopiedFrom = new { source.Id, source.Name, source.Kind }, Copied = copied });
        return id;
    }

    /// <summary>Changes a version; with a <paramref name="rowVersion"/>, only when the row is still as the form read it.</summary>
    public static async Task<PlanVersionState> UpdateAsync(AuditedEdit edit, int id, string? rowVersion, VersionValues version)
    {
        var before = await StateAsync(edit, id) ?? throw Table.Conflict();
        if (before.Kind == "adopted" && version.Kind != "adopted" && await AdoptedVersions.AdoptedNameAsync(edit, id) is not null)
        {
            // Else a fastställd version could be made a draft, changed freely and adopted again.
            throw new InvalidEditException("Kind", $"Versionen ”{before.Name}” är fastställd och kan inte bli utkast eller förslag igen. " +
                "Gör en revision (Ny revision) för att ändra den.");
        }

        await ClearCurrentAsync(edit, before.PlanId, version.IsCurrent, id);
        return await Table.UpdateAsync(edit, id, """
            update plan_version set name = @Name, kind = @Kind, author = @Author, decided_on = @DecidedOn::date, is_current = @IsCurrent
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(AsStored(version), new { Id = id, RowVersion = rowVersion }), UniqueName(version.Name));
    }

    /// <summary>Makes the version its plan's current one; the previous current one stops being it.</summary>
    public static async Task SetCurrentAsync(AuditedEdit edit, int id)
    {
        var before = await StateAsync(edit, id) ?? throw Table.Conflict();
        await ClearCurrentAsync(edit, before.PlanId, true, id);
        await Table.UpdateAsync(edit, id, "update plan_version set is_current = true where id = @Id", new { Id = id });
    }

    /// <summary>
    /// Deletes a version with its målområden, mål and målvärden (the schema cascades; the entry names them). When it was
    /// current, the plan's newest other version becomes current.
    /// </summary>
    public static async Task DeleteAsync(AuditedEdit edit, int id)
    {
        var content = (await edit.SingleOrDefaultAsync<VersionContent>("""
            select (select coalesce(string_agg(code, chr(31) order by sort_order, code), '') from goal_area where plan_version_id = @Id) as goal_area_codes,
                   (select coalesce(string_agg(g.code, chr(31) order by ga.sort_order, g.sort_order, g.code), '')
                    from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = @Id) as goal_codes,
                   (select count(*)::int from target where plan_version_id = @Id) as targets
            """, new { Id = id }))!;
        var before = await StateAsync(edit, id) ?? throw Table.Conflict();
        await Table.DeleteAsync(edit, id, "delete from plan_version where id = @Id", new { Id = id },
            version => new { Version = version, GoalAreaCodes = JoinedText.Split(content.GoalAreaCodes), GoalCodes = JoinedText.Split(content.GoalCodes), content.Targets });
        if (before.IsCurrent)
        {
            await edit.ExecuteAsync("""
                update plan_version set is_current = true
                where id = (select id from plan_version where plan_id = @PlanId order by created_at desc, id desc limit 1)
                """, new { before.PlanId });
        }
    }

    /// <summary>
    /// When the version <paramref name="versionId"/> (0 for a new one) becomes current, no other version of the plan is.
    /// Not audited on its own: part of the change that makes the version current, which is.
    /// </summary>
    static async Task ClearCurrentAsync(AuditedEdit edit, int planId, bool becomesCurrent, int versionId)
    {
        if (becomesCurrent)
        {
            await edit.ExecuteAsync("update plan_version set is_current = false where plan_id = @PlanId and is_current and id <> @Id",
                new { PlanId = planId, Id = versionId });
        }
    }

    static async Task<PlanVersionState?> ReadStateAsync(AuditedEdit edit, object id) =>
        (await edit.SingleOrDefaultAsync<StateRow>("""
            select v.id, v.plan_id, p.name as plan_name, v.name, v.kind, v.author, v.decided_on::timestamp, v.is_current,
                   v.decided_by, v.decision_section, v.current_from::timestamp, r.name as revises
            from plan_version v join plan p on p.id = v.plan_id left join plan_version r on r.id = v.revises_version_id
            where v.id = @Id
            """, new { Id = id }))?.ToState();

    /// <summary>Records that the version <paramref name="id"/> (a new copy) revises the adopted version <paramref name="revisedId"/>.</summary>
    public static Task<PlanVersionState> SetRevisesAsync(AuditedEdit edit, int id, int revisedId) =>
        Table.UpdateAsync(edit, id, "update plan_version set revises_version_id = @Revised where id = @Id", new { Id = id, Revised = revisedId });

    /// <summary>
    /// Adopts the version with its adoption record (kind adopted, body, meeting date, §, the date it becomes current);
    /// only on the row version the form was opened with.
    /// </summary>
    public static Task<PlanVersionState> AdoptAsync(AuditedEdit edit, int id, string? rowVersion, string decidedBy, DateOnly decidedOn, string section, DateOnly currentFrom) =>
        Table.UpdateAsync(edit, id, """
            update plan_version set kind = 'adopted', decided_by = @DecidedBy, decided_on = @DecidedOn::date, decision_section = @Section,
                                    current_from = @CurrentFrom::date
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), new
        {
            Id = id, RowVersion = rowVersion, DecidedBy = decidedBy, DecidedOn = decidedOn.ToDateTime(TimeOnly.MinValue), Section = section,
            CurrentFrom = currentFrom.ToDateTime(TimeOnly.MinValue),
        });

    /// <summary>The decision date as a DateTime the SQL casts to date.</summary>
    static object AsStored(VersionValues version) => new
    {
        version.Name, version.Kind, version.Author, DecidedOn = version.DecidedOn?.ToDateTime(TimeOnly.MinValue), version.IsCurrent,
    };

    static Unique UniqueName(string name) => new("plan_version_plan_id_name_key",
        () => new InvalidEditException("Name", $"Planen har redan en version som heter ”{name.Trim()}”. Välj ett annat namn."));

    /// <summary>Dapper reads a date as DateTime; the state keeps a DateOnly.</summary>
    sealed record StateRow(
        int Id, int PlanId, string PlanName, string Name, string Kind, string? Author, DateTime? DecidedOn, bool IsCurrent, string? DecidedBy,
        string? DecisionSection, DateTime? CurrentFrom, string? Revises)
    {
        public PlanVersionState ToState() =>
            new(Id, PlanId, PlanName, Name, Kind, Author, DecidedOn is { } d ? DateOnly.FromDateTime(d) : null, IsCurrent, DecidedBy, DecisionSection,
                CurrentFrom is { } c ? DateOnly.FromDateTime(c) : null, Revises);
    }

    sealed record VersionContent(string GoalAreaCodes, string GoalCodes, int Targets);
}

/// <summary>A plan version's stored fields, trimmed and cleaned as they are stored.</summary>
sealed record VersionValues(string Name, string Kind, string? Author, DateOnly? DecidedOn, bool IsCurrent);

/// <summary>How much a version copy took along.</summary>
public sealed record CopiedContent(int GoalAreas, int Goals, int Contributors, int IndicatorLinks, int Targets, int IndicatorWeights);
