using Indicators.Core.Editing;
using Indicators.Data.Editing;
using Indicators.Data.Plans;

namespace Indicators.Data.Indicators;

/// <summary>
/// The indicator table's writes with its comparison areas (and, for the indicator editor, its links to mål), each with
/// its audit entry: used by the indicator editor and by plan import. An update that changes nothing the log keeps gets
/// no entry: a save rewrites the row even when only its targets changed, to take a new row version.
/// </summary>
static class IndicatorWriter
{
    static readonly AuditedTable<IndicatorState> Table = new("indicator", ReadStateAsync, "Indikatorn") { SkipsUnchanged = true };

    public static Task<IndicatorState?> StateAsync(AuditedEdit edit, int id) => Table.StateAsync(edit, id);

    /// <summary>A new indicator of <paramref name="organisationId"/>; with <paramref name="goalIds"/>, linked to those mål.</summary>
    public static Task<int> InsertAsync(
        AuditedEdit edit, string organisationId, IndicatorValues indicator, IReadOnlyList<string> comparisonAreas, int[]? goalIds, string? justering = null) =>
        Table.InsertAsync<int>(edit, """
            insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, aggregation, gender_split,
                                   owner_committee_id, primary_area_id, tolerance, tolerance_kind, trend_min_difference, source_description,
                                   kpi_id, counted_noun)
            values (@Organisation, @Code, @Name, @Description, @Unit, @Decimals, @Direction, @Frequency, @Aggregation, @GenderSplit,
                    @OwnerCommitteeId, @PrimaryAreaId, @Tolerance, @ToleranceKind, @TrendMinDifference, @SourceDescription, @KpiId, @CountedNoun)
            returning id
            """, AuditedEdit.Parameters(indicator, new { Organisation = organisationId }),
            id => WriteLinksAsync(edit, id, comparisonAreas, goalIds, _ => justering), UniqueCode(indicator.Code));

    /// <summary>
    /// Changes an indicator and its comparison areas (and its mål, when given); with a <paramref name="rowVersion"/>, only
    /// when the row is still as the form read it. A change of direction, default tolerance or links that concerns an adopted
    /// version needs the reason <paramref name="reasonFor"/> gives for that version (<see cref="AdoptedVersions"/>).
    /// </summary>
    public static async Task<IndicatorState> UpdateAsync(
        AuditedEdit edit, int id, string? rowVersion, IndicatorValues indicator, IReadOnlyList<string> comparisonAreas, int[]? goalIds,
        Func<int, string?>? reasonFor = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        reasonFor ??= _ => null;
        var judged = await edit.SingleOrDefaultAsync<JudgedBy>("select direction, tolerance, tolerance_kind from indicator where id = @Id", new { Id = id })
            ?? throw Table.Conflict();
        await AdoptedVersions.GuardIndicatorAsync(edit, id, (judged.Direction, judged.Tolerance, judged.ToleranceKind),
            (indicator.Direction, indicator.Tolerance, indicator.ToleranceKind), reasonFor);
        return await Table.UpdateAsync(edit, id, """
            update indicator set code = @Code, name = @Name, description = @Description, unit = @Unit, decimals = @Decimals,
                direction = @Direction, frequency = @Frequency, aggregation = @Aggregation, gender_split = @GenderSplit,
                owner_committee_id = @OwnerCommitteeId, primary_area_id = @PrimaryAreaId, tolerance = @Tolerance,
                tolerance_kind = @ToleranceKind, trend_min_difference = @TrendMinDifference, source_description = @SourceDescription,
                kpi_id = @KpiId, counted_noun = @CountedNoun
            where id = @Id
            """ + AuditedEdit.VersionGuard(rowVersion), AuditedEdit.Parameters(indicator, new { Id = id, RowVersion = rowVersion }),
            () => WriteLinksAsync(edit, id, comparisonAreas, goalIds, reasonFor), UniqueCode(indicator.Code));
    }

    sealed record JudgedBy(string Direction, decimal? Tolerance, string? ToleranceKind);

    /// <summary>Deletes an indicator opened at <paramref name="rowVersion"/>; its links, targets and outcomes go with it (cascade).</summary>
    public static Task DeleteAsync(AuditedEdit edit, int id, string rowVersion) =>
        Table.DeleteAsync(edit, id, "delete from indicator where id = @Id" + AuditedEdit.VersionGuard(rowVersion), new { Id = id, RowVersion = rowVersion });

    static async Task WriteLinksAsync(AuditedEdit edit, int id, IReadOnlyList<string> comparisonAreas, int[]? goalIds, Func<int, string?> reasonFor)
    {
        await edit.ExecuteAsync("""
            delete from indicator_comparison_area where indicator_id = @Id and area_id <> all (@Areas);
            insert into indicator_comparison_area (indicator_id, area_id) select @Id, unnest(@Areas) on conflict do nothing;
            """, new { Id = id, Areas = comparisonAreas.Distinct().ToArray() });
        if (goalIds is not null)
        {
            await GoalWriter.LinkIndicatorAsync(edit, id, goalIds, reasonFor);
        }
    }

    sealed record StateRow(
        string Organisation, string Code, string Name, string? Description, string Unit, int Decimals, string Direction, string Frequency,
        string Aggregation, bool GenderSplit, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference, string? SourceDescription,
        string? KpiId, string? OwnerCommittee, string PrimaryArea, string? CountedNoun);

    static async Task<IndicatorState?> ReadStateAsync(AuditedEdit edit, object id)
    {
        var row = await edit.SingleOrDefaultAsync<StateRow>("""
            select i.area_id as organisation, i.code, i.name, i.description, i.unit, i.decimals::int, i.direction, i.frequency, i.aggregation,
                   i.gender_split, i.tolerance, i.tolerance_kind, i.trend_min_difference, i.source_description, i.kpi_id,
                   c.code as owner_committee, i.primary_area_id as primary_area, i.counted_noun
            from indicator i left join committee c on c.id = i.owner_committee_id
            where i.id = @Id
            """, new { Id = id });
        if (row is null)
        {
            return null;
        }

        var areas = await edit.ListAsync<string>("select area_id from indicator_comparison_area where indicator_id = @Id order by area_id", new { Id = id });
        var goals = await edit.ListAsync<LinkedGoal>("""
            select p.name as plan, v.name as version, g.code
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
            row.PrimaryArea, areas, goals, row.CountedNoun);
    }

    static Unique UniqueCode(string code) => new("indicator_area_id_code_key",
        () => new InvalidEditException(nameof(IndicatorValues.Code), $"Det finns redan en indikator med koden '{code.Trim()}'. Välj en annan kod."));
}

/// <summary>An indicator's stored fields, trimmed and cleaned as they are stored; its owner by committee id.</summary>
sealed record IndicatorValues(
    string Code, string Name, string? Description, string Unit, short Decimals, string Direction, string Frequency, string Aggregation,
    bool GenderSplit, int? OwnerCommitteeId, string PrimaryAreaId, decimal? Tolerance, string? ToleranceKind, decimal TrendMinDifference,
    string? SourceDescription, string? KpiId, string? CountedNoun);
