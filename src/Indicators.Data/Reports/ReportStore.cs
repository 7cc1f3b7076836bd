#pragma warning disable CS9113 // stub until implemented
using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// Report periods and the nämnder's reports: creating a period, saving assessments and comments (merged field by field, so
/// nobody's newer text is silently overwritten), and moving a report open → under review → finalised. Every change is
/// audited in its own transaction.
/// </summary>
public sealed partial class ReportStore(NpgsqlDataSource dataSource, ReportQueries queries)
{
    /// <summary>
    /// Creates a delårsrapport or årsrapport for a plan version's year, with a report for each nämnd owning goals in it.
    /// Refuses (<see cref="Core.Editing.InvalidEditException"/>, Swedish) a year outside the plan or a period that exists.
    /// </summary>
    public Task<int> CreatePeriodAsync(int planVersionId, int year, ReportKind kind, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>
    /// Saves a goal's texts. <paramref name="original"/> is what the form loaded, <paramref name="edited"/> what it holds now.
    /// A field someone else changed since (to something else than this edit) is a conflict: nothing is saved and the
    /// result names their text. An own assessment differing from <paramref name="suggested"/> needs a motivation.
    /// </summary>
    public Task<SaveResult<GoalTexts>> SaveGoalAsync(
        int periodId, int committeeId, int goalId, GoalTexts original, GoalTexts edited, GoalAssessment suggested, Actor actor,
        CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Saves a comment on an indicator, with the same conflict rule as <see cref="SaveGoalAsync"/>.</summary>
    public Task<SaveResult<IndicatorComment>> SaveCommentAsync(
        int periodId, int committeeId, int indicatorId, string original, string edited, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Open → under review. Every goal must have the nämnd's assessment, and a motivation where it differs.</summary>
    public Task SubmitAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Under review → open, so the texts can be changed again.</summary>
    public Task ReopenAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    /// <summary>Under review → finalised: the report as it reads now is frozen as its snapshot, and never changes again.</summary>
    public Task FinaliseAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
