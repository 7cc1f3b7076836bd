using System.Globalization;
using Indicators.Data.Editing;

namespace Indicators.Data.ActionPlans;

/// <summary>
/// The action_plan_year table's writes (one year's Ram, Utgångspunkt/resultat and required effect), each with its audit
/// entry. The row's key is the plan and the year, recorded as "plan id/year".
/// </summary>
static class ActionPlanYearWriter
{
    static readonly AuditedTable<ActionPlanYearState> Table = new("action_plan_year", (edit, key) =>
        edit.SingleOrDefaultAsync<ActionPlanYearState>("""
            select y.action_plan_id, a.name as action_plan, y.year::int as year, y.frame, y.starting_result, y.required_effect
            from action_plan_year y join action_plan a on a.id = y.action_plan_id
            where y.action_plan_id = @PlanId and y.year = @Year
            """, Parse((string)key)), "Året i åtgärdsplanen");

    public static Task<ActionPlanYearState?> StateAsync(AuditedEdit edit, int planId, int year) => Table.StateAsync(edit, Key(planId, year));

    public static Task<string> InsertAsync(AuditedEdit edit, int planId, ActionPlanYearValues year) =>
        Table.InsertAsync<string>(edit, """
            insert into action_plan_year (action_plan_id, year, frame, starting_result, required_effect)
            values (@PlanId, @Year, @Frame, @StartingResult, @RequiredEffect)
            returning action_plan_id::text || '/' || year::text
            """, AuditedEdit.Parameters(year, new { PlanId = planId }));

    public static Task<ActionPlanYearState> UpdateAsync(AuditedEdit edit, int planId, ActionPlanYearValues year) =>
        Table.UpdateAsync(edit, Key(planId, year.Year), """
            update action_plan_year set frame = @Frame, starting_result = @StartingResult, required_effect = @RequiredEffect
            where action_plan_id = @PlanId and year = @Year
            """, AuditedEdit.Parameters(year, new { PlanId = planId }));

    public static Task DeleteAsync(AuditedEdit edit, int planId, int year) =>
        Table.DeleteAsync(edit, Key(planId, year), "delete from action_plan_year where action_plan_id = @PlanId and year = @Year",
            new { PlanId = planId, Year = year });

    static string Key(int planId, int year) => string.Create(CultureInfo.InvariantCulture, $"{planId}/{year}");

    static object Parse(string key)
    {
        var parts = key.Split('/');
        return new { PlanId = int.Parse(parts[0], CultureInfo.InvariantCulture), Year = int.Parse(parts[1], CultureInfo.InvariantCulture) };
    }
}

/// <summary>One year's stored amounts.</summary>
sealed record ActionPlanYearValues(int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect);

/// <summary>One year as the audit log records it, named by its plan.</summary>
sealed record ActionPlanYearState(int ActionPlanId, string ActionPlan, int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect);
