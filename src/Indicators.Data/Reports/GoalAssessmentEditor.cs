using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// A nämnd's assessment of one of its goals in an open report, with its motivation, analysis and actions: merged field by
/// field with what others saved meanwhile, so nobody's newer text is silently overwritten. Rights and the report's state
/// are checked in the save's transaction (<see cref="ReportEditGuard"/>).
/// </summary>
public sealed class GoalAssessmentEditor(NpgsqlDataSource dataSource)
{
    /// <summary>The longest text a field takes: a few pages, more than any report section needs.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// Saves a goal's texts. <paramref name="original"/> is what the form loaded, <paramref name="edited"/> what it holds now.
    /// A field someone else changed since (to something else than this edit) is a conflict: nothing is saved and the
    /// result names their text. An own assessment differing from <paramref name="suggested"/> needs a motivation.
    /// </summary>
    public Task<SaveResult<GoalTexts>> SaveAsync(
        int periodId, int committeeId, int goalId, GoalTexts original, GoalTexts edited, GoalAssessment suggested, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        edited = edited with { Motivation = edited.Motivation.Trim(), Analysis = edited.Analysis.Trim(), Actions = edited.Actions.Trim() };
        Validate(edited, suggested);
        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            await ReportEditGuard.RequireMayEditAsync(edit, committeeId);
            await ReportEditGuard.RequireOpenAsync(edit, periodId, committeeId);
            const string goalSql = """
                select 1
                from goal g
                join goal_area ga on ga.id = g.goal_area_id
                join report_period rp on rp.plan_version_id = ga.plan_version_id
                where g.id = @GoalId and rp.id = @PeriodId and g.owner_committee_id = @CommitteeId
                """;
            if (await edit.ScalarAsync<int?>(goalSql, new { GoalId = goalId, PeriodId = periodId, CommitteeId = committeeId }) is null)
            {
                throw new InvalidEditException("", "Målet hör inte (längre) till nämndens rapport. Ladda om sidan.");
            }

            var current = await GoalAssessmentWriter.LockAsync(edit, periodId, committeeId, goalId);
            var (merged, conflicts) = Merge(original, edited, current);
            if (conflicts.Count > 0)
            {
                return new SaveResult<GoalTexts>(current, conflicts);
            }

            if (merged.SameContentAs(current))
            {
                return new SaveResult<GoalTexts>(current, []);
            }

            // A merge can combine someone's new assessment with this motivation: the rule holds for what is stored.
            Validate(merged, suggested);
            return new SaveResult<GoalTexts>(await GoalAssessmentWriter.SaveAsync(edit, periodId, committeeId, goalId, current, merged), []);
        }, cancellationToken);
    }

    /// <summary>
    /// Each field: kept as stored when not edited here; this edit's text when nobody else changed it since it was loaded
    /// (or changed it to the same); otherwise a conflict that names their text.
    /// </summary>
    static (GoalTexts Merged, List<TextConflict> Conflicts) Merge(GoalTexts original, GoalTexts edited, GoalTexts current)
    {
        var conflicts = new List<TextConflict>();
        var merged = new GoalTexts(
            Field("Assessed", "Bedömning", original.Assessed, edited.Assessed, current.Assessed, a => a?.SwedishName() ?? "ingen bedömning"),
            Field("Motivation", "Motivering", original.Motivation, edited.Motivation, current.Motivation, t => t),
            Field("Analysis", "Analys", original.Analysis, edited.Analysis, current.Analysis, t => t),
            Field("Actions", "Åtgärder", original.Actions, edited.Actions, current.Actions, t => t));
        return (merged, conflicts);

        T Field<T>(string field, string name, T loaded, T mine, T theirs, Func<T, string> text)
        {
            var comparer = EqualityComparer<T>.Default;
            if (comparer.Equals(mine, loaded))
            {
                return theirs;   // not edited here: keep whatever is stored now
            }

            if (comparer.Equals(theirs, loaded) || comparer.Equals(theirs, mine))
            {
                return mine;
            }

            conflicts.Add(new TextConflict(field, name, text(theirs), current.UpdatedBy, current.UpdatedAt));
            return theirs;
        }
    }

    static void Validate(GoalTexts texts, GoalAssessment suggested)
    {
        var errors = new List<FieldError>();
        if (texts.Assessed is { } own && own != suggested && string.IsNullOrWhiteSpace(texts.Motivation))
        {
            errors.Add(new FieldError("Motivation",
                $"Skriv en motivering: nämndens bedömning ({own.SwedishName()}) skiljer sig från förslaget ({suggested.SwedishName()})."));
        }

        foreach (var (field, name, text) in new[] { ("Motivation", "Motiveringen", texts.Motivation), ("Analysis", "Analysen", texts.Analysis), ("Actions", "Åtgärderna", texts.Actions) })
        {
            if (text.Length > MaxTextLength)
            {
                errors.Add(new FieldError(field, $"{name} får vara högst {Count(MaxTextLength)} tecken (nu {Count(text.Length)})."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    internal static string Count(int count) => SwedishFormat.Number(count, 0);
}
