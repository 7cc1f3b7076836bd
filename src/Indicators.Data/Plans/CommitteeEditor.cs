using Indicators.Core.Editing;
using Indicators.Core.Formatting;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Editing;
using Npgsql;

namespace Indicators.Data.Plans;

/// <summary>An organisation's nämnder: created, renamed, and deleted only when nothing refers to them.</summary>
public sealed class CommitteeEditor(NpgsqlDataSource dataSource)
{
    public Task<int> CreateAsync(string areaId, CommitteeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor, async edit =>
        {
            try
            {
                return await CommitteeWriter.InsertAsync(edit, areaId, draft.Code.Trim(), draft.Name.Trim());
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                throw new InvalidEditException("AreaId", "Välj organisationen som nämnden hör till.");
            }
        }, cancellationToken);
    }

    public Task UpdateAsync(int committeeId, string rowVersion, CommitteeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidEditException(errors);
        }

        return AuditedEdit.RunAsync(dataSource, actor,
            edit => CommitteeWriter.UpdateAsync(edit, committeeId, rowVersion, draft.Code.Trim(), draft.Name.Trim()), cancellationToken);
    }

    /// <summary>
    /// Deletes a nämnd nothing refers to. Otherwise says, in Swedish, what does: owned or contributed mål, owned
    /// indicators, assessments, users with the Nämnd role for it (whose role would silently vanish with it).
    /// </summary>
    public Task DeleteAsync(int committeeId, Actor actor, CancellationToken cancellationToken = default) =>
        AuditedEdit.RunAsync(dataSource, actor, edit => DeleteAsync(edit, committeeId), cancellationToken);

    static async Task DeleteAsync(AuditedEdit edit, int committeeId)
    {
        var before = await CommitteeWriter.StateAsync(edit, committeeId)
            ?? throw new InvalidEditException("", "Nämnden finns inte längre. Ladda om sidan.");

        // Lock the row, so nothing can start referring to it between the check and the delete.
        await edit.ExecuteAsync("select 1 from committee where id = @Id for update", new { Id = committeeId });
        const string uses = """
            select (select coalesce(string_agg(distinct g.code, chr(31)), '') from goal g where g.owner_committee_id = @Id) as OwnedGoals,
                   (select coalesce(string_agg(distinct g.code, chr(31)), '') from goal_contributor gc join goal g on g.id = gc.goal_id where gc.committee_id = @Id) as ContributedGoals,
                   (select coalesce(string_agg(i.code, chr(31) order by i.code), '') from indicator i where i.owner_committee_id = @Id) as OwnedIndicators,
                   (select count(*)::int from committee_report where committee_id = @Id) as Assessments,
                   (select coalesce(string_agg(distinct u.user_name, chr(31)), '') from user_role r join app_user u on u.id = r.user_id where r.committee_id = @Id) as Users
            """;
        var use = (await edit.SingleOrDefaultAsync<UseRow>(uses, new { Id = committeeId }))!.ToUses();
        var reasons = new List<string>();
        if (use.OwnedGoals.Length > 0)
        {
            reasons.Add($"den är ansvarig för mål {SwedishFormat.List(Sorted(use.OwnedGoals))}");
        }

        if (use.ContributedGoals.Length > 0)
        {
            reasons.Add($"den bidrar till mål {SwedishFormat.List(Sorted(use.ContributedGoals))}");
        }

        if (use.OwnedIndicators.Length > 0)
        {
            reasons.Add($"den är ansvarig för indikator{(use.OwnedIndicators.Length == 1 ? "n" : "erna")} {SwedishFormat.List(use.OwnedIndicators)}");
        }

        if (use.Assessments > 0)
        {
            reasons.Add($"den har {SwedishFormat.Count(use.Assessments, "rapport", "rapporter")} (delårsrapporter och årsrapporter)");
        }

        if (use.Users.Length > 0)
        {
            reasons.Add($"användare{(use.Users.Length == 1 ? "n" : "rna")} {SwedishFormat.List(Sorted(use.Users))} har rollen Nämnd för den");
        }

        if (reasons.Count > 0)
        {
            throw new InvalidEditException("", $"Nämnden {before.Code} kan inte tas bort: {SwedishFormat.List(reasons)}. Byt nämnd där först.");
        }

        await CommitteeWriter.DeleteAsync(edit, committeeId);
    }

    static string[] Sorted(string[] items) => [.. items.Order(StringComparer.Ordinal)];

    sealed record UseRow(string OwnedGoals, string ContributedGoals, string OwnedIndicators, int Assessments, string Users)
    {
        public Uses ToUses() => new(JoinedText.Split(OwnedGoals), JoinedText.Split(ContributedGoals), JoinedText.Split(OwnedIndicators), Assessments, JoinedText.Split(Users));
    }

    sealed record Uses(string[] OwnedGoals, string[] ContributedGoals, string[] OwnedIndicators, int Assessments, string[] Users);
}
