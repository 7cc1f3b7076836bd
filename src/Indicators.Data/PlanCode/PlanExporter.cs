using System.Text.Json;
using Dapper;
using Indicators.Data.Sources;
using Npgsql;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Reads a plan with everything it uses into a <see cref="PlanDocument"/> and writes it as YAML. The same database gives
/// the same text, byte for byte: every list has a fixed order, numbers carry no trailing zeros, and no ids are written.
/// </summary>
public sealed partial class PlanExporter(NpgsqlDataSource dataSource)
{
    /// <summary>The plan as YAML; null when there is no such plan.</summary>
    public async Task<string?> ExportAsync(int planId, CancellationToken cancellationToken = default) =>
        await ReadAsync(planId, cancellationToken) is { } document ? ToYaml(document) : null;

    /// <summary>The id of the plan with this name (in any organisation; the first by area when names repeat).</summary>
    public async Task<int?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "select id from plan where name = @Name order by area_id, id limit 1", new { Name = name }, cancellationToken: cancellationToken));
    }

    public async Task<PlanDocument?> ReadAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plan = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            "select area_id as Area, name, vision, start_year, end_year from plan where id = @PlanId",
            new { PlanId = planId }, cancellationToken: cancellationToken));
        if (plan is null)
        {
            return null;
        }

        var args = new { PlanId = planId };
        var indicators = await IndicatorsAsync(connection, args, cancellationToken);
        var versions = await WithCommitteePlansAsync(connection, args,
            await WithActionPlansAsync(connection, planId, await VersionsAsync(connection, args, cancellationToken), cancellationToken), cancellationToken);
        var sources = await SourcesAsync(connection, args, cancellationToken);
        var committees = (await connection.QueryAsync<CommitteePart>(new CommandDefinition(CommitteesSql, args, cancellationToken: cancellationToken))).AsList();
        var areas = (await connection.QueryAsync<AreaPart>(new CommandDefinition(AreasSql, args, cancellationToken: cancellationToken))).AsList();
        return new PlanDocument(
            new PlanPart(plan.Area, plan.Name, plan.Vision, plan.StartYear, plan.EndYear), areas, committees, indicators, versions, sources);
    }

    /// <summary>The plan's indicators: those linked to a goal or with a target in any of its versions.</summary>
    const string PlanIndicatorIds = $"""
        select gi.indicator_id from goal_indicator gi
            join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.plan_id = @PlanId
        union
        select t.indicator_id from target t join plan_version v on v.id = t.plan_version_id where v.plan_id = @PlanId
        union
        {AssignmentIndicatorIds}
        union
        select si.indicator_id from sub_goal_indicator si join sub_goal s on s.id = si.sub_goal_id
            join committee_plan cp on cp.id = s.committee_plan_id join plan_version v on v.id = cp.plan_version_id where v.plan_id = @PlanId
        """;

    const string CommitteesSql = $"""
        select c.code, c.name from committee c
        where c.id in (
            select g.owner_committee_id from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
                where v.plan_id = @PlanId
            union
            select gc.committee_id from goal_contributor gc join goal g on g.id = gc.goal_id join goal_area ga on ga.id = g.goal_area_id
                join plan_version v on v.id = ga.plan_version_id where v.plan_id = @PlanId
            union
            select cp.committee_id from committee_plan cp join plan_version v on v.id = cp.plan_version_id where v.plan_id = @PlanId
            union
            select i.owner_committee_id from indicator i where i.id in ({PlanIndicatorIds})
            union
            {AssignmentCommitteeIds}
            union
            select a.committee_id from action_plan a join plan_version v on v.id = a.plan_version_id where v.plan_id = @PlanId)
        order by c.code
        """;

    const string AreasSql = $"""
        select a.id, a.name, a.short_name, a.kind from area a
        where a.id in (
            select area_id from plan where id = @PlanId
            union select i.area_id from indicator i where i.id in ({PlanIndicatorIds})
            union select i.primary_area_id from indicator i where i.id in ({PlanIndicatorIds})
            union select ca.area_id from indicator_comparison_area ca where ca.indicator_id in ({PlanIndicatorIds}))
        order by a.id
        """;

    static async Task<List<IndicatorPart>> IndicatorsAsync(NpgsqlConnection connection, object args, CancellationToken cancellationToken)
    {
        const string sql = $"""
            select i.id, i.code, i.name, i.description, i.unit, i.decimals,
                   i.direction, i.frequency, i.aggregation, i.gender_split,
                   i.tolerance, i.tolerance_kind, i.trend_min_difference,
                   i.source_description, i.kpi_id, c.code as Owner, i.primary_area_id as PrimaryArea,
                   i.counted_noun
            from indicator i left join committee c on c.id = i.owner_committee_id
            where i.id in ({PlanIndicatorIds})
            order by i.code, i.id
            """;
        const string comparisonSql = $"""
            select indicator_id, area_id from indicator_comparison_area
            where indicator_id in ({PlanIndicatorIds}) order by area_id
            """;
        var rows = await connection.QueryAsync<IndicatorRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        var comparisons = (await connection.QueryAsync<(int IndicatorId, string AreaId)>(new CommandDefinition(comparisonSql, args, cancellationToken: cancellationToken)))
            .ToLookup(c => c.IndicatorId, c => c.AreaId);
        return rows.Select(r => new IndicatorPart(
            r.Code, r.Name, r.Description, r.Unit, r.Decimals, r.Direction, r.Frequency, r.Aggregation, r.GenderSplit, r.Tolerance, r.ToleranceKind,
            r.TrendMinDifference, r.SourceDescription, r.KpiId, r.Owner, r.PrimaryArea, [.. comparisons[r.Id]], r.CountedNoun)).ToList();
    }

    static async Task<List<VersionPart>> VersionsAsync(NpgsqlConnection connection, object args, CancellationToken cancellationToken)
    {
        const string versionsSql = """
            select id, name, kind, author, decided_on, is_current,
                   goal_met_share, goal_not_met_share
            from plan_version where plan_id = @PlanId order by name
            """;
        const string goalAreasSql = """
            select ga.id, ga.plan_version_id as VersionId, ga.code, ga.name, ga.description, ga.kind
            from goal_area ga join plan_version v on v.id = ga.plan_version_id
            where v.plan_id = @PlanId order by ga.sort_order, ga.code
            """;
        const string goalsSql = """
            select g.id, g.goal_area_id, g.code, g.name, g.description, c.code as Owner
            from goal g join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
                left join committee c on c.id = g.owner_committee_id
            where v.plan_id = @PlanId order by g.sort_order, g.code
            """;
        const string contributorsSql = """
            select gc.goal_id as Id, c.code
            from goal_contributor gc join committee c on c.id = gc.committee_id join goal g on g.id = gc.goal_id
                join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.plan_id = @PlanId order by c.code
            """;
        const string goalIndicatorsSql = """
            select gi.goal_id as Id, i.code
            from goal_indicator gi join indicator i on i.id = gi.indicator_id join goal g on g.id = gi.goal_id
                join goal_area ga on ga.id = g.goal_area_id join plan_version v on v.id = ga.plan_version_id
            where v.plan_id = @PlanId order by gi.sort_order, i.code
            """;
        const string targetsSql = """
            select t.plan_version_id as VersionId, i.code as Indicator, t.year, nullif(t.gender, 'T') as Gender, t.value,
                   t.band_min, t.band_max, t.tolerance, t.tolerance_kind,
                   t.provenance, t.is_example as Example
            from target t join indicator i on i.id = t.indicator_id join plan_version v on v.id = t.plan_version_id
            where v.plan_id = @PlanId
            order by i.code, t.year, case coalesce(t.gender, 'T') when 'T' then 0 when 'K' then 1 else 2 end
            """;
        var versions = await connection.QueryAsync<VersionRow>(new CommandDefinition(versionsSql, args, cancellationToken: cancellationToken));
        var goalAreas = (await connection.QueryAsync<GoalAreaRow>(new CommandDefinition(goalAreasSql, args, cancellationToken: cancellationToken))).ToLookup(a => a.VersionId);
        var goals = (await connection.QueryAsync<GoalRow>(new CommandDefinition(goalsSql, args, cancellationToken: cancellationToken))).ToLookup(g => g.GoalAreaId);
        var contributors = (await connection.QueryAsync<(int Id, string Code)>(new CommandDefinition(contributorsSql, args, cancellationToken: cancellationToken)))
            .ToLookup(c => c.Id, c => c.Code);
        var goalIndicators = (await connection.QueryAsync<(int Id, string Code)>(new CommandDefinition(goalIndicatorsSql, args, cancellationToken: cancellationToken)))
            .ToLookup(c => c.Id, c => c.Code);
        var targets = (await connection.QueryAsync<TargetRow>(new CommandDefinition(targetsSql, args, cancellationToken: cancellationToken))).ToLookup(t => t.VersionId);
        const string weightsSql = """
            select w.plan_version_id as VersionId, i.code as Indicator, w.weight
            from indicator_weight w join indicator i on i.id = w.indicator_id join plan_version v on v.id = w.plan_version_id
            where v.plan_id = @PlanId
              and exists (select 1 from goal_indicator gi join goal g on g.id = gi.goal_id join goal_area ga on ga.id = g.goal_area_id
                          where gi.indicator_id = w.indicator_id and ga.plan_version_id = w.plan_version_id)
            order by i.code
            """;
        var weights = (await connection.QueryAsync<(int VersionId, string Indicator, decimal Weight)>(new CommandDefinition(weightsSql, args, cancellationToken: cancellationToken)))
            .ToLookup(w => w.VersionId, w => new WeightPart(w.Indicator, w.Weight));
        var assignments = await AssignmentsAsync(connection, args, cancellationToken);
        return versions.Select(v => new VersionPart(
            v.Name, v.Kind, v.Author, v.DecidedOn, v.IsCurrent,
            goalAreas[v.Id].Select(a => new GoalAreaPart(a.Code, a.Name, a.Description, a.Kind,
                goals[a.Id].Select(g => new GoalPart(g.Code, g.Name, g.Description, g.Owner, [.. contributors[g.Id]], [.. goalIndicators[g.Id]])).ToList())).ToList(),
            targets[v.Id].Select(t => new TargetPart(
                t.Indicator, t.Year, t.Gender, t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind, t.Provenance, t.Example)).ToList(),
            new GoalRulePart(v.GoalMetShare, v.GoalNotMetShare, [.. weights[v.Id]]) is { IsDefault: false } rule ? rule : null,
            Assignments: assignments[v.Id].ToList() is { Count: > 0 } list ? list : null)).ToList();
    }

    /// <summary>The sources that feed any of the plan's indicators, with only those links (a source may feed other plans too).</summary>
    static async Task<List<SourcePart>> SourcesAsync(NpgsqlConnection connection, object args, CancellationToken cancellationToken)
    {
        const string sql = $"""
            select id, {SourceWriter.Columns}
            from source
            where id in (select source_id from source_indicator where indicator_id in ({PlanIndicatorIds}))
            order by name
            """;
        const string linksSql = $"""
            select si.source_id as Id, i.code from source_indicator si join indicator i on i.id = si.indicator_id
            where si.indicator_id in ({PlanIndicatorIds}) order by i.code
            """;
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        var links = (await connection.QueryAsync<(int Id, string Code)>(new CommandDefinition(linksSql, args, cancellationToken: cancellationToken)))
            .ToLookup(l => l.Id, l => l.Code);
        return rows.Select(s => new SourcePart(s.Name, s.Kind, s.Cron, s.FullRefreshCron, s.TimeZone, s.Enabled, s.Settings, [.. links[s.Id]])).ToList();
    }

    /// <summary>The document as YAML text (UTF-8 when written out), the format named in its first lines.</summary>
    public static string ToYaml(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return YamlWriter.Document(
            $"Indicators plan as code, format {PlanDocument.Format}. Import it under Planer → Importera plan; see README, \"Plan as code\".",
            w =>
            {
                w.Scalar("format", PlanDocument.Format);
                var plan = document.Plan;
                w.Mapping("plan", () =>
                {
                    w.Scalar("area", plan.Area);
                    w.Scalar("name", plan.Name);
                    w.Scalar("vision", plan.Vision);
                    w.Number("start_year", plan.StartYear);
                    w.Number("end_year", plan.EndYear);
                });
                w.Items("areas", document.Areas, area =>
                {
                    w.Scalar("id", area.Id);
                    w.Scalar("name", area.Name);
                    w.Scalar("short_name", area.ShortName);
                    w.Scalar("kind", area.Kind);
                });
                w.Items("committees", document.Committees, committee =>
                {
                    w.Scalar("code", committee.Code);
                    w.Scalar("name", committee.Name);
                });
                w.Items("indicators", document.Indicators, i => WriteIndicator(w, i));
                w.Items("versions", document.Versions, v => WriteVersion(w, v));
                w.Items("sources", document.Sources, s =>
                {
                    w.Scalar("name", s.Name);
                    w.Scalar("kind", s.Kind);
                    w.Scalar("cron", s.Cron);
                    w.Scalar("full_refresh_cron", s.FullRefreshCron);
                    w.Scalar("time_zone", s.TimeZone);
                    w.Bool("enabled", s.Enabled);
                    w.FlowList("indicators", s.Indicators);
                    using var settings = JsonDocument.Parse(s.Settings);
                    w.Json("settings", settings.RootElement);
                });
            });
    }

    static void WriteIndicator(YamlWriter w, IndicatorPart i)
    {
        w.Scalar("code", i.Code);
        w.Scalar("name", i.Name);
        w.Scalar("description", i.Description);
        w.Scalar("unit", i.Unit);
        w.Scalar("counted_noun", i.CountedNoun);
        w.Number("decimals", i.Decimals);
        w.Scalar("direction", i.Direction);
        w.Scalar("frequency", i.Frequency);
        w.Scalar("aggregation", i.Aggregation);
        w.Bool("gender_split", i.GenderSplit);
        w.Number("tolerance", i.Tolerance);
        w.Scalar("tolerance_kind", i.ToleranceKind);
        w.Number("trend_min_difference", i.TrendMinDifference);
        w.Scalar("source_description", i.SourceDescription);
        w.Scalar("kpi_id", i.KpiId);
        w.Scalar("owner", i.Owner);
        w.Scalar("primary_area", i.PrimaryArea);
        w.FlowList("comparison_areas", i.ComparisonAreas);
    }

    static void WriteVersion(YamlWriter w, VersionPart v)
    {
        w.Scalar("name", v.Name);
        w.Scalar("kind", v.Kind);
        w.Scalar("author", v.Author);
        w.Scalar("decided_on", v.DecidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.Bool("current", v.Current);
        w.Items("goal_areas", v.GoalAreas, area =>
        {
            w.Scalar("code", area.Code);
            w.Scalar("name", area.Name);
            w.Scalar("description", area.Description);
            w.Scalar("kind", area.Kind);
            w.Items("goals", area.Goals, goal =>
            {
                w.Scalar("code", goal.Code);
                w.Scalar("name", goal.Name);
                w.Scalar("description", goal.Description);
                w.Scalar("owner", goal.Owner);
                w.FlowList("contributors", goal.Contributors);
                w.FlowList("indicators", goal.Indicators);
            });
        });
        w.Items("targets", v.Targets, t => WriteTarget(w, t));

        WriteCommitteePlans(w, v);

        // Only a rule other than the default is written, so a plan that keeps the default exports as before.
        if (v.GoalRule is { } rule)
        {
            w.Mapping("goal_rule", () =>
            {
                w.Number("met_share", rule.MetShare);
                w.Number("not_met_share", rule.NotMetShare);
                w.Items("weights", rule.Weights, weight =>
                {
                    w.Scalar("indicator", weight.Indicator);
                    w.Number("weight", weight.Weight);
                });
            });
        }

        WriteAssignments(w, v);
        WriteActionPlans(w, v.ActionPlans);
    }

    static void WriteTarget(YamlWriter w, TargetPart t)
    {
        w.Scalar("indicator", t.Indicator);
        w.Number("year", t.Year);
        w.Scalar("gender", t.Gender);
        w.Number("value", t.Value);
        w.Number("band_min", t.BandMin);
        w.Number("band_max", t.BandMax);
        w.Number("tolerance", t.Tolerance);
        w.Scalar("tolerance_kind", t.ToleranceKind);
        w.Scalar("provenance", t.Provenance);
        if (t.Example)
        {
            w.Bool("example", true);
        }
    }

    sealed record PlanRow(string Area, string Name, string? Vision, short StartYear, short EndYear);

    sealed record IndicatorRow(
        int Id, string Code, string Name, string? Description, string Unit, short Decimals, string Direction, string Frequency, string Aggregation,
        bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string? SourceDescription, string? KpiId,
        string? Owner, string PrimaryArea, string? CountedNoun);

    sealed record VersionRow(int Id, string Name, string Kind, string? Author, DateOnly? DecidedOn, bool IsCurrent, decimal GoalMetShare, decimal GoalNotMetShare);

    sealed record GoalAreaRow(int Id, int VersionId, string Code, string Name, string? Description, string Kind);

    sealed record GoalRow(int Id, int GoalAreaId, string Code, string Name, string? Description, string? Owner);

    sealed record TargetRow(
        int VersionId, string Indicator, short Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax,
        decimal? Tolerance, string? ToleranceKind, string? Provenance, bool Example);

    sealed record SourceRow(int Id, string Name, string Kind, string Cron, string? FullRefreshCron, string TimeZone, bool Enabled, string Settings);
}
