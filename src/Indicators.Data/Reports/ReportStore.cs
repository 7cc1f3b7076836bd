using System.Globalization;
using System.Text.Json;
using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Audit;
using Npgsql;

namespace Indicators.Data.Reports;

/// <summary>
/// Report periods and the nämnder's reports: creating a period, saving assessments and comments (merged field by field, so
/// nobody's newer text is silently overwritten), and moving a report open → under review → finalised. Every change is
/// audited in its own transaction. Who may do what is checked here, against the acting account as the database has it
/// now, not only by the pages: an active Analytiker or Administratör may work on every nämnd's report and create and
/// delete periods; an active Nämnd user only on the report of a committee it holds the role for, by committee id (codes
/// repeat across organisations). A refusal is an <see cref="InvalidEditException"/> with a Swedish message.
/// </summary>
public sealed class ReportStore(NpgsqlDataSource dataSource, ReportQueries queries)
{
    /// <summary>The longest text a field takes: a few pages, more than any report section needs.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// Creates a delårsrapport or årsrapport for a plan version's year, with a report for each nämnd owning goals in it.
    /// Refuses (<see cref="InvalidEditException"/>, Swedish) a year outside the plan or a period that exists.
    /// </summary>
    public async Task<int> CreatePeriodAsync(int planVersionId, int year, ReportKind kind, Actor actor, CancellationToken cancellationToken = default)
    {
        const string versionSql = """
            select p.name as PlanName, v.name as VersionName, p.start_year::int as StartYear, p.end_year::int as EndYear
            from plan_version v join plan p on p.id = v.plan_id
            where v.id = @PlanVersionId
            """;
        const string insertSql = """
            insert into report_period (plan_version_id, year, kind, created_by)
            values (@PlanVersionId, @Year, @Kind, @CreatedBy)
            on conflict (plan_version_id, year, kind) do nothing
            returning id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireMayManagePeriodsAsync(connection, transaction, actor, cancellationToken);
        var version = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(versionSql, new { PlanVersionId = planVersionId }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidEditException("PlanVersionId", "Planversionen finns inte längre. Välj en annan.");
        if (year < version.StartYear || year > version.EndYear)
        {
            throw new InvalidEditException("Year", $"Året {year.ToString(CultureInfo.InvariantCulture)} ligger utanför planperioden {version.StartYear.ToString(CultureInfo.InvariantCulture)}–{version.EndYear.ToString(CultureInfo.InvariantCulture)}.");
        }

        var id = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(insertSql,
            new { PlanVersionId = planVersionId, Year = (short)year, Kind = kind.Code(), CreatedBy = actor.UserName }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidEditException("Kind", $"{kind.Title(year)} finns redan för {version.PlanName} ({version.VersionName}).");
        await connection.ExecuteAsync(new CommandDefinition(ReportQueries.EnsureCommitteeReportsSql, new { PeriodId = id }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "create", "report_period", Id(id), null,
            new { PlanVersionId = planVersionId, Year = year, Kind = kind.Code() }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Deletes a report period created by mistake, with its nämnder's reports, assessments and comments. Refuses
    /// (<see cref="InvalidEditException"/>, Swedish) while any nämnd has finalised its report: a finalised report is kept
    /// for good. The audit row keeps what was removed.
    /// </summary>
    public async Task DeletePeriodAsync(int periodId, Actor actor, CancellationToken cancellationToken = default)
    {
        const string periodSql = """
            select year::int as Year, kind as Kind, plan_version_id as PlanVersionId from report_period where id = @PeriodId for update
            """;
        // Locks the nämnder's reports too, so none is finalised while the period goes.
        const string reportsSql = """
            select c.name as CommitteeName, cr.state as State,
                   (select count(*)::int from goal_assessment a where a.report_period_id = cr.report_period_id and a.committee_id = cr.committee_id) as Assessments,
                   (select count(*)::int from indicator_comment ic where ic.report_period_id = cr.report_period_id and ic.committee_id = cr.committee_id) as Comments
            from committee_report cr join committee c on c.id = cr.committee_id
            where cr.report_period_id = @PeriodId
            order by c.name
            for update of cr
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireMayManagePeriodsAsync(connection, transaction, actor, cancellationToken);
        var period = await connection.QuerySingleOrDefaultAsync<PeriodToDelete>(new CommandDefinition(periodSql, new { PeriodId = periodId }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidEditException("", "Rapportperioden finns inte längre. Ladda om sidan.");
        var reports = (await connection.QueryAsync<ReportToDelete>(new CommandDefinition(reportsSql, new { PeriodId = periodId }, transaction, cancellationToken: cancellationToken))).ToList();
        var title = ReportNames.ParseKind(period.Kind).Title(period.Year);
        var finalised = reports.Where(r => ReportNames.ParseState(r.State) == ReportState.Finalised).Select(r => r.CommitteeName).ToList();
        if (finalised.Count > 0)
        {
            throw new InvalidEditException("", $"{title} kan inte tas bort: {string.Join(", ", finalised)} har fastställt sin rapport, och en fastställd rapport sparas alltid.");
        }

        await connection.ExecuteAsync(new CommandDefinition("delete from report_period where id = @PeriodId", new { PeriodId = periodId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "delete", "report_period", Id(periodId),
            new
            {
                period.PlanVersionId,
                period.Year,
                period.Kind,
                Reports = reports.Select(r => new { r.CommitteeName, r.State, r.Assessments, r.Comments }),
            }, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    sealed record PeriodToDelete(int Year, string Kind, int PlanVersionId);

    sealed record ReportToDelete(string CommitteeName, string State, int Assessments, int Comments);

    /// <summary>
    /// Saves a goal's texts. <paramref name="original"/> is what the form loaded, <paramref name="edited"/> what it holds now.
    /// A field someone else changed since (to something else than this edit) is a conflict: nothing is saved and the
    /// result names their text. An own assessment differing from <paramref name="suggested"/> needs a motivation.
    /// </summary>
    public async Task<SaveResult<GoalTexts>> SaveGoalAsync(
        int periodId, int committeeId, int goalId, GoalTexts original, GoalTexts edited, GoalAssessment suggested, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        edited = edited with { Motivation = edited.Motivation.Trim(), Analysis = edited.Analysis.Trim(), Actions = edited.Actions.Trim() };
        Validate(edited, suggested);

        const string goalSql = """
            select 1
            from goal g
            join goal_area ga on ga.id = g.goal_area_id
            join report_period rp on rp.plan_version_id = ga.plan_version_id
            where g.id = @GoalId and rp.id = @PeriodId and g.owner_committee_id = @CommitteeId
            """;
        const string upsertSql = """
            insert into goal_assessment (report_period_id, committee_id, goal_id, assessed, motivation, analysis, actions, updated_by, updated_at)
            values (@PeriodId, @CommitteeId, @GoalId, @Assessed, @Motivation, @Analysis, @Actions, @UpdatedBy, now())
            on conflict (report_period_id, goal_id) do update
            set assessed = excluded.assessed, motivation = excluded.motivation, analysis = excluded.analysis, actions = excluded.actions,
                version = goal_assessment.version + 1, updated_by = excluded.updated_by, updated_at = now()
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireMayEditAsync(connection, transaction, actor, committeeId, cancellationToken);
        await LockOpenReportAsync(connection, transaction, periodId, committeeId, cancellationToken);
        if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(goalSql, new { GoalId = goalId, PeriodId = periodId, CommitteeId = committeeId }, transaction, cancellationToken: cancellationToken)) is null)
        {
            throw new InvalidEditException("", "Målet hör inte (längre) till nämndens rapport. Ladda om sidan.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "select 1 from goal_assessment where report_period_id = @PeriodId and goal_id = @GoalId for update",
            new { PeriodId = periodId, GoalId = goalId }, transaction, cancellationToken: cancellationToken));
        var current = (await ReportQueries.ReadGoalTextsAsync(connection, periodId, committeeId, cancellationToken, transaction, goalId)).GetValueOrDefault(goalId)
            ?? GoalTexts.Empty;

        var conflicts = new List<TextConflict>();
        var merged = new GoalTexts(
            Merge("Assessed", "Bedömning", original.Assessed, edited.Assessed, current.Assessed, a => a?.SwedishName() ?? "ingen bedömning"),
            Merge("Motivation", "Motivering", original.Motivation, edited.Motivation, current.Motivation, t => t),
            Merge("Analysis", "Analys", original.Analysis, edited.Analysis, current.Analysis, t => t),
            Merge("Actions", "Åtgärder", original.Actions, edited.Actions, current.Actions, t => t));

        T Merge<T>(string field, string name, T loaded, T mine, T theirs, Func<T, string> text)
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
        await connection.ExecuteAsync(new CommandDefinition(upsertSql, new
        {
            PeriodId = periodId,
            CommitteeId = committeeId,
            GoalId = goalId,
            Assessed = merged.Assessed?.Code(),
            merged.Motivation,
            merged.Analysis,
            merged.Actions,
            UpdatedBy = actor.UserName,
        }, transaction, cancellationToken: cancellationToken));
        var saved = (await ReportQueries.ReadGoalTextsAsync(connection, periodId, committeeId, cancellationToken, transaction, goalId))[goalId];
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "goal_assessment", $"{Id(periodId)}/{Id(goalId)}",
            current.Version == 0 ? null : Audited(current), Audited(saved), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult<GoalTexts>(saved, []);
    }

    /// <summary>Saves a comment on an indicator, with the same conflict rule as <see cref="SaveGoalAsync"/>.</summary>
    public async Task<SaveResult<IndicatorComment>> SaveCommentAsync(
        int periodId, int committeeId, int indicatorId, string original, string edited, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        edited = edited.Trim();
        if (edited.Length > MaxTextLength)
        {
            throw new InvalidEditException("Comment", $"Kommentaren får vara högst {SwedishCount(MaxTextLength)} tecken.");
        }

        const string indicatorSql = """
            select 1
            from goal_indicator gi
            join goal g on g.id = gi.goal_id
            join goal_area ga on ga.id = g.goal_area_id
            join report_period rp on rp.plan_version_id = ga.plan_version_id
            where gi.indicator_id = @IndicatorId and rp.id = @PeriodId and g.owner_committee_id = @CommitteeId
            limit 1
            """;
        const string upsertSql = """
            insert into indicator_comment (report_period_id, committee_id, indicator_id, comment, updated_by, updated_at)
            values (@PeriodId, @CommitteeId, @IndicatorId, @Comment, @UpdatedBy, now())
            on conflict (report_period_id, committee_id, indicator_id) do update
            set comment = excluded.comment, version = indicator_comment.version + 1, updated_by = excluded.updated_by, updated_at = now()
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireMayEditAsync(connection, transaction, actor, committeeId, cancellationToken);
        await LockOpenReportAsync(connection, transaction, periodId, committeeId, cancellationToken);
        var parameters = new { PeriodId = periodId, CommitteeId = committeeId, IndicatorId = indicatorId };
        if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(indicatorSql, parameters, transaction, cancellationToken: cancellationToken)) is null)
        {
            throw new InvalidEditException("", "Indikatorn hör inte (längre) till nämndens rapport. Ladda om sidan.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "select 1 from indicator_comment where report_period_id = @PeriodId and committee_id = @CommitteeId and indicator_id = @IndicatorId for update",
            parameters, transaction, cancellationToken: cancellationToken));
        var current = (await ReportQueries.ReadCommentsAsync(connection, periodId, committeeId, cancellationToken, transaction, indicatorId)).GetValueOrDefault(indicatorId)
            ?? IndicatorComment.Empty;
        if (edited == original.Trim() || current.Text == edited)
        {
            return new SaveResult<IndicatorComment>(current, []);
        }

        if (current.Text != original.Trim())
        {
            return new SaveResult<IndicatorComment>(current, [new TextConflict("Comment", "Kommentar", current.Text, current.UpdatedBy, current.UpdatedAt)]);
        }

        await connection.ExecuteAsync(new CommandDefinition(upsertSql, new { PeriodId = periodId, CommitteeId = committeeId, IndicatorId = indicatorId, Comment = edited, UpdatedBy = actor.UserName },
            transaction, cancellationToken: cancellationToken));
        var saved = (await ReportQueries.ReadCommentsAsync(connection, periodId, committeeId, cancellationToken, transaction, indicatorId))[indicatorId];
        await AuditLog.WriteAsync(connection, transaction, actor, "update", "indicator_comment", $"{Id(periodId)}/{Id(committeeId)}/{Id(indicatorId)}",
            current.Version == 0 ? null : new { current.Text }, new { saved.Text }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult<IndicatorComment>(saved, []);
    }

    /// <summary>Open → under review. Every goal must have the nämnd's assessment, and a motivation where it differs.</summary>
    public Task SubmitAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(periodId, committeeId, version, ReportState.Open, ReportState.UnderReview, "submit", """
            update committee_report set state = 'under_review', submitted_at = now(), submitted_by = @By, version = version + 1
            where report_period_id = @PeriodId and committee_id = @CommitteeId
            """, actor, cancellationToken);

    /// <summary>Under review → open, so the texts can be changed again.</summary>
    public Task ReopenAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(periodId, committeeId, version, ReportState.UnderReview, ReportState.Open, "reopen", """
            update committee_report set state = 'open', submitted_at = null, submitted_by = null, version = version + 1
            where report_period_id = @PeriodId and committee_id = @CommitteeId
            """, actor, cancellationToken);

    /// <summary>A state change of a report seen at <paramref name="version"/> in <paramref name="from"/>, audited.</summary>
    async Task MoveAsync(
        int periodId, int committeeId, int version, ReportState from, ReportState to, string action, string sql, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireMayEditAsync(connection, transaction, actor, committeeId, cancellationToken);
        var state = await LockAsync(connection, transaction, periodId, committeeId, version, from, cancellationToken);
        if (to == ReportState.UnderReview)
        {
            RequireComplete(await BuildAsync(connection, transaction, periodId, state, cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(sql, new { PeriodId = periodId, CommitteeId = committeeId, By = actor.UserName }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, action, "committee_report", $"{Id(periodId)}/{Id(committeeId)}",
            new { State = from.Code() }, new { State = to.Code() }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Under review → finalised: the report as it reads now (figures, statuses, explanations, texts) is frozen as its
    /// snapshot in the same transaction, and never changes again (a trigger refuses any later update).
    /// </summary>
    public async Task FinaliseAsync(int periodId, int committeeId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireMayEditAsync(connection, transaction, actor, committeeId, cancellationToken);
        var state = await LockAsync(connection, transaction, periodId, committeeId, version, ReportState.UnderReview, cancellationToken);
        var document = await BuildAsync(connection, transaction, periodId, state, cancellationToken);

        // The data may have changed since the report was submitted, and with it a suggestion: the rule is checked again.
        RequireComplete(document);
        var at = DateTimeOffset.UtcNow;
        var finalisedBy = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "select user_display_name(@By)", new { By = actor.UserName }, transaction, cancellationToken: cancellationToken));
        var frozen = document with
        {
            Header = document.Header with { State = ReportState.Finalised, FinalisedAt = at, FinalisedBy = finalisedBy, DataReadAt = at },
        };
        await connection.ExecuteAsync(new CommandDefinition("""
            update committee_report
            set state = 'finalised', finalised_at = @At, finalised_by = @By, snapshot = @Snapshot::jsonb, version = version + 1
            where report_period_id = @PeriodId and committee_id = @CommitteeId
            """, new { At = at.UtcDateTime, By = actor.UserName, Snapshot = JsonSerializer.Serialize(frozen, ReportQueries.SnapshotJson), PeriodId = periodId, CommitteeId = committeeId },
            transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, "finalise", "committee_report", $"{Id(periodId)}/{Id(committeeId)}",
            new { State = ReportState.UnderReview.Code() },
            new
            {
                State = ReportState.Finalised.Code(),
                FinalisedAt = at,
                Goals = frozen.Goals.Select(g => new { g.Code, Suggested = g.Suggested.Code(), Assessed = g.Texts.Assessed?.Code() }).ToList(),
            }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
                errors.Add(new FieldError(field, $"{name} får vara högst {SwedishCount(MaxTextLength)} tecken (nu {SwedishCount(text.Length)})."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    /// <summary>Every goal assessed, with a motivation where the assessment differs from the suggestion.</summary>
    static void RequireComplete(ReportDocument document)
    {
        var errors = new List<FieldError>();
        foreach (var goal in document.Goals)
        {
            if (goal.Texts.Assessed is null)
            {
                errors.Add(new FieldError($"Goals[{Id(goal.GoalId)}].Assessed", $"Mål {goal.Code} saknar nämndens bedömning."));
            }
            else if (goal.DiffersFromSuggestion && string.IsNullOrWhiteSpace(goal.Texts.Motivation))
            {
                errors.Add(new FieldError($"Goals[{Id(goal.GoalId)}].Motivation",
                    $"Mål {goal.Code} saknar motivering: nämndens bedömning ({goal.Texts.Assessed.Value.SwedishName()}) skiljer sig från förslaget ({goal.Suggested.SwedishName()})."));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidEditException(errors);
        }
    }

    async Task<ReportDocument> BuildAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int periodId, CommitteeReportState state, CancellationToken cancellationToken)
    {
        var period = await ReportQueries.ReadPeriodAsync(connection, periodId, cancellationToken, transaction)
            ?? throw new InvalidEditException("", "Rapportperioden finns inte längre.");
        return await queries.BuildLiveAsync(connection, period, state.CommitteeId, state, cancellationToken);
    }

    /// <summary>
    /// The acting account may work on this committee's report: it is active and an Analytiker, an Administratör, or a
    /// Nämnd user of exactly this committee (by id). Checked inside the write's transaction, so a deactivation or a role
    /// change that has committed is never outrun by a save from a page opened before it.
    /// </summary>
    static async Task RequireMayEditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, int committeeId, CancellationToken cancellationToken)
    {
        if (!await HasRoleAsync(connection, transaction, actor, committeeId, cancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att ändra den här nämndens rapport.");
        }
    }

    /// <summary>Only an active Analytiker or Administratör creates and deletes report periods.</summary>
    static async Task RequireMayManagePeriodsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, CancellationToken cancellationToken)
    {
        if (!await HasRoleAsync(connection, transaction, actor, null, cancellationToken))
        {
            throw new InvalidEditException("", "Du har inte behörighet att skapa eller ta bort rapportperioder.");
        }
    }

    static Task<bool> HasRoleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Actor actor, int? committeeId, CancellationToken cancellationToken) =>
        Users.AccountRights.MayEditAsync(connection, transaction, actor, committeeId, cancellationToken);

    /// <summary>Locks an open report for a text save: under review and finalised reports are read-only.</summary>
    static async Task LockOpenReportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int periodId, int committeeId, CancellationToken cancellationToken)
    {
        var state = await ReadLockedAsync(connection, transaction, periodId, committeeId, cancellationToken);
        if (state.State != ReportState.Open)
        {
            throw new InvalidEditException("", state.State == ReportState.Finalised
                ? "Rapporten är fastställd och kan inte ändras."
                : "Rapporten är skickad till granskning och kan inte ändras. Återöppna den först.");
        }
    }

    /// <summary>Locks a report for a state change that expects <paramref name="expected"/> at <paramref name="version"/>.</summary>
    static async Task<CommitteeReportState> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int periodId, int committeeId, int version, ReportState expected, CancellationToken cancellationToken)
    {
        var state = await ReadLockedAsync(connection, transaction, periodId, committeeId, cancellationToken);
        if (state.Version != version || state.State != expected)
        {
            throw new EditConflictException(
                $"Rapporten har ändrats av någon annan sedan du öppnade den (den är nu {state.State.SwedishName().ToLowerInvariant()}). Ladda om sidan – inget har ändrats.");
        }

        return state;
    }

    static async Task<CommitteeReportState> ReadLockedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int periodId, int committeeId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "select 1 from committee_report where report_period_id = @PeriodId and committee_id = @CommitteeId for update",
            new { PeriodId = periodId, CommitteeId = committeeId }, transaction, cancellationToken: cancellationToken));
        return (await ReportQueries.ReadStatesAsync(connection, [periodId], committeeId, cancellationToken, transaction))[periodId].SingleOrDefault()
            ?? throw new InvalidEditException("", "Nämndens rapport finns inte i den här perioden.");
    }

    static object Audited(GoalTexts texts) => new { Assessed = texts.Assessed?.Code(), texts.Motivation, texts.Analysis, texts.Actions, texts.Version };

    static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    static string SwedishCount(int count) => Core.Formatting.SwedishFormat.Number(count, 0);

    sealed record VersionRow(string PlanName, string VersionName, int StartYear, int EndYear);
}
