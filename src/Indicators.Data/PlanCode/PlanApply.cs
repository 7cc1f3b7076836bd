using System.Text.Json;
using Dapper;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Indicators.Data.Sources;
using Npgsql;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Writes a checked document in the caller's transaction. Matches by natural keys; creates what is new; updates what
/// differs; within the document's versions removes the målområden, mål and målvärden the document no longer has.
/// Never deletes areas, committees, indicators, sources or versions the document leaves out (they may serve other plans or
/// hold outcomes). Every change gets an audit entry with action "import" and the entity's state before and after.
/// </summary>
sealed class PlanApply(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, PlanDocument document, CancellationToken cancellationToken)
{
    const string Action = "import";

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
        }

        await SourcesAsync();
        await AuditLog.WriteAsync(connection, transaction, actor, Action, "plan", PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new
        {
            Format = PlanDocument.Format,
            Plan = plan.Name,
            plan.Area,
            Created = Changes.Count(c => c.Action == "create"),
            Updated = Changes.Count(c => c.Action == "update"),
            Removed = Changes.Count(c => c.Action == "delete"),
            Changes,
        }, cancellationToken);
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

            await ExecuteAsync("insert into area (id, name, short_name, kind, sort_order) values (@Id, @Name, @ShortName, @Kind, (select coalesce(max(sort_order), 0) + 1 from area))", area);
            await ChangedAsync("create", "area", area.Id, area.Id, null, area);
        }
    }

    async Task CommitteesAsync()
    {
        foreach (var committee in document.Committees)
        {
            var before = await connection.QuerySingleOrDefaultAsync<(int Id, string Code, string Name)?>(new CommandDefinition(
                "select id, code, name from committee where area_id = @Area and code = @Code", new { plan.Area, committee.Code }, transaction, cancellationToken: cancellationToken));
            int id;
            if (before is { } found)
            {
                id = found.Id;
                if (found.Name != committee.Name)
                {
                    await ExecuteAsync("update committee set name = @Name where id = @Id", new { Id = id, committee.Name });
                    await ChangedAsync("update", "committee", id, committee.Code, new CommitteePart(found.Code, found.Name), committee);
                }
            }
            else
            {
                id = await ScalarAsync<int>("insert into committee (area_id, code, name) values (@Area, @Code, @Name) returning id", new { plan.Area, committee.Code, committee.Name });
                await ChangedAsync("create", "committee", id, committee.Code, null, committee);
            }

            committeeIds[committee.Code] = id;
        }
    }

    async Task PlanAsync(int? existingId)
    {
        if (existingId is { } id)
        {
            PlanId = id;
            var before = await connection.QuerySingleAsync<PlanState>(new CommandDefinition(
                "select area_id as Area, name as Name, vision as Vision, start_year::int as StartYear, end_year::int as EndYear from plan where id = @Id",
                new { Id = id }, transaction, cancellationToken: cancellationToken));
            var after = new PlanState(plan.Area, plan.Name, plan.Vision, plan.StartYear, plan.EndYear);
            if (before != after)
            {
                await ExecuteAsync("update plan set vision = @Vision, start_year = @StartYear, end_year = @EndYear where id = @Id",
                    new { Id = id, plan.Vision, plan.StartYear, plan.EndYear });
                await ChangedAsync("update", "plan", id, plan.Name, before, after);
            }
        }
        else
        {
            PlanId = await ScalarAsync<int>(
                "insert into plan (area_id, name, vision, start_year, end_year) values (@Area, @Name, @Vision, @StartYear, @EndYear) returning id", plan);
            await ChangedAsync("create", "plan", PlanId, plan.Name, null, plan);
        }
    }

    async Task VersionsAsync()
    {
        var existing = (await connection.QueryAsync<VersionRow>(new CommandDefinition(
            "select id as Id, name as Name, kind as Kind, author as Author, decided_on as DecidedOn, is_current as Current from plan_version where plan_id = @PlanId",
            new { PlanId }, transaction, cancellationToken: cancellationToken))).ToDictionary(v => v.Name, StringComparer.Ordinal);

        // One current version per plan: the document's current one takes over from any other.
        if (document.Versions.FirstOrDefault(v => v.Current) is { } current)
        {
            foreach (var other in existing.Values.Where(v => v.Current && v.Name != current.Name))
            {
                await ExecuteAsync("update plan_version set is_current = false where id = @Id", new { other.Id });
                await ChangedAsync("update", "plan_version", other.Id, $"{plan.Name} / {other.Name}", other.State(plan.Name), other.State(plan.Name) with { Current = false });
            }
        }

        foreach (var version in document.Versions)
        {
            var after = new VersionState(plan.Name, version.Name, version.Kind, version.Author, version.DecidedOn, version.Current);
            var args = new { PlanId, version.Name, version.Kind, version.Author, version.DecidedOn, version.Current };
            if (existing.TryGetValue(version.Name, out var row))
            {
                versionIds[version.Name] = row.Id;
                var before = row.State(plan.Name);
                if (before != after)
                {
                    await ExecuteAsync(
                        "update plan_version set kind = @Kind, author = @Author, decided_on = @DecidedOn::date, is_current = @Current where id = @Id",
                        new { row.Id, version.Kind, version.Author, version.DecidedOn, version.Current });
                    await ChangedAsync("update", "plan_version", row.Id, $"{plan.Name} / {version.Name}", before, after);
                }
            }
            else
            {
                var id = await ScalarAsync<int>("""
                    insert into plan_version (plan_id, name, kind, author, decided_on, is_current)
                    values (@PlanId, @Name, @Kind, @Author, @DecidedOn::date, @Current) returning id
                    """, args);
                versionIds[version.Name] = id;
                await ChangedAsync("create", "plan_version", id, $"{plan.Name} / {version.Name}", null, after);
            }
        }
    }

    async Task IndicatorsAsync()
    {
        const string findSql = """
            select i.id as Id, i.code as Code, i.name as Name, i.description as Description, i.unit as Unit, i.decimals as Decimals,
                   i.direction as Direction, i.frequency as Frequency, i.aggregation as Aggregation, i.gender_split as GenderSplit,
                   i.tolerance as Tolerance, i.tolerance_kind as ToleranceKind, i.trend_min_difference as TrendMinDifference,
                   i.source_description as SourceDescription, i.kpi_id as KpiId, c.code as Owner, i.primary_area_id as PrimaryArea,
                   i.counted_noun as CountedNoun
            from indicator i left join committee c on c.id = i.owner_committee_id
            where i.area_id = @Area and i.code = @Code
            """;
        const string insertSql = """
            insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation, gender_split,
                                   owner_committee_id, primary_area_id, tolerance, tolerance_kind, trend_min_difference, source_description, kpi_id,
                                   counted_noun)
            values (@Area, @Code, @Name, @Description, @Unit, @Decimals, @Direction, @Frequency, @Aggregation, @GenderSplit,
                    @OwnerId, @PrimaryArea, @Tolerance, @ToleranceKind, @TrendMinDifference, @SourceDescription, @KpiId, @CountedNoun)
            returning id
            """;
        const string updateSql = """
            update indicator set name = @Name, description = @Description, unit = @Unit, decimals = @Decimals, direction = @Direction,
                frequency = @Frequency, aggregation = @Aggregation, gender_split = @GenderSplit, owner_committee_id = @OwnerId,
                primary_area_id = @PrimaryArea, tolerance = @Tolerance, tolerance_kind = @ToleranceKind,
                trend_min_difference = @TrendMinDifference, source_description = @SourceDescription, kpi_id = @KpiId,
                counted_noun = @CountedNoun
            where id = @Id
            """;
        foreach (var i in document.Indicators)
        {
            var args = new
            {
                plan.Area, i.Code, i.Name, i.Description, i.Unit, Decimals = (short)i.Decimals, i.Direction, i.Frequency, i.Aggregation, i.GenderSplit,
                OwnerId = i.Owner is null ? (int?)null : committeeIds[i.Owner], i.PrimaryArea, i.Tolerance, i.ToleranceKind, i.TrendMinDifference,
                i.SourceDescription, i.KpiId, i.CountedNoun, Id = 0,
            };
            var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(findSql, new { plan.Area, i.Code }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                var id = await ScalarAsync<int>(insertSql, args);
                await ExecuteAsync("insert into indicator_comparison_area (indicator_id, area_id) select @Id, unnest(@Areas)", new { Id = id, Areas = i.ComparisonAreas.ToArray() });
                indicatorIds[i.Code] = id;
                await ChangedAsync("create", "indicator", id, i.Code, null, i);
                continue;
            }

            indicatorIds[i.Code] = row.Id;
            var comparisons = (await connection.QueryAsync<string>(new CommandDefinition(
                "select area_id from indicator_comparison_area where indicator_id = @Id order by area_id", new { row.Id }, transaction, cancellationToken: cancellationToken))).ToList();
            var before = row.Part(comparisons);
            var after = i with { ComparisonAreas = [.. i.ComparisonAreas.Order(StringComparer.Ordinal)] };
            if (Json(before) != Json(after))
            {
                await ExecuteAsync(updateSql, args with { Id = row.Id });
                await ExecuteAsync("delete from indicator_comparison_area where indicator_id = @Id and area_id <> all(@Areas)", new { row.Id, Areas = i.ComparisonAreas.ToArray() });
                await ExecuteAsync("insert into indicator_comparison_area (indicator_id, area_id) select @Id, unnest(@Areas) on conflict do nothing",
                    new { row.Id, Areas = i.ComparisonAreas.ToArray() });
                await ChangedAsync("update", "indicator", row.Id, i.Code, before, after);
            }
        }
    }

    async Task GoalAreasAsync(VersionPart version)
    {
        var versionId = versionIds[version.Name];
        var existing = (await connection.QueryAsync<GoalAreaRow>(new CommandDefinition(
            "select id as Id, code as Code, name as Name, description as Description, kind as Kind, sort_order as SortOrder from goal_area where plan_version_id = @VersionId",
            new { VersionId = versionId }, transaction, cancellationToken: cancellationToken))).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var goals = (await connection.QueryAsync<GoalRow>(new CommandDefinition("""
            select g.id as Id, g.goal_area_id as GoalAreaId, ga.code as GoalArea, g.code as Code, g.name as Name, g.description as Description,
                   c.code as Owner, g.sort_order as SortOrder,
                   array(select cc.code from goal_contributor gc join committee cc on cc.id = gc.committee_id where gc.goal_id = g.id order by cc.code) as Contributors,
                   array(select i.code from goal_indicator gi join indicator i on i.id = gi.indicator_id where gi.goal_id = g.id order by gi.sort_order, i.code) as Indicators
            from goal g join goal_area ga on ga.id = g.goal_area_id left join committee c on c.id = g.owner_committee_id
            where ga.plan_version_id = @VersionId
            """, new { VersionId = versionId }, transaction, cancellationToken: cancellationToken))).ToList();
        var prefix = $"{plan.Name} / {version.Name}";

        // Goals and goal areas the document no longer has, goals first so each gets its own entry.
        var wanted = version.GoalAreas.SelectMany(a => a.Goals.Select(g => (a.Code, g.Code))).ToHashSet();
        foreach (var goal in goals.Where(g => !wanted.Contains((g.GoalArea, g.Code))))
        {
            await ExecuteAsync("delete from goal where id = @Id", new { goal.Id });
            await ChangedAsync("delete", "goal", goal.Id, $"{prefix} / {goal.GoalArea} / {goal.Code}", goal.State(plan.Name, version.Name), null);
        }

        foreach (var area in existing.Values.Where(a => version.GoalAreas.All(d => d.Code != a.Code)))
        {
            await ExecuteAsync("delete from goal_area where id = @Id", new { area.Id });
            await ChangedAsync("delete", "goal_area", area.Id, $"{prefix} / {area.Code}", area.State(plan.Name, version.Name), null);
        }

        for (var a = 0; a < version.GoalAreas.Count; a++)
        {
            var area = version.GoalAreas[a];
            var after = new GoalAreaState(plan.Name, version.Name, area.Code, area.Name, area.Description, area.Kind, a + 1);
            int areaId;
            if (existing.TryGetValue(area.Code, out var row))
            {
                areaId = row.Id;
                if (row.State(plan.Name, version.Name) != after)
                {
                    await ExecuteAsync("update goal_area set name = @Name, description = @Description, kind = @Kind, sort_order = @SortOrder where id = @Id",
                        new { row.Id, area.Name, area.Description, area.Kind, after.SortOrder });
                    await ChangedAsync("update", "goal_area", row.Id, $"{prefix} / {area.Code}", row.State(plan.Name, version.Name), after);
                }
            }
            else
            {
                areaId = await ScalarAsync<int>("""
                    insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
                    values (@VersionId, @Code, @Name, @Description, @Kind, @SortOrder) returning id
                    """, new { VersionId = versionId, area.Code, area.Name, area.Description, area.Kind, after.SortOrder });
                await ChangedAsync("create", "goal_area", areaId, $"{prefix} / {area.Code}", null, after);
            }

            for (var g = 0; g < area.Goals.Count; g++)
            {
                await GoalAsync(area, areaId, area.Goals[g], g + 1, goals.FirstOrDefault(x => x.GoalArea == area.Code && x.Code == area.Goals[g].Code), version.Name);
            }
        }
    }

    async Task GoalAsync(GoalAreaPart area, int areaId, GoalPart goal, int sortOrder, GoalRow? row, string versionName)
    {
        var after = new GoalState(plan.Name, versionName, area.Code, goal.Code, goal.Name, goal.Description, goal.Owner,
            [.. goal.Contributors.Order(StringComparer.Ordinal)], goal.Indicators, sortOrder);
        var key = $"{plan.Name} / {versionName} / {area.Code} / {goal.Code}";
        var ownerId = goal.Owner is null ? (int?)null : committeeIds[goal.Owner];
        int id;
        if (row is null)
        {
            id = await ScalarAsync<int>("""
                insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
                values (@AreaId, @Code, @Name, @Description, @OwnerId, @SortOrder) returning id
                """, new { AreaId = areaId, goal.Code, goal.Name, goal.Description, OwnerId = ownerId, SortOrder = sortOrder });
            await ChangedAsync("create", "goal", id, key, null, after);
        }
        else
        {
            id = row.Id;
            var before = row.State(plan.Name, versionName);
            if (Json(before) == Json(after))
            {
                return;
            }

            await ExecuteAsync("update goal set name = @Name, description = @Description, owner_committee_id = @OwnerId, sort_order = @SortOrder where id = @Id",
                new { Id = id, goal.Name, goal.Description, OwnerId = ownerId, SortOrder = sortOrder });
            await ExecuteAsync("delete from goal_contributor where goal_id = @Id", new { Id = id });
            await ExecuteAsync("delete from goal_indicator where goal_id = @Id", new { Id = id });
            await ChangedAsync("update", "goal", id, key, before, after);
        }

        await ExecuteAsync("insert into goal_contributor (goal_id, committee_id) select @Id, unnest(@Committees)",
            new { Id = id, Committees = goal.Contributors.Select(c => committeeIds[c]).ToArray() });
        await ExecuteAsync("insert into goal_indicator (goal_id, indicator_id, sort_order) select @Id, i, o::int from unnest(@Indicators) with ordinality as x(i, o)",
            new { Id = id, Indicators = goal.Indicators.Select(c => indicatorIds[c]).ToArray() });
    }

    const string TargetsSql = """
        select t.id as Id, i.code as Indicator, t.year::int as Year, nullif(t.gender, 'T') as Gender, t.value as Value, t.band_min as BandMin,
               t.band_max as BandMax, t.tolerance as Tolerance, t.tolerance_kind as ToleranceKind, t.provenance as Provenance, t.is_example as Example
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
                    await ExecuteAsync("delete from target where id = @Id", new { row.Id });
                    await ChangedAsync("delete", "target", row.Id, TargetKey(version.Name, row.Part()), TargetState(version.Name, row.Part()), null);
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
            var args = new
            {
                VersionId = versionId, IndicatorId = indicatorIds[part.Indicator], Year = (short)part.Year, part.Gender, part.Value, part.BandMin, part.BandMax,
                part.Tolerance, part.ToleranceKind, part.Provenance, part.Example, Id = 0,
            };
            if (existing.TryGetValue((part.Indicator, part.Year, part.Gender), out var row))
            {
                var before = row.Part();
                if (before != part)
                {
                    await ExecuteAsync("""
                        update target set gender = @Gender, value = @Value, band_min = @BandMin, band_max = @BandMax, tolerance = @Tolerance,
                            tolerance_kind = @ToleranceKind, provenance = @Provenance, is_example = @Example
                        where id = @Id
                        """, args with { Id = row.Id });
                    await ChangedAsync("update", "target", row.Id, TargetKey(version.Name, part), TargetState(version.Name, before), TargetState(version.Name, part));
                }
            }
            else
            {
                var id = await ScalarAsync<int>("""
                    insert into target (plan_version_id, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example)
                    values (@VersionId, @IndicatorId, @Year, @Gender, @Value, @BandMin, @BandMax, @Tolerance, @ToleranceKind, @Provenance, @Example)
                    returning id
                    """, args);
                await ChangedAsync("create", "target", id, TargetKey(version.Name, part), null, TargetState(version.Name, part));
            }
        }
    }

    /// <summary>A version's goal rule as the document says (the default rule when it has none), audited as one "goal_rule" change.</summary>
    async Task GoalRuleAsync(VersionPart version)
    {
        var versionId = versionIds[version.Name];
        var wanted = version.GoalRule ?? GoalRulePart.Default;
        var stored = await Plans.GoalRuleStore.ReadAsync(connection, transaction, versionId, cancellationToken);
        var before = Plans.GoalRuleStore.AuditState.Of(stored!);
        var after = before with
        {
            MetShare = wanted.MetShare,
            NotMetShare = wanted.NotMetShare,
            Weights = [.. wanted.Weights.Where(w => w.Weight != Core.Attainment.GoalRule.DefaultWeight).OrderBy(w => w.Indicator, StringComparer.Ordinal)
                .Select(w => new Plans.GoalRuleStore.WeightState(w.Indicator, w.Weight))],
        };
        if (before.Same(after))
        {
            return;
        }

        await ExecuteAsync("update plan_version set goal_met_share = @MetShare, goal_not_met_share = @NotMetShare where id = @Id",
            new { Id = versionId, wanted.MetShare, wanted.NotMetShare });
        await Plans.GoalRuleStore.WriteWeightsAsync(connection, transaction, versionId,
            wanted.Weights.Select(w => (indicatorIds[w.Indicator], w.Weight)), cancellationToken);
        await ChangedAsync("update", "goal_rule", versionId, $"{plan.Name} / {version.Name}", before, after);
    }

    async Task<List<TargetRow>> TargetRowsAsync(int versionId) =>
        (await connection.QueryAsync<TargetRow>(new CommandDefinition(TargetsSql, new { VersionId = versionId }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <summary>"T" and no gender both mean totalt, stored as null.</summary>
    static string? NormalGender(string? gender) => gender is "T" ? null : gender;

    string TargetKey(string version, TargetPart t) => $"{plan.Name} / {version} / {t.Indicator} / {t.Year}{(t.Gender is null ? "" : " / " + t.Gender)}";

    object TargetState(string version, TargetPart t) => new { Plan = plan.Name, Version = version, Target = t };

    async Task SourcesAsync()
    {
        var planIndicatorIds = indicatorIds.Values.ToArray();
        var edit = AuditedEdit.In(connection, transaction, actor, Action, cancellationToken);
        foreach (var source in document.Sources)
        {
            var settings = await ScalarAsync<string>("select @Settings::jsonb::text", new { source.Settings });
            var wantedIds = source.Indicators.Select(c => indicatorIds[c]).ToArray();
            var after = source with { Settings = settings, Indicators = [.. source.Indicators.Order(StringComparer.Ordinal)] };
            var values = new SourceValues(source.Name, source.Kind, source.Cron, source.FullRefreshCron, source.TimeZone, source.Enabled, settings);
            var row = await connection.QuerySingleOrDefaultAsync<SourceDefinition>(new CommandDefinition(
                $"select {SourceStore.Columns} from source where name = @Name", new { source.Name }, transaction, cancellationToken: cancellationToken));
            int id;
            if (row is null)
            {
                id = await SourceWriter.InsertAsync(edit, values);
                await ChangedAsync("create", SourceWriter.Entity, id, source.Name, null, after);
            }
            else
            {
                id = row.Id;
                var linked = (await connection.QueryAsync<string>(new CommandDefinition("""
                    select i.code from source_indicator si join indicator i on i.id = si.indicator_id
                    where si.source_id = @Id and si.indicator_id = any(@PlanIndicatorIds) order by i.code
                    """, new { row.Id, PlanIndicatorIds = planIndicatorIds }, transaction, cancellationToken: cancellationToken))).ToList();
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

    async Task ChangedAsync(string change, string entity, object id, string key, object? before, object? after)
    {
        Changes.Add(new PlanCodeChange(change, entity, key));
        await AuditLog.WriteAsync(connection, transaction, actor, Action, entity, Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture), before, after, cancellationToken);
    }

    static string Json(object value) => JsonSerializer.Serialize(value);

    Task<T> ScalarAsync<T>(string sql, object args) =>
        connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken))!;

    Task<int> ExecuteAsync(string sql, object args) =>
        connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

    sealed record PlanState(string Area, string Name, string? Vision, int StartYear, int EndYear);

    sealed record VersionState(string Plan, string Name, string Kind, string? Author, DateOnly? DecidedOn, bool Current);

    sealed record VersionRow(int Id, string Name, string Kind, string? Author, DateOnly? DecidedOn, bool Current)
    {
        public VersionState State(string plan) => new(plan, Name, Kind, Author, DecidedOn, Current);
    }

    sealed record GoalAreaState(string Plan, string Version, string Code, string Name, string? Description, string Kind, int SortOrder);

    sealed record GoalAreaRow(int Id, string Code, string Name, string? Description, string Kind, int SortOrder)
    {
        public GoalAreaState State(string plan, string version) => new(plan, version, Code, Name, Description, Kind, SortOrder);
    }

    sealed record GoalState(
        string Plan, string Version, string GoalArea, string Code, string Name, string? Description, string? Owner,
        IReadOnlyList<string> Contributors, IReadOnlyList<string> Indicators, int SortOrder);

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

        public GoalState State(string plan, string version) => new(plan, version, GoalArea, Code, Name, Description, Owner, Contributors, Indicators, SortOrder);
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

    sealed record TargetRow(
        int Id, string Indicator, int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax,
        decimal? Tolerance, string? ToleranceKind, string? Provenance, bool Example)
    {
        public TargetPart Part() => new(Indicator, Year, Gender, Value, BandMin, BandMax, Tolerance, ToleranceKind, Provenance, Example);
    }

}
