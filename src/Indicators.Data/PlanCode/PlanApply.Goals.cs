using Indicators.Core.Attainment;
using Indicators.Data.Indicators;
using Indicators.Data.Plans;

namespace Indicators.Data.PlanCode;

// The parts of each document version: målområden, mål, målvärden and the goal rule.
sealed partial class PlanApply
{
    async Task GoalAreasAsync(VersionPart version)
    {
        var versionId = versionIds[version.Name];
        var existing = (await edit.ListAsync<GoalAreaRow>(
            "select id, code, name, description, kind, sort_order from goal_area where plan_version_id = @VersionId", new { VersionId = versionId }))
            .ToDictionary(a => a.Code, StringComparer.Ordinal);
        var goals = await edit.ListAsync<GoalRow>("""
            select g.id, g.goal_area_id, ga.code as goal_area, g.code, g.name, g.description, c.code as owner, g.sort_order,
                   array(select cc.code from goal_contributor gc join committee cc on cc.id = gc.committee_id where gc.goal_id = g.id order by cc.code) as contributors,
                   array(select i.code from goal_indicator gi join indicator i on i.id = gi.indicator_id where gi.goal_id = g.id order by gi.sort_order, i.code) as indicators
            from goal g join goal_area ga on ga.id = g.goal_area_id left join committee c on c.id = g.owner_committee_id
            where ga.plan_version_id = @VersionId
            """, new { VersionId = versionId });
        var prefix = $"{plan.Name} / {version.Name}";

        // Goals and goal areas the document no longer has, goals first so each gets its own entry.
        var wanted = version.GoalAreas.SelectMany(a => a.Goals.Select(g => (a.Code, g.Code))).ToHashSet();
        foreach (var goal in goals.Where(g => !wanted.Contains((g.GoalArea, g.Code))))
        {
            await GoalWriter.DeleteAsync(edit, goal.Id);
            Changed("delete", "goal", $"{prefix} / {goal.GoalArea} / {goal.Code}");
        }

        foreach (var area in existing.Values.Where(a => version.GoalAreas.All(d => d.Code != a.Code)))
        {
            await GoalAreaWriter.DeleteAsync(edit, area.Id);
            Changed("delete", "goal_area", $"{prefix} / {area.Code}");
        }

        for (var a = 0; a < version.GoalAreas.Count; a++)
        {
            var area = version.GoalAreas[a];
            var values = new GoalAreaValues(area.Code, area.Name, area.Description, area.Kind, a + 1);
            int areaId;
            if (existing.TryGetValue(area.Code, out var row))
            {
                areaId = row.Id;
                if (row.Values() != values)
                {
                    await GoalAreaWriter.UpdateAsync(edit, row.Id, null, values);
                    Changed("update", "goal_area", $"{prefix} / {area.Code}");
                }
            }
            else
            {
                areaId = await GoalAreaWriter.InsertAsync(edit, versionId, values);
                Changed("create", "goal_area", $"{prefix} / {area.Code}");
            }

            for (var g = 0; g < area.Goals.Count; g++)
            {
                await GoalAsync(area, areaId, area.Goals[g], g + 1, goals.FirstOrDefault(x => x.GoalArea == area.Code && x.Code == area.Goals[g].Code), version.Name, version.Justering);
            }
        }
    }

    async Task GoalAsync(GoalAreaPart area, int areaId, GoalPart goal, int sortOrder, GoalRow? row, string versionName, string? justering)
    {
        var key = $"{plan.Name} / {versionName} / {area.Code} / {goal.Code}";
        var values = new GoalValues(goal.Code, goal.Name, goal.Description, goal.Owner is null ? null : committeeIds[goal.Owner], sortOrder);
        var contributors = goal.Contributors.Select(c => committeeIds[c]).ToArray();
        var indicators = goal.Indicators.Select(c => indicatorIds[c]).ToArray();
        if (row is null)
        {
            await GoalWriter.InsertAsync(edit, areaId, values, contributors, indicators, justering);
            Changed("create", "goal", key);
        }
        else if (!row.Same(goal, sortOrder))
        {
            await GoalWriter.UpdateAsync(edit, row.Id, null, values, contributors, indicators, justering);
            Changed("update", "goal", key);
        }
    }

    const string TargetsSql = """
        select t.id, i.code as indicator, t.year::int, nullif(t.gender, 'T') as gender, t.value, t.band_min, t.band_max, t.tolerance,
               t.tolerance_kind, t.provenance, t.is_example as example
        from target t join indicator i on i.id = t.indicator_id
        where t.plan_version_id = @VersionId
        """;

