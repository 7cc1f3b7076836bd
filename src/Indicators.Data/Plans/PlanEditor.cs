using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>
/// Changes to a plan and its versions (målområden and mål have their own editors). Each change is validated by its Core
/// draft and written through the tables' writers in one audited edit; an update only lands on the row version the form
/// was opened with (<c>xmin</c>).
/// </summary>
public sealed class PlanEditor(NpgsqlDataSource dataSource)
{
    /// <summary>A new plan for an organisation (an area of kind region) with a first, current version.</summary>
    public Task<int> CreatePlanAsync(string areaId, PlanDraft plan, PlanVersionDraft firstVersion, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(firstVersion);
        var v = new Validation();
        foreach (var error in plan.Validate())
        {
            v.Add(error.Field, error.Message);
        }

        v.AddAll("Version", firstVersion.Validate()).ThrowIfAny();
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            if (await edit.ScalarAsync<string>("select kind from area where id = @AreaId", new { AreaId = areaId }) != "region")
            {
                throw new InvalidEditException("AreaId", "Välj organisationen (en region) som planen gäller.");
            }

            var planId = await PlanWriter.InsertAsync(edit, areaId, Values(plan));
            await PlanVersionWriter.InsertAsync(edit, planId, Values(firstVersion with { IsCurrent = true }));
            return planId;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a plan's name, vision and years; its period cannot shrink past the years of its målvärden. Returns the
    /// plan's new row version.
    /// </summary>
    public Task<string> UpdatePlanAsync(int planId, string rowVersion, PlanDraft plan, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            // Said here in words (which years hold målvärden); the trigger plan_period_covers_targets refuses it anyway.
            var years = await edit.ListAsync<int>("""
                select distinct t.year::int from target t join plan_version v on v.id = t.plan_version_id
                where v.plan_id = @PlanId and (t.year < @StartYear or t.year > @EndYear)
                order by 1
                """, new { PlanId = planId, plan.StartYear, plan.EndYear });
            if (years.Count > 0)
            {
                throw PeriodExcludesTargets(plan, years);
            }

            try
            {
                await PlanWriter.UpdateAsync(edit, planId, rowVersion, Values(plan));
            }
            catch (PostgresException e) when (e.ConstraintName == "target_year_inside_plan")
            {
                // A målvärde added by someone else between the check above and the update.
                throw PeriodExcludesTargets(plan, []);
            }

            return await PlanWriter.RowVersionAsync(edit, planId);
        }, cancellationToken);
    }

    static PlanValues Values(PlanDraft plan) => new(plan.Name.Trim(), Validation.Clean(plan.Vision), plan.StartYear, plan.EndYear);

    static VersionValues Values(PlanVersionDraft version) =>
        new(version.Name.Trim(), version.Kind, Validation.Clean(version.Author), version.DecidedOn, version.IsCurrent);

    static InvalidEditException PeriodExcludesTargets(PlanDraft plan, IReadOnlyList<int> years)
    {
        var which = years.Count == 0 ? "målvärden utanför den" : $"målvärden för {SwedishFormat.List([.. years.Select(SwedishFormat.Year)])}";
        var message = $"Planens period kan inte bli {plan.StartYear}–{plan.EndYear}: det finns {which}. Ta bort eller flytta de målvärdena först.";
        return new InvalidEditException([new FieldError(nameof(PlanDraft.StartYear), message), new FieldError(nameof(PlanDraft.EndYear), message)]);
    }

    /// <summary>
    /// A new version of the plan: empty, or – with <paramref name="copyOfVersionId"/> – a copy of another version of the same
    /// plan with its målområden, mål, contributing nämnder, indicator links and målvärden (an opposition proposal, next
    /// year's draft). Audited as "create", or "copy" with the source version named in <c>after</c>.
    /// </summary>
    public Task<int> CreateVersionAsync(int planId, PlanVersionDraft draft, int? copyOfVersionId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            if (copyOfVersionId is not { } sourceId)
            {
                return await PlanVersionWriter.InsertAsync(edit, planId, Values(draft));
            }

            var source = await PlanVersionWriter.StateAsync(edit, sourceId);
            if (source is null || source.PlanId != planId)
            {
                throw new InvalidEditException("CopyOf", "Versionen att kopiera finns inte längre i planen. Ladda om sidan.");
            }

            return await PlanVersionWriter.InsertCopyAsync(edit, planId, Values(draft), source);
        }, cancellationToken);
    }

    /// <summary>Renames a version or changes its kind, author, decision date or whether it is the plan's current one.</summary>
    public Task UpdateVersionAsync(int versionId, string rowVersion, PlanVersionDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor, edit => PlanVersionWriter.UpdateAsync(edit, versionId, rowVersion, Values(draft)), cancellationToken);
    }

    /// <summary>Makes a version the plan's current one (the one the overview shows); the previous current one stops being it.</summary>
    public Task SetCurrentVersionAsync(int versionId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await PlanVersionWriter.StateAsync(edit, versionId) ?? throw VersionGone();
            if (!before.IsCurrent)
            {
                await PlanVersionWriter.SetCurrentAsync(edit, versionId);
            }
        }, cancellationToken);

    /// <summary>Deletes a version with its målområden, mål and målvärden; a plan's only version stays.</summary>
    public Task DeleteVersionAsync(int versionId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await PlanVersionWriter.StateAsync(edit, versionId) ?? throw VersionGone();

            // Lock the plan's versions, so two deletions at once cannot leave it with none.
            var versions = await edit.ListAsync<int>("select id from plan_version where plan_id = @PlanId for update", new { before.PlanId });
            if (versions.Count <= 1)
            {
                throw new InvalidEditException("", $"Versionen ”{before.Name}” är planens enda version och kan inte tas bort.");
            }

            // A finalised report is a nämnd's decision about this version: it stays, and the version with it.
            var decided = (await edit.ListAsync<(int Year, string Kind)>("""
                select rp.year::int, rp.kind
                from report_period rp
                where rp.plan_version_id = @Id
                  and exists (select 1 from committee_report cr where cr.report_period_id = rp.id and cr.state = 'finalised')
                order by rp.year, rp.kind desc
                """, new { Id = versionId }))
                .Select(r => ReportNames.Title(ReportNames.ParseKind(r.Kind), r.Year).ToLowerInvariant())
                .ToList();
            if (decided.Count > 0)
            {
                throw new InvalidEditException("", $"Versionen ”{before.Name}” kan inte tas bort: nämnder har fastställt {SwedishFormat.List(decided)} för den.");
            }

            await PlanVersionWriter.DeleteAsync(edit, versionId);
        }, cancellationToken);

    /// <summary>
    /// "Ny revision": a draft copy of an adopted version that records the version it revises. Edited freely as a draft, it
    /// takes over from the revised version once adopted with its own decision (<see cref="AdoptVersionAsync"/>).
    /// </summary>
    public Task<int> CreateRevisionAsync(int adoptedVersionId, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        var draft = new PlanVersionDraft(name ?? "", "draft", null, null, false);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var source = await PlanVersionWriter.StateAsync(edit, adoptedVersionId) ?? throw VersionGone();
            if (source.Kind != "adopted")
            {
                throw new InvalidEditException("", $"Versionen ”{source.Name}” är inte fastställd; ändra den direkt i stället för att göra en revision.");
            }

            var id = await PlanVersionWriter.InsertCopyAsync(edit, source.PlanId, Values(draft), source);
            await PlanVersionWriter.SetRevisesAsync(edit, id, source.Id);
            return id;
        }, cancellationToken);
    }

    /// <summary>
    /// Adopts a version with its decision: body, meeting date, § and the date from which it is the plan's current one. A
    /// version already adopted with a decision keeps it (a new decision is a revision). When that date has come the
    /// version becomes current now; otherwise <see cref="MakeDueRevisionsCurrentAsync"/> makes it so on the day.
    /// </summary>
    public Task AdoptVersionAsync(
        int versionId, string rowVersion, AdoptionDraft adoption, DateOnly today, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adoption);
        if (adoption.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var before = await PlanVersionWriter.StateAsync(edit, versionId) ?? throw VersionGone();
            if (before is { Kind: "adopted", DecidedBy: not null })
            {
                throw new InvalidEditException("", $"Versionen ”{before.Name}” är redan fastställd ({AdoptionDraft.Citation(before.DecidedBy, before.DecidedOn, before.DecisionSection)}). " +
                    "Ett nytt beslut görs som en revision (Ny revision).");
            }

            await PlanVersionWriter.AdoptAsync(edit, versionId, rowVersion, adoption.DecidedBy!.Trim(), adoption.DecidedOn!.Value, adoption.Section!.Trim(),
                adoption.CurrentFrom!.Value);
            if (adoption.CurrentFrom <= today && (before.Revises is null || await RevisedIsCurrentAsync(edit, versionId)))
            {
                await PlanVersionWriter.SetCurrentAsync(edit, versionId);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Makes each adopted revision whose date has come (current_from on or before <paramref name="today"/>) its plan's
    /// current version, when the version it revises still is: the daily job, and after an adoption. Returns how many.
    /// </summary>
    public Task<int> MakeDueRevisionsCurrentAsync(DateOnly today, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            var due = await edit.ListAsync<int>("""
                select r.id from plan_version r join plan_version revised on revised.id = r.revises_version_id
                where r.kind = 'adopted' and r.current_from <= @Today::date and revised.is_current
                order by r.current_from, r.id
                for update of r
                """, new { Today = today.ToDateTime(TimeOnly.MinValue) });
            foreach (var id in due)
            {
                if (await RevisedIsCurrentAsync(edit, id))
                {
                    await PlanVersionWriter.SetCurrentAsync(edit, id);
                }
            }

            return due.Count;
        }, cancellationToken);

    static Task<bool> RevisedIsCurrentAsync(AuditedEdit edit, int versionId) => edit.ScalarAsync<bool>("""
        select coalesce((select revised.is_current from plan_version r join plan_version revised on revised.id = r.revises_version_id where r.id = @Id), false)
        """, new { Id = versionId });

    static InvalidEditException VersionGone() => new("", "Versionen finns inte längre. Ladda om sidan.");
}
