using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Indicators.Data.PlanCode;

// A version's åtgärdsplaner (action_plans); absent means the import leaves the version's åtgärdsplaner as they are.
public static partial class PlanYamlReader
{
    static IReadOnlyList<ActionPlanPart>? ReadActionPlans(MapReader version, ReadContext context)
    {
        if (version.Node("action_plans") is null)
        {
            return null;
        }

        return version.Items("action_plans", "åtgärdsplanen", (a, _) =>
        {
            var committee = a.Text("committee", true) ?? "";
            var name = a.Text("name", true) ?? "";
            var description = a.Text("description");
            var unit = a.Text("unit") ?? "mnkr";
            var example = a.Bool("example") ?? false;
            var years = a.Items("years", "året i åtgärdsplanen", (y, _) => y.Finish(new ActionPlanYearPart(
                y.Int("year", true) ?? 0, y.Decimal("frame"), y.Decimal("starting_result"), y.Decimal("required_effect"))));
            var measures = a.Items("measures", "åtgärden", (m, _) =>
            {
                var measureName = m.Text("name", true) ?? "";
                var measureDescription = m.Text("description");
                var planned = ReadPlanned(m, context);
                return m.Finish(new ActionMeasurePart(measureName, measureDescription, planned));
            });
            return a.Finish(new ActionPlanPart(committee, name, description, unit, example, years, measures));
        });
    }

    /// <summary>An åtgärd's planned effect as a mapping from year to amount ("2025: 70"); an empty amount plans nothing that year.</summary>
    static List<ActionMeasureEffectPart> ReadPlanned(MapReader measure, ReadContext context)
    {
        var effects = new List<ActionMeasureEffectPart>();
        if (measure.Map("planned", false) is not { } node)
        {
            return effects;
        }

        var reader = new MapReader(node, "den planerade effekten", context);
        foreach (var (key, _) in node.Children)
        {
            var text = (key as YamlScalarNode)?.Value ?? "";
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                reader.Node(text);
                context.Error(key.Start, $"'{text}' är inget år. Skriv den planerade effekten per år, t.ex. 2025: 70.");
                continue;
            }

            if (reader.Decimal(text) is { } amount)
            {
                // Each year's amount has its own place, so a rule broken by one year names that line.
                var effect = new ActionMeasureEffectPart(year, amount);
                context.Marks[effect] = new Marks(reader.Marks.Of(text));
                effects.Add(effect);
            }
        }

        reader.Finish(effects);
        return effects;
    }
}
