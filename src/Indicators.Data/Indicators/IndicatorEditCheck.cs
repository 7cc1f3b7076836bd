using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Editing;

namespace Indicators.Data.Indicators;

/// <summary>
/// Every rule of an indicator save at once, so the analyst sees all that is wrong: the draft's own rules, the
/// organisation's nämnder, areas and mål, and each listed version's målvärden against its plan's years. Throws one
/// <see cref="InvalidEditException"/> before anything is written.
/// </summary>
static class IndicatorEditCheck
{
    /// <summary>What the save needs once the edit holds: the owner's committee id and each listed version's målvärden.</summary>
    public sealed record Checked(int? CommitteeId, IReadOnlyList<CheckedVersion> Versions);

    public sealed record CheckedVersion(int Id, IReadOnlyList<TargetDraft> Targets);

    sealed record VersionRow(int Id, string Plan, string Version, int StartYear, int EndYear);

    public static async Task<Checked> CheckAsync(AuditedEdit edit, string organisationId, int? indicatorId, IndicatorEdit indicatorEdit)
    {
        var draft = indicatorEdit.Indicator ?? throw new ArgumentException("The edit has no indicator.", nameof(indicatorEdit));
        var v = new Validation();
        v.AddAll("", draft.Validate());

        if (!await edit.ScalarAsync<bool>("select exists (select 1 from area where id = @Id)", new { Id = organisationId }))
        {
            v.Add("Organisation", $"Organisationen '{organisationId}' finns inte.");
        }

        int? committeeId = null;
        if (Validation.Clean(draft.OwnerCommitteeCode) is { } committeeCode)
        {
            committeeId = await edit.ScalarAsync<int?>(
                "select id from committee where area_id = @Organisation and code = @Code", new { Organisation = organisationId, Code = committeeCode });
            if (committeeId is null)
            {
                v.Add(nameof(IndicatorDraft.OwnerCommitteeCode), $"Det finns ingen nämnd med koden '{committeeCode}' i organisationen.");
            }
        }

        var areaIds = draft.ComparisonAreaIds.Append(draft.PrimaryAreaId ?? "").Where(a => a.Length > 0).Distinct().ToArray();
        var knownAreas = (await edit.ListAsync<string>("select id from area where id = any (@Ids)", new { Ids = areaIds })).ToHashSet();
        if (!string.IsNullOrWhiteSpace(draft.PrimaryAreaId) && !knownAreas.Contains(draft.PrimaryAreaId))
        {
            v.Add(nameof(IndicatorDraft.PrimaryAreaId), $"Området '{draft.PrimaryAreaId}' finns inte.");
        }

        foreach (var unknown in draft.ComparisonAreaIds.Where(a => !knownAreas.Contains(a)).Distinct())
        {
            v.Add(nameof(IndicatorDraft.ComparisonAreaIds), $"Jämförelseområdet '{unknown}' finns inte.");
        }

        var goalIds = indicatorEdit.GoalIds.Distinct().ToArray();
        var knownGoals = (await edit.ListAsync<int>("""
            select g.id from goal g
            join goal_area ga on ga.id = g.goal_area_id
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where g.id = any (@Ids) and p.area_id = @Organisation
            """, new { Ids = goalIds, Organisation = organisationId })).ToHashSet();
        if (goalIds.Any(g => !knownGoals.Contains(g)))
        {
            v.Add(nameof(IndicatorEdit.GoalIds), "Ett av de valda målen finns inte längre i organisationens planer. Ladda om sidan och välj igen.");
        }

        var versions = (await edit.ListAsync<VersionRow>("""
            select v.id, p.name as plan, v.name as version, p.start_year::int, p.end_year::int
            from plan_version v join plan p on p.id = v.plan_id
            where v.id = any (@Ids) and p.area_id = @Organisation
            """, new { Ids = indicatorEdit.Versions.Select(x => x.PlanVersionId).ToArray(), Organisation = organisationId })).ToDictionary(x => x.Id);
        var checkedVersions = new List<CheckedVersion>();
        for (var i = 0; i < indicatorEdit.Versions.Count; i++)
        {
            var listed = indicatorEdit.Versions[i];
            if (!versions.TryGetValue(listed.PlanVersionId, out var row) || indicatorEdit.Versions.Take(i).Any(x => x.PlanVersionId == listed.PlanVersionId))
            {
                v.Add($"Versions[{i}]", "Planversionen finns inte i organisationens planer, eller finns två gånger. Ladda om sidan.");
                continue;
            }

            v.AddAll("", TargetDraft.ValidateAll(listed.Targets, row.StartYear, row.EndYear, draft.Direction, draft.GenderSplit, $"Versions[{i}].Targets"));
            checkedVersions.Add(new CheckedVersion(row.Id, listed.Targets));
        }

        if (indicatorId is { } id)
        {
            await CheckKeptTargetsAsync(edit, id, draft, indicatorEdit.Versions.Select(x => x.PlanVersionId).ToArray(), v);
        }

        // AddAll("", …) prefixes a dot; the paths are the parts' own.
        var errors = v.Errors.Select(e => e.Field.StartsWith('.') ? e with { Field = e.Field[1..] } : e).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }

        return new Checked(committeeId, checkedVersions);
    }

    /// <summary>
    /// Targets in versions the edit leaves alone must still fit the indicator once its direction or gender split changes:
    /// a value target cannot judge a band indicator, and a K target cannot stay on an indicator no longer split by gender.
    /// </summary>
    static async Task CheckKeptTargetsAsync(AuditedEdit edit, int indicatorId, IndicatorDraft draft, int[] listedVersions, Validation v)
    {
        if (draft.Direction is null)
        {
            return;
        }

        foreach (var kept in (await IndicatorTargets.StoredAsync(edit, indicatorId, null)).Where(t => !listedVersions.Contains(t.PlanVersionId)))
        {
            var asDraft = new TargetDraft(kept.Year, kept.Gender, kept.Value, kept.BandMin, kept.BandMax, kept.Tolerance, kept.ToleranceKind, kept.Provenance, kept.IsExample);
            var problems = asDraft.Validate(kept.StartYear, kept.EndYear, draft.Direction, draft.GenderSplit);
            if (problems.Count == 0)
            {
                continue;
            }

            var who = kept.Gender switch { "K" => " för kvinnor", "M" => " för män", _ => "" };
            var field = problems.Any(p => p.Field == nameof(TargetDraft.Gender)) ? nameof(IndicatorDraft.GenderSplit) : nameof(IndicatorDraft.Direction);
            v.Add(field, $"Målvärdet för {kept.Year}{who} i {kept.Plan} ({kept.Version}) passar inte längre: {string.Join(" ", problems.Select(p => p.Message))} " +
                "Ändra eller ta bort det målvärdet först.");
        }
    }
}
