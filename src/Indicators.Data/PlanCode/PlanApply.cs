using System.Text.Json;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Indicators;
using Indicators.Data.Plans;
using Indicators.Data.Sources;
using Npgsql;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Writes a checked document in the caller's transaction. Matches by natural keys; creates what is new; updates what
/// differs; within the document's versions removes the målområden, mål and målvärden the document no longer has.
/// Never deletes areas, committees, indicators, sources or versions the document leaves out (they may serve other plans or
/// hold outcomes). Every change goes through its table's writer, as an editor's does, and gets an audit entry with action
/// "import" and the entity's state before and after; <see cref="Changes"/> names each by its natural key.
/// </summary>
sealed partial class PlanApply(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, PlanDocument document, CancellationToken cancellationToken)
{
    const string Action = "import";

    readonly AuditedEdit edit = AuditedEdit.In(connection, transaction, actor, Action, cancellationToken);
    readonly PlanPart plan = document.Plan;
    readonly Dictionary<string, int> committeeIds = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> indicatorIds = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> versionIds = new(StringComparer.Ordinal);

    public List<PlanCodeChange> Changes { get; } = [];

    public List<int> SourceIds { get; } = [];

    public int PlanId { get; private set; }

    public async Task RunAsync()
    {
        await AreasAsync();
        await CommitteesAsync();
        var existingPlanId = await ScalarAsync<int?>("select id from plan where area_id = @Area and name = @Name", new { plan.Area, plan.Name });
        if (existingPlanId is { } id)
        {
            // First, so a shorter period is not refused for targets the document removes anyway.
            await RemoveTargetsAsync(id);
        }

        await PlanAsync(existingPlanId);
        await VersionsAsync();
        await IndicatorsAsync();
        foreach (var version in document.Versions)
        {
            await GoalAreasAsync(version);
            await TargetsAsync(version);
            await GoalRuleAsync(version);
            await AssignmentsAsync(version);
            await ActionPlansAsync(version);
            await CommitteePlansAsync(version);
        }

        await SourcesAsync();
        await edit.RecordAsync(Action, "plan", PlanId, null, new
        {
            Format = PlanDocument.Format,
            Plan = plan.Name,
            plan.Area,
            Created = Changes.Count(c => c.Action == "create"),
            Updated = Changes.Count(c => c.Action == "update"),
            Removed = Changes.Count(c => c.Action == "delete"),
            Changes,
        });
    }

    async Task AreasAsync()
    {
        foreach (var area in document.Areas)
        {
            // Areas are shared by every plan (Kolada's regions): an import adds missing ones and leaves existing ones be.
            if (await ScalarAsync<bool>("select exists (select 1 from area where id = @Id)", new { area.Id }))
            {
                continue;
            }

            await AreaWriter.InsertAsync(edit, new AreaState(area.Id, area.Name, area.ShortName, area.Kind));
            Changed("create", "area", area.Id);
        }
    }

    async Task CommitteesAsync()
    {
        foreach (var committee in document.Committees)
        {
            var found = await edit.SingleOrDefaultAsync<CommitteeRow>(
                "select id, name from committee where area_id = @Area and code = @Code", new { plan.Area, committee.Code });
            int id;
            if (found is not null)
            {
                id = found.Id;
                if (found.Name != committee.Name)
                {
                    await CommitteeWriter.UpdateAsync(edit, id, null, committee.Code, committee.Name);
                    Changed("update", "committee", committee.Code);
                }
            }
            else
            {
                id = await CommitteeWriter.InsertAsync(edit, plan.Area, committee.Code, committee.Name);
                Changed("create", "committee", committee.Code);
            }

            committeeIds[committee.Code] = id;
        }
    }

