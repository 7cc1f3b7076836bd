using Indicators.Data.ActionPlans;

namespace Indicators.Data.PlanCode;

// A version's åtgärdsplaner: matched by nämnd and name, their years by year and their åtgärder by name. A version that
// names action_plans gets exactly those (what it no longer has is removed); one that leaves the key out keeps its own.
sealed partial class PlanApply
{
    async Task ActionPlansAsync(VersionPart version)
    {
        if (version.ActionPlans is not { } parts)
        {
            return;
        }

        var versionId = versionIds[version.Name];
        var prefix = $"{plan.Name} / {version.Name}";
        var existing = await edit.ListAsync<ActionPlanRow>("""
            select a.id, c.code as committee, a.name, a.description, a.unit, a.is_example, a.sort_order
            from action_plan a join committee c on c.id = a.committee_id
            where a.plan_version_id = @VersionId
            """, new { VersionId = versionId });
        foreach (var row in existing.Where(r => !parts.Any(p => p.Committee == r.Committee && p.Name.Trim() == r.Name)))
        {
            await ActionPlanWriter.DeleteAsync(edit, row.Id);
            Changed("delete", "action_plan", $"{prefix} / {row.Committee} / {row.Name}");
        }

        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var key = $"{prefix} / {part.Committee} / {part.Name.Trim()}";
            var values = new ActionPlanValues(part.Name.Trim(), Core.Editing.Validation.Clean(part.Description), part.Unit.Trim(), part.Example, i + 1);
            var row = existing.FirstOrDefault(r => r.Committee == part.Committee && r.Name == part.Name.Trim());
            int id;
            if (row is null)
            {
                id = await ActionPlanWriter.InsertAsync(edit, versionId, committeeIds[part.Committee], values);
                Changed("create", "action_plan", key);
            }
            else
            {
                id = row.Id;
                if (row.Values() != values)
                {
                    await ActionPlanWriter.UpdateAsync(edit, id, null, values);
                    Changed("update", "action_plan", key);
                }
            }

            await ActionPlanYearsAsync(id, part, key);
            await ActionMeasuresAsync(id, part, key);
        }
    }

    async Task ActionPlanYearsAsync(int planId, ActionPlanPart part, string key)
    {
        var stored = (await edit.ListAsync<ActionPlanYearValues>(
            "select year::int as year, frame, starting_result, required_effect from action_plan_year where action_plan_id = @PlanId", new { PlanId = planId }))
            .ToDictionary(y => y.Year);
        foreach (var year in stored.Keys.Where(y => part.Years.All(p => p.Year != y)).Order())
        {
            await ActionPlanYearWriter.DeleteAsync(edit, planId, year);
            Changed("delete", "action_plan_year", $"{key} / {year}");
        }

        foreach (var year in part.Years)
        {
            var values = new ActionPlanYearValues(year.Year, year.Frame, year.StartingResult, year.RequiredEffect);
            if (!stored.TryGetValue(year.Year, out var before))
            {
                await ActionPlanYearWriter.InsertAsync(edit, planId, values);
                Changed("create", "action_plan_year", $"{key} / {year.Year}");
            }
            else if (before != values)
            {
                await ActionPlanYearWriter.UpdateAsync(edit, planId, values);
                Changed("update", "action_plan_year", $"{key} / {year.Year}");
            }
        }
    }

    async Task ActionMeasuresAsync(int planId, ActionPlanPart part, string key)
    {
        var stored = await edit.ListAsync<ActionMeasureRow>(
            "select id, name, description, sort_order from action_measure where action_plan_id = @PlanId", new { PlanId = planId });
        foreach (var row in stored.Where(r => part.Measures.All(m => m.Name.Trim() != r.Name)))
        {
            await ActionMeasureWriter.DeleteAsync(edit, row.Id);
            Changed("delete", "action_measure", $"{key} / {row.Name}");
        }

        for (var i = 0; i < part.Measures.Count; i++)
        {
            var measure = part.Measures[i];
            var name = measure.Name.Trim();
            var values = new ActionMeasureValues(name, Core.Editing.Validation.Clean(measure.Description), i + 1);
            var row = stored.FirstOrDefault(r => r.Name == name);
            int id;
            var changed = false;
            if (row is null)
            {
                id = await ActionMeasureWriter.InsertAsync(edit, planId, values);
                Changed("create", "action_measure", $"{key} / {name}");
            }
            else
            {
                id = row.Id;
                if (row.Values() != values)
                {
                    await ActionMeasureWriter.UpdateAsync(edit, id, null, values);
                    changed = true;
                }
            }

            var effects = await ActionMeasureEffectWriter.ReplaceAsync(edit, id, [.. measure.Planned.Select(e => new ActionMeasureEffectValues(e.Year, e.Planned))]);
            if (row is not null && (changed || effects > 0))
            {
                Changed("update", "action_measure", $"{key} / {name}");
            }
        }
    }

    sealed record ActionPlanRow(int Id, string Committee, string Name, string? Description, string Unit, bool IsExample, int SortOrder)
    {
        public ActionPlanValues Values() => new(Name, Description, Unit, IsExample, SortOrder);
    }

    sealed record ActionMeasureRow(int Id, string Name, string? Description, int SortOrder)
    {
        public ActionMeasureValues Values() => new(Name, Description, SortOrder);
    }
}
