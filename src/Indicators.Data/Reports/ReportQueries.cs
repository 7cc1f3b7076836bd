#pragma warning disable CS9113 // stub until implemented
using Indicators.Core.Reports;
using Indicators.Data.Plans;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>Reads report periods and builds reports: frozen ones from their snapshots, the others from today's data.</summary>
public sealed class ReportQueries(NpgsqlDataSource dataSource, PlanQueries plans)
{
    /// <summary>Every report period, newest first; with <paramref name="committeeId"/> only those that nämnd reports in.</summary>
    public Task<IReadOnlyList<ReportPeriodSummary>> ListPeriodsAsync(int? committeeId = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<ReportPeriodSummary?> GetPeriodAsync(int periodId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>A nämnd's report; null when the period or the nämnd's report in it does not exist.</summary>
    public Task<CommitteeReportView?> GetCommitteeReportAsync(int periodId, int committeeId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>The whole region's report: finalised nämnder's goals from their snapshots, the rest as they read now.</summary>
    public Task<ReportDocument?> GetRegionReportAsync(int periodId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