    async Task PlanAsync(int? existingId)
    {
        var values = new PlanValues(plan.Name, plan.Vision, plan.StartYear, plan.EndYear);
        if (existingId is { } id)
        {
            PlanId = id;
            var before = (await PlanWriter.StateAsync(edit, id))!;
            if ((before.Vision, before.StartYear, before.EndYear) != (plan.Vision, plan.StartYear, plan.EndYear))
            {
                await PlanWriter.UpdateAsync(edit, id, null, values);
                Changed("update", "plan", plan.Name);
            }
        }
        else
        {
            PlanId = await PlanWriter.InsertAsync(edit, plan.Area, values);
            Changed("create", "plan", plan.Name);
        }
    }

    async Task VersionsAsync()
    {
        var existing = (await edit.ListAsync<VersionRow>(
            "select id, name, kind, author, decided_on::timestamp, is_current from plan_version where plan_id = @PlanId", new { PlanId }))
            .ToDictionary(v => v.Name, StringComparer.Ordinal);

        // One current version per plan: the document's current one takes over from any other.
        if (document.Versions.FirstOrDefault(v => v.Current) is { } current)
        {
            foreach (var other in existing.Values.Where(v => v.IsCurrent && v.Name != current.Name))
            {
                await PlanVersionWriter.UpdateAsync(edit, other.Id, null, other.Values() with { IsCurrent = false });
                Changed("update", "plan_version", $"{plan.Name} / {other.Name}");
            }
        }

        foreach (var version in document.Versions)
        {
            var values = new VersionValues(version.Name, version.Kind, version.Author, version.DecidedOn, version.Current);
            if (existing.TryGetValue(version.Name, out var row))
            {
                versionIds[version.Name] = row.Id;
                if (row.Values() != values)
                {
                    await PlanVersionWriter.UpdateAsync(edit, row.Id, null, values);
                    Changed("update", "plan_version", $"{plan.Name} / {version.Name}");
                }
            }
            else
            {
                versionIds[version.Name] = await PlanVersionWriter.InsertAsync(edit, PlanId, values);
                Changed("create", "plan_version", $"{plan.Name} / {version.Name}");
            }
        }
    }

    async Task IndicatorsAsync()
    {
        const string findSql = """
            select i.id, i.code, i.name, i.description, i.unit, i.decimals, i.direction, i.frequency, i.aggregation, i.gender_split,
                   i.tolerance, i.tolerance_kind, i.trend_min_difference, i.source_description, i.kpi_id, c.code as owner,
                   i.primary_area_id as primary_area, i.counted_noun
            from indicator i left join committee c on c.id = i.owner_committee_id
            where i.area_id = @Area and i.code = @Code
            """;
        foreach (var i in document.Indicators)
        {
            var values = new IndicatorValues(
                i.Code, i.Name, i.Description, i.Unit, (short)i.Decimals, i.Direction, i.Frequency, i.Aggregation, i.GenderSplit,
                i.Owner is null ? null : committeeIds[i.Owner], i.PrimaryArea, i.Tolerance, i.ToleranceKind, i.TrendMinDifference,
                i.SourceDescription, i.KpiId, i.CountedNoun);
            var row = await edit.SingleOrDefaultAsync<IndicatorRow>(findSql, new { plan.Area, i.Code });
            if (row is null)
            {
                indicatorIds[i.Code] = await IndicatorWriter.InsertAsync(edit, plan.Area, values, i.ComparisonAreas, null);
                Changed("create", "indicator", i.Code);
                continue;
            }

            indicatorIds[i.Code] = row.Id;
            var comparisons = await edit.ListAsync<string>("select area_id from indicator_comparison_area where indicator_id = @Id order by area_id", new { row.Id });
            var before = row.Part(comparisons);
            var after = i with { ComparisonAreas = [.. i.ComparisonAreas.Order(StringComparer.Ordinal)] };
            if (Json(before) != Json(after))
            {
                await IndicatorWriter.UpdateAsync(edit, row.Id, null, values, i.ComparisonAreas, null, JusteringOf);
                Changed("update", "indicator", i.Code);
            }
        }
    }

