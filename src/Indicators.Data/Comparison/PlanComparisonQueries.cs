using Indicators.Core.Comparison;
using Indicators.Core.FollowUp;
using Indicators.Core.Organisations;
using Npgsql;

namespace Indicators.Data.Comparison;

/// <summary>Reads two plan versions and compares them (issue 21, <see cref="PlanComparison"/>).</summary>
public sealed class PlanComparisonQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The comparison of two versions (of one plan or of two) for a follow-up period (null: the default period); null when
    /// either version does not exist or belongs to an organisation outside <paramref name="scope"/>.
    /// </summary>
    public Task<PlanComparison?> CompareAsync(
        int leftVersionId, int rightVersionId, FollowUpPeriod? period, OrganisationScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _ = dataSource;
        throw new NotImplementedException("Issue 21: the comparison is being built.");
    }
}
