using System.Globalization;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// Report periods: a delårsrapport or årsrapport of a plan version's year, created and deleted by an active Analytiker
/// or Administratör (<see cref="ReportEditGuard"/>), audited.
/// </summary>
public sealed class ReportPeriodEditor(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Creates a delårsrapport or årsrapport for a plan version's year, with a report for each nämnd owning goals in it.
    /// Refuses (<see cref="InvalidEditException"/>, Swedish) a year outside the plan or a period that exists.
    /// </summary>
    public Task<int> CreateAsync(int planVersionId, int year, ReportKind kind, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayManagePeriodsAsync(edit);
            var version = await edit.SingleOrDefaultAsync<VersionRow>("""
                select p.name as plan_name, v.name as version_name, p.start_year::int as start_year, p.end_year::int as end_year
                from plan_version v join plan p on p.id = v.plan_id
                where v.id = @PlanVersionId
                """, new { PlanVersionId = planVersionId })
                ?? throw new InvalidEditException("PlanVersionId", "Planversionen finns inte längre. Välj en annan.");
            if (year < version.StartYear || year > version.EndYear)
            {
                throw new InvalidEditException("Year", $"Året {Number(year)} ligger utanför planperioden {Number(version.StartYear)}–{Number(version.EndYear)}.");
            }

            var id = await ReportPeriodWriter.InsertAsync(edit, planVersionId, year, kind.Code(),
                () => new InvalidEditException("Kind", $"{kind.Title(year)} finns redan för {version.PlanName} ({version.VersionName})."));
            await CommitteeReportWriter.EnsureForPeriodAsync(edit, id);
            return id;
        }, cancellationToken);

    /// <summary>
    /// Deletes a report period created by mistake, with its nämnder's reports, assessments and comments. Refuses
    /// (<see cref="InvalidEditException"/>, Swedish) while any nämnd has finalised its report: a finalised report is kept
    /// for good. The audit row keeps what was removed.
    /// </summary>
    public Task DeleteAsync(int periodId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayManagePeriodsAsync(edit);
            var period = await edit.SingleOrDefaultAsync<PeriodToDelete>(
                "select year::int as year, kind, plan_version_id from report_period where id = @PeriodId for update", new { PeriodId = periodId })
                ?? throw new InvalidEditException("", "Rapportperioden finns inte längre. Ladda om sidan.");

            // Locks the nämnder's reports too, so none is finalised while the period goes.
            var reports = await edit.ListAsync<ReportToDelete>("""
                select c.name as committee_name, cr.state,
                       (select count(*)::int from goal_assessment a where a.report_period_id = cr.report_period_id and a.committee_id = cr.committee_id) as assessments,
                       (select count(*)::int from indicator_comment ic where ic.report_period_id = cr.report_period_id and ic.committee_id = cr.committee_id) as comments
                from committee_report cr join committee c on c.id = cr.committee_id
                where cr.report_period_id = @PeriodId
                order by c.name
                for update of cr
                """, new { PeriodId = periodId });
            var finalised = reports.Where(r => ReportNames.ParseState(r.State) == ReportState.Finalised).Select(r => r.CommitteeName).ToList();
            if (finalised.Count > 0)
            {
                var title = ReportNames.ParseKind(period.Kind).Title(period.Year);
                throw new InvalidEditException("", $"{title} kan inte tas bort: {string.Join(", ", finalised)} har fastställt sin rapport, och en fastställd rapport sparas alltid.");
            }

            await ReportPeriodWriter.DeleteAsync(edit, periodId, new
            {
                period.PlanVersionId,
                period.Year,
                period.Kind,
                Reports = reports.Select(r => new { r.CommitteeName, r.State, r.Assessments, r.Comments }),
            });
        }, cancellationToken);

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    sealed record VersionRow(string PlanName, string VersionName, int StartYear, int EndYear);

    sealed record PeriodToDelete(int Year, string Kind, int PlanVersionId);

    sealed record ReportToDelete(string CommitteeName, string State, int Assessments, int Comments);
}
