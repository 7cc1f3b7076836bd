using Indicators.Data.CommitteePlans;

namespace Indicators.Data.PlanCode;

sealed partial class PlanApply
{
    /// <summary>
    /// A version's nämndplaner, when the document names them: matched by nämnd and name, their delmål by code; what is new is
    /// created, what differs updated, and nämndplaner and delmål the document no longer has are removed. Each through its
    /// writer (<see cref="CommitteePlanWriter"/>, <see cref="SubGoalWriter"/>) with its audit entry.
    /// </summary>
    async Task CommitteePlansAsync(VersionPart version)
    {
        if (version.CommitteePlans is not { } plans)
        {
            return;
        }

        var versionId = versionIds[version.Name];
        var existing = (await edit.ListAsync<ExistingPlan>("""
            select cp.id, c.code as committee, cp.name from committee_plan cp join committee c on c.id = cp.committee_id where cp.plan_version_id = @VersionId
            """, new { VersionId = versionId })).ToDictionary(p => (p.Committee, p.Name));
        foreach (var gone in existing.Values.Where(e => !plans.Any(p => p.Committee == e.Committee && p.Name == e.Name)))
        {
            await CommitteePlanWriter.DeleteAsync(edit, gone.Id);
            Changed("delete", "committee_plan", PlanKey(version, gone.Committee, gone.Name));
        }

        foreach (var part in plans)
        {
            var key = PlanKey(version, part.Committee, part.Name);
            var values = new CommitteePlanValues(part.Name.Trim(), part.StartYear, part.EndYear, Core.Editing.Validation.Clean(part.DecidedBy), part.DecidedOn,
                Core.Editing.Validation.Clean(part.DecisionSection));
            int id;
            if (existing.TryGetValue((part.Committee, part.Name), out var row))
            {
                id = row.Id;
                var before = (await CommitteePlanWriter.StateAsync(edit, id))!;
                if ((before.StartYear, before.EndYear, before.DecidedBy, before.DecidedOn, before.DecisionSection)
                    != (values.StartYear, values.EndYear, values.DecidedBy, values.DecidedOn, values.DecisionSection))
                {
                    await CommitteePlanWriter.UpdateAsync(edit, id, null, values);
                    Changed("update", "committee_plan", key);
                }
            }
            else
            {
                id = await CommitteePlanWriter.InsertAsync(edit, versionId, committeeIds[part.Committee], values);
                Changed("create", "committee_plan", key);
            }

            await SubGoalsAsync(versionId, id, key, part);
        }
    }

    async Task SubGoalsAsync(int versionId, int planId, string planKey, CommitteePlanPart part)
    {
        var existing = (await edit.ListAsync<(int Id, string Code)>("select id, code from sub_goal where committee_plan_id = @PlanId", new { PlanId = planId }))
            .ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal);
        foreach (var (code, goneId) in existing.Where(e => !part.SubGoals.Any(s => s.Code == e.Key)))
        {
            await SubGoalWriter.DeleteAsync(edit, goneId);
            Changed("delete", "sub_goal", $"{planKey} / {code}");
        }

        for (var i = 0; i < part.SubGoals.Count; i++)
        {
            var subGoal = part.SubGoals[i];
            var goalId = await ScalarAsync<int>("""
                select g.id from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = @VersionId and ga.code = @Area and g.code = @Goal
                """, new { VersionId = versionId, Area = subGoal.GoalArea, subGoal.Goal });
            var values = new SubGoalValues(goalId, subGoal.Code.Trim(), subGoal.Name.Trim(), Core.Editing.Validation.Clean(subGoal.Description), i + 1);
            var targets = part.Targets.Where(t => subGoal.Indicators.Contains(t.Indicator, StringComparer.Ordinal)).ToList();
            var indicators = subGoal.Indicators.Select(code => new SubGoalIndicatorValues(indicatorIds[code],
                [.. targets.Where(t => t.Indicator == code).Select(t => new SubGoalTargetValues(
                    t.Year, t.Gender, t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind, Core.Editing.Validation.Clean(t.Provenance), t.Example))])).ToList();
            var key = $"{planKey} / {subGoal.Code}";
            if (existing.TryGetValue(subGoal.Code, out var id))
            {
                var before = (await SubGoalWriter.StateAsync(edit, id))!;
                if (Json(Comparable(before)) != Json(Comparable(subGoal, values, targets)))
                {
                    await SubGoalWriter.UpdateAsync(edit, id, null, values, indicators);
                    Changed("update", "sub_goal", key);
                }
            }
            else
            {
                await SubGoalWriter.InsertAsync(edit, planId, values, indicators);
                Changed("create", "sub_goal", key);
            }
        }
    }

    static string PlanKey(VersionPart version, string committee, string name) => $"{version.Name} / {committee} / {name}";

    /// <summary>What an import compares of a stored delmål: everything its state records but its id and names of its plan.</summary>
    static object Comparable(SubGoalState s) => new
    {
        s.GoalAreaCode, s.GoalCode, s.Code, s.Name, s.Description, s.SortOrder, Indicators = s.IndicatorCodes,
        Targets = s.Targets.OrderBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => t.Year).ThenBy(t => t.Gender, StringComparer.Ordinal)
            .Select(t => new { t.Indicator, t.Year, t.Gender, t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind, t.Provenance, t.IsExample }).ToList(),
    };

    static object Comparable(SubGoalPart part, SubGoalValues values, IReadOnlyList<TargetPart> targets) => new
    {
        GoalAreaCode = part.GoalArea, GoalCode = part.Goal, values.Code, values.Name, values.Description, values.SortOrder, Indicators = part.Indicators,
        Targets = targets.OrderBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => t.Year).ThenBy(t => t.Gender ?? "T", StringComparer.Ordinal)
            .Select(t => new
            {
                t.Indicator, t.Year, Gender = t.Gender ?? "T", t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind,
                Provenance = Core.Editing.Validation.Clean(t.Provenance), IsExample = t.Example,
            }).ToList(),
    };

    sealed record ExistingPlan(int Id, string Committee, string Name);
}
