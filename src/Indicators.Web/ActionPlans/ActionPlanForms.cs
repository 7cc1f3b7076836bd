using Indicators.Core.ActionPlans;
using Indicators.Data.ActionPlans;

namespace Indicators.Web.ActionPlans;

/// <summary>The action plan's own fields as its form holds them; <see cref="Place"/> is "versionId:committeeId" for a new plan.</summary>
public sealed class ActionPlanForm
{
    public string Place { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string Unit { get; set; } = "mnkr";

    public ActionPlanDraft ToDraft() => new(Name, Description, Unit);

    public static ActionPlanForm From(ActionPlanDetail plan) => new() { Name = plan.Plan.Name, Description = plan.Description, Unit = plan.Plan.Unit };
}

/// <summary>One year's amounts as its form holds them (Swedish numbers through InputDecimal).</summary>
public sealed class ActionPlanYearForm
{
    public int Year { get; set; }

    public decimal? Frame { get; set; }

    public decimal? StartingResult { get; set; }

    public decimal? RequiredEffect { get; set; }

    public ActionPlanYearDraft ToDraft() => new(Year, Frame, StartingResult, RequiredEffect);

    public static ActionPlanYearForm From(ActionPlanYear year) => new()
    {
        Year = year.Year, Frame = year.Frame, StartingResult = year.StartingResult, RequiredEffect = year.RequiredEffect,
    };
}

/// <summary>An åtgärd as its form holds it: name, description and one amount per year the plan may name.</summary>
public sealed class ActionMeasureForm
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public List<ActionMeasureEffectForm> Effects { get; set; } = [];

    public ActionMeasureDraft ToDraft(int sortOrder) => new(Name, Description, [.. Effects.Select(e => new ActionMeasureEffectDraft(e.Year, e.Planned))], sortOrder);

    /// <summary>A form for the years of <paramref name="years"/> (the plan's years with effects), filled from <paramref name="measure"/>.</summary>
    public static ActionMeasureForm For(IEnumerable<int> years, ActionMeasureDetail? measure) => new()
    {
        Name = measure?.Measure.Name ?? "",
        Description = measure?.Description,
        Effects = [.. years.Select(y => new ActionMeasureEffectForm
        {
            Year = y, Planned = measure is not null && measure.Measure.Planned.TryGetValue(y, out var v) ? v : null,
        })],
    };
}

public sealed class ActionMeasureEffectForm
{
    public int Year { get; set; }

    public decimal? Planned { get; set; }
}
