using System.Collections.Frozen;
using Dapper;
using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Organisations;

/// <summary>
/// The store's check that an account limited to some organisations (issue 21) changes nothing of another's, whichever
/// editor or import it goes through: every audited write of a row that belongs to an organisation (<see cref="AuditedTable{TState}"/>)
/// asks <see cref="CheckAsync"/> with the row's id – before an update or delete, after an insert or update – inside the
/// write's transaction, so a refused change rolls back whole. The acting account's limits are read once per edit from
/// the database (not from the page); accounts without a limit pass after that one query.
/// </summary>
public static class OrganisationGuard
{

    /// <summary>The owning area of an audited entity's row <c>@Id</c>, per entity name as the audit log records it.</summary>
    static readonly FrozenDictionary<string, string> Owners = new Dictionary<string, string>
    {
        ["plan"] = OrganisationOwnership.Sql(OwnedKind.Plan),
        ["plan_version"] = OrganisationOwnership.Sql(OwnedKind.PlanVersion),
        ["goal_area"] = OrganisationOwnership.Sql(OwnedKind.GoalArea),
        ["goal"] = OrganisationOwnership.Sql(OwnedKind.Goal),
        ["committee"] = OrganisationOwnership.Sql(OwnedKind.Committee),
        ["indicator"] = OrganisationOwnership.Sql(OwnedKind.Indicator),
        ["report_period"] = OrganisationOwnership.Sql(OwnedKind.ReportPeriod),
        ["assignment"] = OrganisationOwnership.Sql(OwnedKind.Assignment),
        ["action_plan"] = OrganisationOwnership.Sql(OwnedKind.ActionPlan),
        ["committee_plan"] = OrganisationOwnership.Sql(OwnedKind.CommitteePlan),
        ["target"] = "select p.area_id from target t " + Through("t") + " where t.id = @Id",
        ["action_measure"] = "select p.area_id from action_measure m join action_plan a on a.id = m.action_plan_id "
            + Through("a") + " where m.id = @Id",
        ["sub_goal"] = "select p.area_id from sub_goal s join committee_plan c on c.id = s.committee_plan_id "
            + Through("c") + " where s.id = @Id",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Refuses (Swedish, nothing written) when the row of <paramref name="entity"/> belongs to an organisation the actor is not allowed.</summary>
    public static async Task CheckAsync(AuditedEdit edit, string entity, object id)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!Owners.TryGetValue(entity, out var sql) || id is not (int or long))
        {
            return;
        }

        var scope = await OrganisationOwnership.ScopeOfAsync(edit);
        if (!scope.IsLimited)
        {
            return;
        }

        var area = await edit.Connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql, new { Id = id }, edit.Transaction,
            cancellationToken: edit.CancellationToken));
        if (area is not null && !scope.Allows(area))
        {
            throw new InvalidEditException("", "Det du försöker ändra hör till en organisation som ditt konto inte har behörighet till. Inget sparades.");
        }
    }

    /// <summary>From a row with a plan_version_id (its alias) to its plan, <c>p</c>.</summary>
    static string Through(string alias) => $"join plan_version v on v.id = {alias}.plan_version_id join plan p on p.id = v.plan_id";
}