    /// <summary>Removes the targets of the document's versions that the document no longer has.</summary>
    async Task RemoveTargetsAsync(int planId)
    {
        foreach (var version in document.Versions)
        {
            var versionId = await ScalarAsync<int?>("select id from plan_version where plan_id = @PlanId and name = @Name", new { PlanId = planId, version.Name });
            if (versionId is null)
            {
                continue;
            }

            var wanted = version.Targets.Select(t => (t.Indicator, t.Year, NormalGender(t.Gender))).ToHashSet();
            foreach (var row in await TargetRowsAsync(versionId.Value))
            {
                if (!wanted.Contains((row.Indicator, row.Year, row.Gender)))
                {
                    await TargetWriter.DeleteAsync(edit, row.Id, version.Justering);
                    Changed("delete", "target", TargetKey(version.Name, row.Part()));
                }
            }
        }
    }

    async Task TargetsAsync(VersionPart version)
    {
        var versionId = versionIds[version.Name];
        var existing = (await TargetRowsAsync(versionId)).ToDictionary(t => (t.Indicator, t.Year, t.Gender));
        foreach (var target in version.Targets)
        {
            var part = target with { Gender = NormalGender(target.Gender) };
            var values = new TargetValues(
                part.Year, part.Gender, part.Value, part.BandMin, part.BandMax, part.Tolerance, part.ToleranceKind, part.Provenance, part.Example);
            if (existing.TryGetValue((part.Indicator, part.Year, part.Gender), out var row))
            {
                if (row.Part() != part)
                {
                    await TargetWriter.UpdateAsync(edit, row.Id, values, version.Justering);
                    Changed("update", "target", TargetKey(version.Name, part));
                }
            }
            else
            {
                await TargetWriter.InsertAsync(edit, versionId, indicatorIds[part.Indicator], values, version.Justering);
                Changed("create", "target", TargetKey(version.Name, part));
            }
        }
    }

    /// <summary>A version's goal rule as the document says (the default rule when it has none), audited as one "goal_rule" change.</summary>
    async Task GoalRuleAsync(VersionPart version)
    {
        var versionId = versionIds[version.Name];
        var wanted = version.GoalRule ?? GoalRulePart.Default;
        var stored = await GoalRuleEditor.ReadAsync(connection, transaction, versionId, cancellationToken);
        var before = GoalRuleEditor.AuditState.Of(stored!);
        var after = before with
        {
            MetShare = wanted.MetShare,
            NotMetShare = wanted.NotMetShare,
            Weights = [.. wanted.Weights.Where(w => w.Weight != GoalRule.DefaultWeight).OrderBy(w => w.Indicator, StringComparer.Ordinal)
                .Select(w => new GoalRuleEditor.WeightState(w.Indicator, w.Weight))],
        };
        if (before.Same(after))
        {
            return;
        }

        await GoalRuleWriter.UpdateAsync(edit, versionId, null, new GoalRule(wanted.MetShare, wanted.NotMetShare),
            wanted.Weights.Select(w => (indicatorIds[w.Indicator], w.Weight)));
        Changed("update", "goal_rule", $"{plan.Name} / {version.Name}");
    }

    Task<IReadOnlyList<TargetRow>> TargetRowsAsync(int versionId) => edit.ListAsync<TargetRow>(TargetsSql, new { VersionId = versionId });

    /// <summary>"T" and no gender both mean totalt, stored as null.</summary>
    static string? NormalGender(string? gender) => gender is "T" ? null : gender;

    string TargetKey(string version, TargetPart t) => $"{plan.Name} / {version} / {t.Indicator} / {t.Year}{(t.Gender is null ? "" : " / " + t.Gender)}";

    sealed record GoalAreaRow(int Id, string Code, string Name, string? Description, string Kind, int SortOrder)
    {
        public GoalAreaValues Values() => new(Code, Name, Description, Kind, SortOrder);
    }

    /// <summary>Settable properties rather than a constructor: Dapper hands PostgreSQL arrays over as System.Array, which no constructor matches.</summary>
    sealed record GoalRow
    {
        public int Id { get; init; }

        public int GoalAreaId { get; init; }

        public string GoalArea { get; init; } = "";

        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string? Description { get; init; }

        public string? Owner { get; init; }

        public int SortOrder { get; init; }

        public string[] Contributors { get; init; } = [];

        public string[] Indicators { get; init; } = [];

        /// <summary>Whether the stored mål is as the document has it (contributors in code order, indicators in the document's).</summary>
        public bool Same(GoalPart goal, int sortOrder) =>
            Name == goal.Name && Description == goal.Description && Owner == goal.Owner && SortOrder == sortOrder
            && Contributors.SequenceEqual(goal.Contributors.Order(StringComparer.Ordinal)) && Indicators.SequenceEqual(goal.Indicators);
    }

    sealed record TargetRow(
        int Id, string Indicator, int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax,
        decimal? Tolerance, string? ToleranceKind, string? Provenance, bool Example)
    {
        public TargetPart Part() => new(Indicator, Year, Gender, Value, BandMin, BandMax, Tolerance, ToleranceKind, Provenance, Example);
    }
}
