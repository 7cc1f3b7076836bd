using System.Globalization;
using System.Text.RegularExpressions;
using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Data.Plans;

namespace Indicators.Web.PlanEditing;

/// <summary>
/// The goal rule form of a plan version: the shares in per cent and one weight per indicator of its goals. Property
/// names follow <see cref="GoalRule"/>; the store's "Weights[indicator id]" errors are put on their rows.
/// </summary>
public sealed partial class GoalRuleForm
{
    public decimal? MetShare { get; set; }
    public decimal? NotMetShare { get; set; }
    public List<WeightRow> Weights { get; set; } = [];

    public static GoalRuleForm From(GoalRuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            MetShare = settings.Rule.MetShare,
            NotMetShare = settings.Rule.NotMetShare,
            Weights = [.. settings.Indicators.Select(i => new WeightRow { IndicatorId = i.IndicatorId, Code = i.Code, Name = i.Name, Weight = i.Weight })],
        };
    }

    /// <summary>The edit to save, or the Swedish errors of fields left empty (the rule itself is checked by the store).</summary>
    public GoalRuleEdit ToEdit()
    {
        var v = new Validation();
        if (MetShare is null)
        {
            v.Add(nameof(MetShare), "Ange andelen för uppfyllt i procent, till exempel 100.");
        }

        if (NotMetShare is null)
        {
            v.Add(nameof(NotMetShare), "Ange andelen för ej uppfyllt i procent, till exempel 50.");
        }

        for (var i = 0; i < Weights.Count; i++)
        {
            if (Weights[i].Weight is null)
            {
                v.Add($"Weights[{i}].Weight", $"Ange vikten för {Weights[i].Name} (1 om den ska väga som de andra).");
            }
        }

        v.ThrowIfAny();
        return new GoalRuleEdit(new GoalRule(MetShare!.Value, NotMetShare!.Value), Weights.ToDictionary(w => w.IndicatorId, w => w.Weight!.Value));
    }

    /// <summary>The store names a weight by indicator id; the form by row.</summary>
    public FieldError ToForm(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var match = StoreWeight().Match(error.Field);
        if (!match.Success)
        {
            return error;
        }

        var id = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var row = Weights.FindIndex(w => w.IndicatorId == id);
        return row < 0 ? error with { Field = "" } : error with { Field = $"Weights[{row}].Weight" };
    }

    [GeneratedRegex(@"^Weights\[(\d+)\]$")]
    private static partial Regex StoreWeight();
}

/// <summary>One indicator of the version with its weight.</summary>
public sealed class WeightRow
{
    public int IndicatorId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal? Weight { get; set; }
}
