using Indicators.Core.CommitteePlans;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Users;
using Npgsql;

namespace Indicators.Data.CommitteePlans;

/// <summary>
/// Nämndplaner and their delmål: each change validated (<see cref="CommitteePlanDraft"/>, <see cref="SubGoalDraft"/>),
/// allowed to analysts and administrators only (checked on the account inside the write's transaction), and written in
/// one audited edit. A nämndplan with an adoption record (a beslutsdatum) is as it was decided: its delmål and their
/// målvärden are not changed; to change them the adoption record is removed first, which the log shows.
/// </summary>
public sealed class CommitteePlanEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreatePlanAsync(int versionId, int committeeId, CommitteePlanDraft draft, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var period = await PlanPeriodAsync(edit, versionId) ?? throw new InvalidEditException("", "Planversionen finns inte längre. Ladda om sidan.");
            Throw(draft.Validate(period.StartYear, period.EndYear));
            if (!await edit.ScalarAsync<bool>("""
                select exists (select 1 from committee c join plan p on p.area_id = c.area_id join plan_version v on v.plan_id = p.id
                               where c.id = @CommitteeId and v.id = @VersionId)
                """, new { CommitteeId = committeeId, VersionId = versionId }))
            {
                throw new InvalidEditException("CommitteeId", "Välj en av planens nämnder.");
            }

            return await CommitteePlanWriter.InsertAsync(edit, versionId, committeeId, Values(draft));
        }, cancellationToken);

    public Task UpdatePlanAsync(int planId, string rowVersion, CommitteePlanDraft draft, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var stored = await StoredPlanAsync(edit, planId) ?? throw CommitteePlanWriter.Conflict();
            Throw(draft.Validate(stored.PlanStartYear, stored.PlanEndYear));
            if (await edit.ScalarAsync<bool>("""
                select exists (select 1 from target_value where committee_plan_id = @Id and (year < @StartYear or year > @EndYear))
                """, new { Id = planId, draft.StartYear, draft.EndYear }))
            {
                throw new InvalidEditException(nameof(CommitteePlanDraft.StartYear),
                    $"Nämndplanen har målvärden utanför åren {draft.StartYear}–{draft.EndYear}. Ta bort dem först.");
            }

            await CommitteePlanWriter.UpdateAsync(edit, planId, rowVersion, Values(draft));
        }, cancellationToken);

    public Task DeletePlanAsync(int planId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var stored = await StoredPlanAsync(edit, planId) ?? throw new InvalidEditException("", "Nämndplanen finns inte längre. Ladda om sidan.");
            RequireNotDecided(stored);
            await CommitteePlanWriter.DeleteAsync(edit, planId);
        }, cancellationToken);

    public Task<int> CreateSubGoalAsync(int committeePlanId, SubGoalDraft draft, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var plan = await StoredPlanAsync(edit, committeePlanId) ?? throw new InvalidEditException("", "Nämndplanen finns inte längre. Ladda om sidan.");
            RequireNotDecided(plan);
            var (values, indicators) = await ResolveAsync(edit, plan, null, draft);
            return await SubGoalWriter.InsertAsync(edit, committeePlanId, values, indicators);
        }, cancellationToken);

    public Task UpdateSubGoalAsync(int subGoalId, string rowVersion, SubGoalDraft draft, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var planId = await edit.ScalarAsync<int?>("select committee_plan_id from sub_goal where id = @Id", new { Id = subGoalId }) ?? throw SubGoalWriter.Conflict();
            var plan = await StoredPlanAsync(edit, planId) ?? throw SubGoalWriter.Conflict();
            RequireNotDecided(plan);
            var (values, indicators) = await ResolveAsync(edit, plan, subGoalId, draft);
            await SubGoalWriter.UpdateAsync(edit, subGoalId, rowVersion, values, indicators);
        }, cancellationToken);

    public Task DeleteSubGoalAsync(int subGoalId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await RequireMayEditAsync(edit);
            var planId = await edit.ScalarAsync<int?>("select committee_plan_id from sub_goal where id = @Id", new { Id = subGoalId })
                ?? throw new InvalidEditException("", "Delmålet finns inte längre. Ladda om sidan.");
            RequireNotDecided(await StoredPlanAsync(edit, planId) ?? throw SubGoalWriter.Conflict());
            await SubGoalWriter.DeleteAsync(edit, subGoalId);
        }, cancellationToken);

    /// <summary>
    /// The draft checked against the nämndplan: its mål is one of the plan version's, its indicators the organisation's
    /// (each at most once in the nämndplan) and its målvärden inside the nämndplan's years.
    /// </summary>
    internal static async Task<(SubGoalValues Values, IReadOnlyList<SubGoalIndicatorValues> Indicators)> ResolveAsync(
        AuditedEdit edit, StoredPlan plan, int? subGoalId, SubGoalDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var known = (await edit.ListAsync<IndicatorRow>("""
            select i.id, i.code, i.direction, i.gender_split from indicator i
            join plan p on p.area_id = i.area_id join plan_version v on v.plan_id = p.id
            where v.id = @VersionId
            """, new { plan.VersionId })).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var errors = draft.Validate(plan.StartYear, plan.EndYear,
            code => known.TryGetValue(code, out var i) ? (DirectionCodes.Parse(i.Direction), i.GenderSplit) : null).ToList();
        if (!await edit.ScalarAsync<bool>("""
            select exists (select 1 from goal g join goal_area ga on ga.id = g.goal_area_id where g.id = @GoalId and ga.plan_version_id = @VersionId)
            """, new { draft.GoalId, plan.VersionId }))
        {
            errors.Add(new FieldError(nameof(SubGoalDraft.GoalId), "Välj ett av regionplanens mål för delmålet."));
        }

        var taken = (await edit.ListAsync<(string Indicator, string SubGoal)>("""
            select i.code, s.code from sub_goal s join sub_goal_indicator si on si.sub_goal_id = s.id join indicator i on i.id = si.indicator_id
            where s.committee_plan_id = @PlanId and s.id is distinct from @SubGoalId
            """, new { PlanId = plan.Id, SubGoalId = subGoalId })).ToDictionary(t => t.Indicator, t => t.SubGoal, StringComparer.Ordinal);
        for (var i = 0; i < draft.Indicators.Count; i++)
        {
            if (taken.TryGetValue(draft.Indicators[i].IndicatorCode.Trim(), out var other))
            {
                errors.Add(new FieldError($"Indicators[{i}].IndicatorCode",
                    $"Indikatorn {draft.Indicators[i].IndicatorCode.Trim()} följer redan upp delmål {other} i nämndplanen. En indikator kan höra till ett delmål per nämndplan."));
            }
        }

        Throw(errors);
        return (new SubGoalValues(draft.GoalId, draft.Code.Trim(), draft.Name.Trim(), Validation.Clean(draft.Description), draft.SortOrder),
            [.. draft.Indicators.Select(i => new SubGoalIndicatorValues(known[i.IndicatorCode.Trim()].Id,
                [.. i.Targets.Select(t => new SubGoalTargetValues(t.Year, t.Gender, t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind,
                    Validation.Clean(t.Provenance), t.IsExample))]))]);
    }

    internal static CommitteePlanValues Values(CommitteePlanDraft draft) => new(
        draft.Name.Trim(), draft.StartYear, draft.EndYear, Validation.Clean(draft.DecidedBy), draft.DecidedOn, Validation.Clean(draft.DecisionSection));

    static async Task RequireMayEditAsync(AuditedEdit edit)
    {
        if (!await AccountRights.MayEditAsync(edit.Connection, edit.Transaction, edit.Actor, null, edit.CancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra nämndplaner. Det får analytiker och administratörer.");
        }
    }

    static void RequireNotDecided(StoredPlan plan)
    {
        if (plan.DecidedOn is { } decided)
        {
            throw new InvalidEditException("",
                $"Nämndplanen ”{plan.Name}” är beslutad {decided:yyyy-MM-dd}, så dess delmål och målvärden ändras inte. Ta bort beslutsuppgifterna i nämndplanen först om planen ska ändras.");
        }
    }

    static void Throw(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidEditException([.. errors]);
        }
    }

    static Task<PlanPeriod?> PlanPeriodAsync(AuditedEdit edit, int versionId) =>
        edit.SingleOrDefaultAsync<PlanPeriod>(
            "select p.start_year::int, p.end_year::int from plan_version v join plan p on p.id = v.plan_id where v.id = @Id", new { Id = versionId });

    internal static Task<StoredPlan?> StoredPlanAsync(AuditedEdit edit, int id) => edit.SingleOrDefaultAsync<StoredPlan>("""
        select cp.id, cp.plan_version_id as version_id, cp.name, cp.start_year::int, cp.end_year::int, cp.decided_on,
               p.start_year::int as plan_start_year, p.end_year::int as plan_end_year
        from committee_plan cp join plan_version v on v.id = cp.plan_version_id join plan p on p.id = v.plan_id
        where cp.id = @Id
        """, new { Id = id });

    internal sealed record StoredPlan(int Id, int VersionId, string Name, int StartYear, int EndYear, DateOnly? DecidedOn, int PlanStartYear, int PlanEndYear);

    sealed record PlanPeriod(int StartYear, int EndYear);

    sealed record IndicatorRow(int Id, string Code, string Direction, bool GenderSplit);
}
