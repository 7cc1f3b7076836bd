using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>The report_period table's writes, each with its audit entry.</summary>
static class ReportPeriodWriter
{
    static readonly AuditedTable<ReportPeriodState> Table = new(
        "report_period", "select plan_version_id, year::int as year, kind from report_period where id = @Id", "Rapportperioden");

    /// <summary>Creates a period; one that exists already for the version, year and kind is refused with <paramref name="exists"/>.</summary>
    public static Task<int> InsertAsync(AuditedEdit edit, int planVersionId, int year, string kind, Func<InvalidEditException> exists) =>
        Table.InsertAsync<int>(edit, """
            insert into report_period (plan_version_id, year, kind, created_by)
            values (@PlanVersionId, @Year, @Kind, @CreatedBy)
            returning id
            """, new { PlanVersionId = planVersionId, Year = (short)year, Kind = kind, CreatedBy = edit.Actor.UserName },
            new Unique("report_period_plan_version_id_year_kind_key", exists));

    /// <summary>
    /// Deletes a period with (by cascade) its nämnder's reports, assessments and comments; <paramref name="before"/> is what
    /// the audit entry keeps of them.
    /// </summary>
    public static async Task DeleteAsync(AuditedEdit edit, int periodId, object before)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await edit.ExecuteAsync("delete from report_period where id = @PeriodId", new { PeriodId = periodId });
        await edit.RecordAsync("delete", Table.Entity, periodId, before, null);
    }

    /// <summary>A period as the log records its creation.</summary>
    sealed record ReportPeriodState(int PlanVersionId, int Year, string Kind);
}
