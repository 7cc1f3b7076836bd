using Indicators.Data.Editing;
using Indicators.Data.Plans;

namespace Indicators.Data.Indicators;

/// <summary>
/// The target table's writes, each with its audit entry (the målvärde named by indicator code, plan and version): used by
/// the indicator editor, plan import and a version copy. Targets have no row version of their own: the indicator row
/// guards an editor's save, plan import holds its own lock.
/// </summary>
static class TargetWriter
{
    static readonly AuditedTable<TargetState> Table = new("target", """
        select i.code as indicator, p.name as plan, v.name as version, t.year::int, coalesce(t.gender, 'T')::text as gender, t.value,
               t.band_min, t.band_max, t.tolerance, t.tolerance_kind, t.provenance, t.is_example
        from target t
        join indicator i on i.id = t.indicator_id
        join plan_version v on v.id = t.plan_version_id
        join plan p on p.id = v.plan_id
        where t.id = @Id
        """, "Målvärdet");

    /// <summary>
    /// A new målvärde; in an adopted version only as a justering with <paramref name="justering"/> as its reason
    /// (<see cref="AdoptedVersions"/>). The same holds for <see cref="UpdateAsync"/> and <see cref="DeleteAsync"/>.
    /// </summary>
    public static async Task<int> InsertAsync(AuditedEdit edit, int versionId, int indicatorId, TargetValues target, string? justering = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        await AdoptedVersions.GuardAsync(edit, new(versionId, indicatorId, target.Year, Gender(target.Gender)),
            AdoptedVersions.TargetChanges(null, Fields(target)), justering);
        return await Table.InsertAsync<int>(edit, """
            insert into target (plan_version_id, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example)
            values (@VersionId, @IndicatorId, @Year, @Gender, @Value, @BandMin, @BandMax, @Tolerance, @ToleranceKind, @Provenance, @IsExample)
            returning id
            """, AuditedEdit.Parameters(AsStored(target), new { VersionId = versionId, IndicatorId = indicatorId }));
    }

    /// <summary>Changes a målvärde's values; its indicator, version, year and gender are what it is.</summary>
    public static async Task<TargetState> UpdateAsync(AuditedEdit edit, int id, TargetValues target, string? justering = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var stored = await StoredAsync(edit, id) ?? throw Table.Conflict();
        await AdoptedVersions.GuardAsync(edit, stored.Subject, AdoptedVersions.TargetChanges(stored.Fields, Fields(target)), justering);
        return await Table.UpdateAsync(edit, id, """
            update target set value = @Value, band_min = @BandMin, band_max = @BandMax, tolerance = @Tolerance,
                              tolerance_kind = @ToleranceKind, provenance = @Provenance, is_example = @IsExample
            where id = @Id
            """, AuditedEdit.Parameters(AsStored(target), new { Id = id }));
    }

    public static async Task DeleteAsync(AuditedEdit edit, int id, string? justering = null)
    {
        var stored = await StoredAsync(edit, id) ?? throw Table.Conflict();
        await AdoptedVersions.GuardAsync(edit, stored.Subject, AdoptedVersions.TargetChanges(stored.Fields, null), justering);
        await Table.DeleteAsync(edit, id, "delete from target where id = @Id", new { Id = id });
    }

    /// <summary>
    /// Deletes a målvärde whatever its version: only for deleting its indicator, which the indicator editor allows only for
    /// an indicator without outcomes (so no report was judged against it).
    /// </summary>
    public static Task DeleteWithIndicatorAsync(AuditedEdit edit, int id) =>
        Table.DeleteAsync(edit, id, "delete from target where id = @Id", new { Id = id });

    static Task<StoredRow?> StoredAsync(AuditedEdit edit, int id) => edit.SingleOrDefaultAsync<StoredRow>("""
        select plan_version_id, indicator_id, year::int, coalesce(gender, 'T')::text as gender, value, band_min, band_max, tolerance, tolerance_kind
        from target where id = @Id
        """, new { Id = id });

    static AdoptedVersions.TargetFields Fields(TargetValues t) => new(t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind);

    static string Gender(string? gender) => gender is null or "T" ? "T" : gender;

    sealed record StoredRow(
        int PlanVersionId, int IndicatorId, int Year, string Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind)
    {
        public AdoptedVersions.Subject Subject => new(PlanVersionId, IndicatorId, Year, Gender);

        public AdoptedVersions.TargetFields Fields => new(Value, BandMin, BandMax, Tolerance, ToleranceKind);
    }

    /// <summary>Copies a version's målvärden into another version (a version copy, audited as a whole); returns how many.</summary>
    public static Task<int> CopyAsync(AuditedEdit edit, int sourceVersionId, int targetVersionId) => edit.ExecuteAsync("""
        insert into target (plan_version_id, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example)
        select @Target, indicator_id, year, gender, value, band_min, band_max, tolerance, tolerance_kind, provenance, is_example
        from target where plan_version_id = @Source
        """, new { Source = sourceVersionId, Target = targetVersionId });

    /// <summary>Totalt stored as no gender.</summary>
    static object AsStored(TargetValues target) => target with { Gender = target.Gender is "T" ? null : target.Gender };
}

/// <summary>A målvärde's stored fields; <see cref="Gender"/> null or "T" is totalt (stored as null).</summary>
sealed record TargetValues(
    int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, string? Provenance,
    bool IsExample);
