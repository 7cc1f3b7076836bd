using Dapper;
using Indicators.Data.ActionPlans;
using Npgsql;

namespace Indicators.Data.PlanCode;

// Each version's åtgärdsplaner, written under the version only when it has any, so a plan without them exports as before.
public sealed partial class PlanExporter
{
    static async Task<List<VersionPart>> WithActionPlansAsync(
        NpgsqlConnection connection, int planId, List<VersionPart> versions, CancellationToken cancellationToken)
    {
        var versionIds = (await connection.QueryAsync<(int Id, string Name)>(new CommandDefinition(
            "select id, name from plan_version where plan_id = @PlanId", new { PlanId = planId }, cancellationToken: cancellationToken)))
            .ToDictionary(v => v.Name, v => v.Id, StringComparer.Ordinal);
        var result = new List<VersionPart>(versions.Count);
        foreach (var version in versions)
        {
            var plans = await ActionPlanQueries.ForVersionAsync(connection, null, versionIds[version.Name], cancellationToken);
            result.Add(plans.Count == 0 ? version : version with
            {
                ActionPlans = [.. plans
                    .OrderBy(p => p.CommitteeCode, StringComparer.Ordinal).ThenBy(p => p.SortOrder).ThenBy(p => p.Plan.Name, StringComparer.Ordinal)
                    .Select(Part)],
            });
        }

        return result;
    }

    static ActionPlanPart Part(ActionPlanDetail detail) => new(
        detail.CommitteeCode, detail.Plan.Name, detail.Description, detail.Plan.Unit, detail.IsExample,
        [.. detail.Plan.Years.Select(y => new ActionPlanYearPart(y.Year, y.Frame, y.StartingResult, y.RequiredEffect))],
        [.. detail.Measures.Select(m => new ActionMeasurePart(
            m.Measure.Name, m.Description, [.. m.Measure.Planned.OrderBy(e => e.Key).Select(e => new ActionMeasureEffectPart(e.Key, e.Value))]))]);

    static void WriteActionPlans(YamlWriter w, IReadOnlyList<ActionPlanPart>? plans)
    {
        if (plans is not { Count: > 0 })
        {
            return;
        }

        w.Items("action_plans", plans, plan =>
        {
            w.Scalar("committee", plan.Committee);
            w.Scalar("name", plan.Name);
            w.Scalar("description", plan.Description);
            w.Scalar("unit", plan.Unit);
            if (plan.Example)
            {
                w.Bool("example", true);
            }

            w.Items("years", plan.Years, year =>
            {
                w.Number("year", year.Year);
                w.Number("frame", year.Frame);
                w.Number("starting_result", year.StartingResult);
                w.Number("required_effect", year.RequiredEffect);
            });
            w.Items("measures", plan.Measures, measure =>
            {
                w.Scalar("name", measure.Name);
                w.Scalar("description", measure.Description);
                if (measure.Planned.Count > 0)
                {
                    w.Mapping("planned", () =>
                    {
                        foreach (var effect in measure.Planned)
                        {
                            w.Number(effect.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), effect.Planned);
                        }
                    });
                }
            });
        });
    }
}