    /// <summary>The document's reason for changes to the version <paramref name="versionId"/> (none for a version it leaves out).</summary>
    string? JusteringOf(int versionId) =>
        document.Versions.FirstOrDefault(v => versionIds.TryGetValue(v.Name, out var id) && id == versionId)?.Justering;

    async Task SourcesAsync()
    {
        var planIndicatorIds = indicatorIds.Values.ToArray();
        foreach (var source in document.Sources)
        {
            var settings = await ScalarAsync<string>("select @Settings::jsonb::text", new { source.Settings });
            var wantedIds = source.Indicators.Select(c => indicatorIds[c]).ToArray();
            var after = source with { Settings = settings, Indicators = [.. source.Indicators.Order(StringComparer.Ordinal)] };
            var values = new SourceValues(source.Name, source.Kind, source.Cron, source.FullRefreshCron, source.TimeZone, source.Enabled, settings);
            var row = await edit.SingleOrDefaultAsync<SourceDefinition>($"select {SourceQueries.Columns} from source where name = @Name", new { source.Name });
            int id;
            if (row is null)
            {
                id = await SourceWriter.InsertAsync(edit, values);
                await ChangedAsync("create", SourceWriter.Entity, id, source.Name, null, after);
            }
            else
            {
                id = row.Id;
                var linked = await edit.ListAsync<string>("""
                    select i.code from source_indicator si join indicator i on i.id = si.indicator_id
                    where si.source_id = @Id and si.indicator_id = any(@PlanIndicatorIds) order by i.code
                    """, new { row.Id, PlanIndicatorIds = planIndicatorIds });
                var before = new SourcePart(row.Name, row.Kind, row.Cron, row.FullRefreshCron, row.TimeZone, row.Enabled, row.Settings, linked);
                if (Json(before) != Json(after))
                {
                    // The stored secret and the demo mark stay as they are: a document never carries them.
                    await SourceWriter.UpdateAsync(edit, id, rowVersion: null, values);
                    await ChangedAsync("update", SourceWriter.Entity, id, source.Name, before, after);
                }
            }

            // Links to this plan's indicators follow the document; links to other plans' indicators stay.
            await SourceWriter.LinkAsync(edit, id, wantedIds, within: planIndicatorIds);
            SourceIds.Add(id);
        }
    }

    /// <summary>A change made through a writer (which wrote its audit entry), named for the import's list of changes.</summary>
    void Changed(string change, string entity, string key) => Changes.Add(new PlanCodeChange(change, entity, key));

    /// <summary>A change written here rather than through a writer (a source), with its audit entry.</summary>
    async Task ChangedAsync(string change, string entity, object id, string key, object? before, object? after)
    {
        Changed(change, entity, key);
        await edit.RecordAsync(change, entity, id, before, after);
    }

    static string Json(object value) => JsonSerializer.Serialize(value);

    Task<T> ScalarAsync<T>(string sql, object args) => edit.ScalarAsync<T>(sql, args)!;

    sealed record CommitteeRow(int Id, string Name);

    sealed record VersionRow(int Id, string Name, string Kind, string? Author, DateTime? DecidedOn, bool IsCurrent)
    {
        public VersionValues Values() => new(Name, Kind, Author, DecidedOn is { } d ? DateOnly.FromDateTime(d) : null, IsCurrent);
    }

    sealed record IndicatorRow(
        int Id, string Code, string Name, string? Description, string Unit, short Decimals, string Direction, string Frequency, string Aggregation,
        bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string? SourceDescription, string? KpiId,
        string? Owner, string PrimaryArea, string? CountedNoun)
    {
        public IndicatorPart Part(IReadOnlyList<string> comparisonAreas) => new(
            Code, Name, Description, Unit, Decimals, Direction, Frequency, Aggregation, GenderSplit, Tolerance, ToleranceKind, TrendMinDifference,
            SourceDescription, KpiId, Owner, PrimaryArea, comparisonAreas, CountedNoun);
    }
}
