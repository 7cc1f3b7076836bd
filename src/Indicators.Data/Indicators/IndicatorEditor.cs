using Dapper;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Indicators;

/// <summary>
/// Creates, changes and deletes indicators with their goal links and målvärden. Each save validates everything first
/// (one <see cref="InvalidEditException"/> with every Swedish message, nothing written), then writes the indicator, its
/// links and its targets and the audit entries in one transaction: one entry for the indicator when its state changed,
/// and one per created, changed or deleted target.
/// </summary>
public sealed class IndicatorEditor(NpgsqlDataSource dataSource)
{
    public const string ConflictMessage =
        "Indikatorn har ändrats av någon annan sedan du öppnade den. Ladda om sidan för att se ändringen och gör din ändring igen.";

    /// <summary>Creates an indicator of <paramref name="organisationId"/> (the area whose plans it follows up); returns its id.</summary>
    public async Task<int> CreateAsync(string organisationId, IndicatorEdit edit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var db = new Db(connection, transaction, cancellationToken);

        var checkedEdit = await CheckAsync(db, organisationId, null, edit);
        var draft = edit.Indicator;
        var id = await TranslateUniqueAsync(draft, () => db.ScalarAsync<int>($"""
            insert into indicator (area_id, {Columns})
            values (@Organisation, {Parameters})
            returning id
            """, Row(draft, organisationId, checkedEdit.CommitteeId, null)));
        await WriteLinksAsync(db, id, edit);
        var after = await ReadStateAsync(db, id);
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "indicator", Id(id), null, after, cancellationToken);
        await SaveTargetsAsync(db, id, draft.Code.Trim(), checkedEdit.Versions, actor);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Saves an indicator opened at row version <paramref name="version"/>; refused with <see cref="EditConflictException"/>
    /// when someone saved it since.
    /// </summary>
    public async Task UpdateAsync(int id, string version, IndicatorEdit edit, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var db = new Db(connection, transaction, cancellationToken);

        var organisationId = await db.ScalarAsync<string?>("select area_id from indicator where id = @Id", new { Id = id })
            ?? throw new EditConflictException("Indikatorn finns inte längre; någon annan har tagit bort den.");
        var before = await ReadStateAsync(db, id);
        var checkedEdit = await CheckAsync(db, organisationId, id, edit);
        var draft = edit.Indicator;

        // Writing the row even when only links or targets changed gives it a new version, so a concurrent save of the
        // same form is refused rather than silently mixed with this one.
        var updated = await TranslateUniqueAsync(draft, () => db.ExecuteAsync($"""
            update indicator set ({Columns}) = ({Parameters})
            where id = @Id and xmin::text = @Version
            """, Row(draft, organisationId, checkedEdit.CommitteeId, (id, version))));
        if (updated == 0)
        {
            throw new EditConflictException(ConflictMessage);
        }

        await WriteLinksAsync(db, id, edit);
        var after = await ReadStateAsync(db, id);
        if (!Same(before, after))
        {
            await AuditLog.WriteAsync(connection, transaction, actor, "update", "indicator", Id(id), before, after, cancellationToken);
        }

        await SaveTargetsAsync(db, id, draft.Code.Trim(), checkedEdit.Versions, actor);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes an indicator that has no stored outcomes, with its links and targets; the outcomes would go with it.</summary>
    public async Task DeleteAsync(int id, string version, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var db = new Db(connection, transaction, cancellationToken);

        if (!await db.ScalarAsync<bool>("select exists (select 1 from indicator where id = @Id)", new { Id = id }))
        {
            throw new EditConflictException("Indikatorn finns inte längre; någon annan har tagit bort den.");
        }

        var before = await ReadStateAsync(db, id);
        var outcomes = await db.ScalarAsync<long>("select count(*) from observation where indicator_id = @Id", new { Id = id });
        if (outcomes > 0)
        {
            throw new InvalidEditException("", $"Indikatorn {before.Code} har {SwedishFormat.Number(outcomes, 0)} lagrade utfall och kan inte tas bort, " +
                "eftersom utfallen då också skulle tas bort. Ta bort den från sina mål i stället, så följs den inte längre upp i planen men utfallen finns kvar.");
        }

        var targets = await StoredTargetsAsync(db, id, null);
        if (await db.ExecuteAsync("delete from indicator where id = @Id and xmin::text = @Version", new { Id = id, Version = version }) == 0)
        {
            throw new EditConflictException(ConflictMessage);
        }

        foreach (var target in targets)
        {
            await AuditLog.WriteAsync(connection, transaction, actor, "delete", "target", Id(target.Id), target.State, null, cancellationToken);
        }

        await AuditLog.WriteAsync(connection, transaction, actor, "delete", "indicator", Id(id), before, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    const string Columns = """
        code, name, description, unit, decimals, direction, frequency, aggregation, gender_split, owner_committee_id,
        primary_area_id, tolerance, tolerance_kind, trend_min_difference, source_description, kpi_id, counted_noun
        """;

    const string Parameters = """
        @Code, @Name, @Description, @Unit, @Decimals, @Direction, @Frequency, @Aggregation, @GenderSplit, @OwnerCommitteeId,
        @PrimaryAreaId, @Tolerance, @ToleranceKind, @TrendMinDifference, @SourceDescription, @KpiId, @CountedNoun
        """;

    static object Row(IndicatorDraft draft, string organisationId, int? committeeId, (int Id, string Version)? existing) => new
    {
        Organisation = organisationId,
        Code = draft.Code.Trim(),
        Name = draft.Name.Trim(),
        Description = Validation.Clean(draft.Description),
        Unit = draft.Unit.Trim(),
        Decimals = (short)draft.Decimals,
        Direction = draft.Direction!.Value.ToCode(),
        draft.Frequency,
        draft.Aggregation,
        draft.GenderSplit,
        OwnerCommitteeId = committeeId,
        PrimaryAreaId = draft.PrimaryAreaId.Trim(),
        draft.Tolerance,
        draft.ToleranceKind,
        draft.TrendMinDifference,
        SourceDescription = Validation.Clean(draft.SourceDescription),
        KpiId = Validation.Clean(draft.KpiId),
        CountedNoun = Validation.Clean(draft.CountedNoun),
        Id = existing?.Id ?? 0,
        Version = existing?.Version ?? "",
    };

    sealed record CheckedEdit(int? CommitteeId, IReadOnlyList<CheckedVersion> Versions);

    sealed record CheckedVersion(int Id, IReadOnlyList<TargetDraft> Targets);

    sealed record VersionRow(int Id, string Plan, string Version, int StartYear, int EndYear);

    /// <summary>Every rule at once, so the analyst sees all that is wrong; throws before anything is written.</summary>
    static async Task<CheckedEdit> CheckAsync(Db db, string organisationId, int? indicatorId, IndicatorEdit edit)
    {
        var draft = edit.Indicator ?? throw new ArgumentException("The edit has no indicator.", nameof(edit));
        var v = new Validation();
        v.AddAll("", draft.Validate());

        if (!await db.ScalarAsync<bool>("select exists (select 1 from area where id = @Id)", new { Id = organisationId }))
        {
            v.Add("Organisation", $"Organisationen '{organisationId}' finns inte.");
        }

        int? committeeId = null;
        if (Validation.Clean(draft.OwnerCommitteeCode) is { } committeeCode)
        {
            committeeId = await db.ScalarAsync<int?>(
                "select id from committee where area_id = @Organisation and code = @Code", new { Organisation = organisationId, Code = committeeCode });
            if (committeeId is null)
            {
                v.Add(nameof(IndicatorDraft.OwnerCommitteeCode), $"Det finns ingen nämnd med koden '{committeeCode}' i organisationen.");
            }
        }

        var areaIds = draft.ComparisonAreaIds.Append(draft.PrimaryAreaId ?? "").Where(a => a.Length > 0).Distinct().ToArray();
        var knownAreas = (await db.QueryAsync<string>("select id from area where id = any (@Ids)", new { Ids = areaIds })).ToHashSet();
        if (!string.IsNullOrWhiteSpace(draft.PrimaryAreaId) && !knownAreas.Contains(draft.PrimaryAreaId))
        {
            v.Add(nameof(IndicatorDraft.PrimaryAreaId), $"Området '{draft.PrimaryAreaId}' finns inte.");
        }

        foreach (var unknown in draft.ComparisonAreaIds.Where(a => !knownAreas.Contains(a)).Distinct())
        {
            v.Add(nameof(IndicatorDraft.ComparisonAreaIds), $"Jämförelseområdet '{unknown}' finns inte.");
        }

        var goalIds = edit.GoalIds.Distinct().ToArray();
        var knownGoals = (await db.QueryAsync<int>("""
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

        var versions = (await db.QueryAsync<VersionRow>("""
            select v.id as Id, p.name as Plan, v.name as Version, p.start_year::int as StartYear, p.end_year::int as EndYear
            from plan_version v join plan p on p.id = v.plan_id
            where v.id = any (@Ids) and p.area_id = @Organisation
            """, new { Ids = edit.Versions.Select(x => x.PlanVersionId).ToArray(), Organisation = organisationId })).ToDictionary(x => x.Id);
        var checkedVersions = new List<CheckedVersion>();
        for (var i = 0; i < edit.Versions.Count; i++)
        {
            var listed = edit.Versions[i];
            if (!versions.TryGetValue(listed.PlanVersionId, out var row) || edit.Versions.Take(i).Any(x => x.PlanVersionId == listed.PlanVersionId))
            {
                v.Add($"Versions[{i}]", "Planversionen finns inte i organisationens planer, eller finns två gånger. Ladda om sidan.");
                continue;
            }

            v.AddAll("", TargetDraft.ValidateAll(listed.Targets, row.StartYear, row.EndYear, draft.Direction, draft.GenderSplit, $"Versions[{i}].Targets"));
            checkedVersions.Add(new CheckedVersion(row.Id, listed.Targets));
        }

        if (indicatorId is { } id)
        {
            await CheckKeptTargetsAsync(db, id, draft, edit.Versions.Select(x => x.PlanVersionId).ToArray(), v);
        }

        // AddAll("", …) prefixes a dot; the paths are the parts' own.
        var errors = v.Errors.Select(e => e.Field.StartsWith('.') ? e with { Field = e.Field[1..] } : e).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }

        return new CheckedEdit(committeeId, checkedVersions);
    }

    /// <summary>
    /// Targets in versions the edit leaves alone must still fit the indicator once its direction or gender split changes:
    /// a value target cannot judge a band indicator, and a K target cannot stay on an indicator no longer split by gender.
    /// </summary>
    static async Task CheckKeptTargetsAsync(Db db, int indicatorId, IndicatorDraft draft, int[] listedVersions, Validation v)
    {
        if (draft.Direction is null)
        {
            return;
        }

        foreach (var kept in (await StoredTargetsAsync(db, indicatorId, null)).Where(t => !listedVersions.Contains(t.PlanVersionId)))
        {
            var s = kept.State;
            var asDraft = new TargetDraft(s.Year, s.Gender, s.Value, s.BandMin, s.BandMax, s.Tolerance, s.ToleranceKind, s.Provenance, s.IsExample);
            var problems = asDraft.Validate(s.StartYear, s.EndYear, draft.Direction, draft.GenderSplit);
            if (problems.Count == 0)
            {
                continue;
            }

            var who = s.Gender switch { "K" => " för kvinnor", "M" => " för män", _ => "" };
            var field = problems.Any(p => p.Field == nameof(TargetDraft.Gender)) ? nameof(IndicatorDraft.GenderSplit) : nameof(IndicatorDraft.Direction);
            v.Add(field, $"Målvärdet för {s.Year}{who} i {s.Plan} ({s.Version}) passar inte längre: {string.Join(" ", problems.Select(p => p.Message))} " +
                "Ändra eller ta bort det målvärdet först.");
        }
    }

    static async Task<T> TranslateUniqueAsync<T>(IndicatorDraft draft, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "indicator_area_id_code_key")
        {
            throw new InvalidEditException(nameof(IndicatorDraft.Code), $"Det finns redan en indikator med koden '{draft.Code.Trim()}'. Välj en annan kod.");
        }
    }

    static async Task WriteLinksAsync(Db db, int id, IndicatorEdit edit)
    {
        var goalIds = edit.GoalIds.Distinct().ToArray();
        await db.ExecuteAsync("""
            delete from goal_indicator where indicator_id = @Id and not (goal_id = any (@GoalIds));
            insert into goal_indicator (goal_id, indicator_id, sort_order)
            select g, @Id, coalesce((select max(sort_order) + 1 from goal_indicator where goal_id = g), 0)
            from unnest(@GoalIds) g
            where not exists (select 1 from goal_indicator where goal_id = g and indicator_id = @Id);
            delete from indicator_comparison_area where indicator_id = @Id;
            insert into indicator_comparison_area (indicator_id, area_id) select @Id, a from unnest(@AreaIds) a;
            """, new { Id = id, GoalIds = goalIds, AreaIds = edit.Indicator.ComparisonAreaIds.Distinct().ToArray() });
    }

    sealed record StoredTarget(int Id, int PlanVersionId, StoredTargetState State);

    /// <summary>A stored target with its plan's years, read once for both the diff and the direction check.</summary>
    sealed record StoredTargetState(
        string Indicator, string Plan, string Version, int StartYear, int EndYear, int Year, string Gender, decimal? Value, decimal? BandMin,
        decimal? BandMax, decimal? Tolerance, string? ToleranceKind, string? Provenance, bool IsExample)
    {
        public TargetState ToAudit() => new(Indicator, Plan, Version, Year, Gender, Value, BandMin, BandMax, Tolerance, ToleranceKind, Provenance, IsExample);
    }

    sealed record StoredTargetRow(
        int Id, int PlanVersionId, string Indicator, string Plan, string Version, int StartYear, int EndYear, int Year, string Gender,
        decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, string? Provenance, bool IsExample);

    static async Task<IReadOnlyList<StoredTarget>> StoredTargetsAsync(Db db, int indicatorId, int? planVersionId)
    {
        var rows = await db.QueryAsync<StoredTargetRow>("""
            select t.id as Id, t.plan_version_id as PlanVersionId, i.code as Indicator, p.name as Plan, v.name as Version,
                   p.start_year::int as StartYear, p.end_year::int as EndYear, t.year::int as Year, coalesce(t.gender, 'T')::text as Gender,
                   t.value as Value, t.band_min as BandMin, t.band_max as BandMax, t.tolerance as Tolerance,
                   t.tolerance_kind as ToleranceKind, t.provenance as Provenance, t.is_example as IsExample
            from target t
            join indicator i on i.id = t.indicator_id
            join plan_version v on v.id = t.plan_version_id
            join plan p on p.id = v.plan_id
            where t.indicator_id = @IndicatorId and (@PlanVersionId::int is null or t.plan_version_id = @PlanVersionId::int)
            order by p.start_year, p.id, v.id, t.year, t.gender nulls first
            """, new { IndicatorId = indicatorId, PlanVersionId = planVersionId });
        return rows.Select(r => new StoredTarget(r.Id, r.PlanVersionId, new StoredTargetState(
            r.Indicator, r.Plan, r.Version, r.StartYear, r.EndYear, r.Year, r.Gender.Trim(), r.Value, r.BandMin, r.BandMax, r.Tolerance,
            r.ToleranceKind, r.Provenance, r.IsExample))).ToList();
    }

    /// <summary>Replaces each listed version's targets by the new set, writing and auditing only what changed.</summary>
    static async Task SaveTargetsAsync(Db db, int indicatorId, string indicatorCode, IReadOnlyList<CheckedVersion> versions, Actor actor)
    {
        foreach (var version in versions)
        {
            var stored = (await StoredTargetsAsync(db, indicatorId, version.Id)).ToDictionary(t => (t.State.Year, t.State.Gender));
            var (plan, versionName) = await db.QuerySingleAsync<(string, string)>(
                "select p.name, v.name from plan_version v join plan p on p.id = v.plan_id where v.id = @Id", new { Id = version.Id });
            var wanted = new HashSet<(int, string)>();
            foreach (var target in version.Targets)
            {
                var gender = target.Gender is null or "T" ? "T" : target.Gender;
                wanted.Add((target.Year, gender));
                var state = new TargetState(indicatorCode, plan, versionName, target.Year, gender, target.Value, target.BandMin, target.BandMax,
                    target.Tolerance, target.ToleranceKind, Validation.Clean(target.Provenance), target.IsExample);
                var row = new
                {
                    IndicatorId = indicatorId, VersionId = version.Id, target.Year, Gender = gender == "T" ? null : gender, target.Value, target.BandMin,
                    target.BandMax, target.Tolerance, target.ToleranceKind, state.Provenance, target.IsExample,
                    Id = stored.TryGetValue((target.Year, gender), out var old) ? old.Id : 0,
                };
                if (old is null)
                {
                    var id = await db.ScalarAsync<int>("""
                        insert into target (plan_version_id, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example)
                        values (@VersionId, @IndicatorId, @Year, @Gender, @Value, @BandMin, @BandMax, @Tolerance, @ToleranceKind, @Provenance, @IsExample)
                        returning id
                        """, row);
                    await AuditLog.WriteAsync(db.Connection, db.Transaction, actor, "create", "target", Id(id), null, state, db.CancellationToken);
                }
                else if (old.State.ToAudit() with { Indicator = indicatorCode } != state)
                {
                    await db.ExecuteAsync("""
                        update target set value = @Value, band_min = @BandMin, band_max = @BandMax, tolerance = @Tolerance,
                                          tolerance_kind = @ToleranceKind, provenance = @Provenance, is_example = @IsExample
                        where id = @Id
                        """, row);
                    await AuditLog.WriteAsync(db.Connection, db.Transaction, actor, "update", "target", Id(old.Id), old.State.ToAudit(), state, db.CancellationToken);
                }
            }

            foreach (var gone in stored.Values.Where(t => !wanted.Contains((t.State.Year, t.State.Gender))))
            {
                await db.ExecuteAsync("delete from target where id = @Id", new { gone.Id });
                await AuditLog.WriteAsync(db.Connection, db.Transaction, actor, "delete", "target", Id(gone.Id), gone.State.ToAudit(), null, db.CancellationToken);
            }
        }
    }

    sealed record StateRow(
        string Organisation, string Code, string Name, string? Description, string Unit, int Decimals, string Direction, string Frequency,
        string Aggregation, bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string? SourceDescription,
        string? KpiId, string? OwnerCommittee, string PrimaryArea, string? CountedNoun);

    static async Task<IndicatorState> ReadStateAsync(Db db, int id)
    {
        var row = await db.QuerySingleAsync<StateRow>("""
            select i.area_id as Organisation, i.code as Code, i.name as Name, i.description as Description, i.unit as Unit,
                   i.decimals::int as Decimals, i.direction as Direction, i.frequency as Frequency, i.aggregation as Aggregation,
                   i.gender_split as GenderSplit, i.tolerance as Tolerance, i.tolerance_kind as ToleranceKind,
                   i.trend_min_difference as TrendMinDifference, i.source_description as SourceDescription, i.kpi_id as KpiId,
                   c.code as OwnerCommittee, i.primary_area_id as PrimaryArea, i.counted_noun as CountedNoun
            from indicator i left join committee c on c.id = i.owner_committee_id
            where i.id = @Id
            """, new { Id = id });
        var areas = await db.QueryAsync<string>("select area_id from indicator_comparison_area where indicator_id = @Id order by area_id", new { Id = id });
        var goals = await db.QueryAsync<LinkedGoal>("""
            select p.name as Plan, v.name as Version, g.code as Code
            from goal_indicator gi
            join goal g on g.id = gi.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            join plan_version v on v.id = ga.plan_version_id
            join plan p on p.id = v.plan_id
            where gi.indicator_id = @Id
            order by p.start_year, p.id, v.id, ga.sort_order, ga.id, g.sort_order, g.id
            """, new { Id = id });
        return new IndicatorState(
            row.Organisation, row.Code, row.Name, row.Description, row.Unit, row.Decimals, row.Direction, row.Frequency, row.Aggregation,
            row.GenderSplit, row.Tolerance, row.ToleranceKind, row.TrendMinDifference, row.SourceDescription, row.KpiId, row.OwnerCommittee,
            row.PrimaryArea, areas.ToList(), goals.ToList(), row.CountedNoun);
    }

    static bool Same(IndicatorState a, IndicatorState b) =>
        a with { ComparisonAreas = [], Goals = [] } == b with { ComparisonAreas = [], Goals = [] }
        && a.ComparisonAreas.SequenceEqual(b.ComparisonAreas) && a.Goals.SequenceEqual(b.Goals);

    static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The connection, transaction and cancellation of one save, so each statement is one short call.</summary>
    sealed record Db(NpgsqlConnection Connection, NpgsqlTransaction Transaction, CancellationToken CancellationToken)
    {
        CommandDefinition Command(string sql, object? parameters) => new(sql, parameters, Transaction, cancellationToken: CancellationToken);

        public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) => Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

        public Task<int> ExecuteAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(Command(sql, parameters));

        public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) => Connection.QueryAsync<T>(Command(sql, parameters));

        public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) => Connection.QuerySingleAsync<T>(Command(sql, parameters));
    }
}
