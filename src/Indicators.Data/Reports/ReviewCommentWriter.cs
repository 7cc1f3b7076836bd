using Indicators.Data.Editing;

namespace Indicators.Data.Reports;

/// <summary>
/// The review_comment table's writes: a reviewer's comment added when a report is returned, and the nämnd marking it
/// resolved (or not) before submitting again; each audited with the comment's state (entity <c>review_comment</c>).
/// </summary>
static class ReviewCommentWriter
{
    static readonly AuditedTable<CommentState> Table = new("review_comment", """
        select report_period_id as PeriodId, committee_id, goal_id, comment as Text, resolved_by, resolved_at
        from review_comment where id = @Id
        """, "Granskarens kommentar");

    public static Task<int> AddAsync(AuditedEdit edit, int periodId, int committeeId, ReviewCommentDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Table.InsertAsync<int>(edit, """
            insert into review_comment (report_period_id, committee_id, goal_id, comment, created_by)
            values (@PeriodId, @CommitteeId, @GoalId, @Text, @By)
            returning id
            """, new { PeriodId = periodId, CommitteeId = committeeId, draft.GoalId, draft.Text, By = edit.Actor.UserName });
    }

    /// <summary>Marks the comment resolved now by the actor, or not resolved; only a comment of this report.</summary>
    public static Task SetResolvedAsync(AuditedEdit edit, int periodId, int committeeId, int commentId, bool resolved) =>
        Table.UpdateAsync(edit, commentId, """
            update review_comment
            set resolved_by = case when @Resolved then @By end, resolved_at = case when @Resolved then now() end
            where id = @Id and report_period_id = @PeriodId and committee_id = @CommitteeId
            """, new { Id = commentId, PeriodId = periodId, CommitteeId = committeeId, Resolved = resolved, By = edit.Actor.UserName });

    sealed record CommentState(int PeriodId, int CommitteeId, int? GoalId, string Text, string? ResolvedBy, DateTime? ResolvedAt);
}
