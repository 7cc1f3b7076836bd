using Indicators.Core.Reports;
using Indicators.Data.Reports;

namespace Indicators.Web.Reports;

/// <summary>A reviewer's return: a comment on the report as a whole and one per goal, each optional (the store wants one).</summary>
public sealed class ReturnForm
{
    public CommentField Report { get; } = new(null, "");

    public IReadOnlyList<CommentField> Goals { get; private init; } = [];

    public static ReturnForm For(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ReturnForm { Goals = [.. document.Goals.Select(g => new CommentField(g.GoalId, $"{g.Code} {g.Name}"))] };
    }

    public IReadOnlyList<ReviewCommentDraft> Drafts() =>
        [.. new[] { Report }.Concat(Goals).Select(c => new ReviewCommentDraft(c.GoalId, c.Text ?? ""))];

    /// <summary>One comment's text; <see cref="GoalId"/> null for the report as a whole.</summary>
    public sealed class CommentField(int? goalId, string label)
    {
        public int? GoalId { get; } = goalId;

        public string Label { get; } = label;

        public string? Text { get; set; }
    }
}
