using Indicators.Data.Reports;
using Npgsql;

namespace Indicators.TestSupport;

/// <summary>Every report editor on one database, as the web app's container makes them.</summary>
public sealed record ReportEditors(ReportPeriodEditor Periods, GoalAssessmentEditor Assessments, IndicatorCommentEditor Comments, ReportSubmission Submission)
{
    public static ReportEditors Create(NpgsqlDataSource dataSource, ReportQueries queries) =>
        new(new ReportPeriodEditor(dataSource), new GoalAssessmentEditor(dataSource), new IndicatorCommentEditor(dataSource), new ReportSubmission(dataSource, queries));
}
