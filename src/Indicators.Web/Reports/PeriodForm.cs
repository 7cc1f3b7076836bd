using Indicators.Core.Editing;
using Indicators.Core.Reports;

namespace Indicators.Web.Reports;

/// <summary>The form that creates a report period: a plan version, a year and a kind.</summary>
public sealed class PeriodForm
{
    public int? PlanVersionId { get; set; }

    public int? Year { get; set; }

    public ReportKind? Kind { get; set; }

    /// <summary>What the form itself can tell before asking the store: every field chosen.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (PlanVersionId is null)
        {
            errors.Add(new(nameof(PlanVersionId), "Välj plan och version."));
        }

        if (Year is null)
        {
            errors.Add(new(nameof(Year), "Ange året, t.ex. 2026."));
        }

        if (Kind is null)
        {
            errors.Add(new(nameof(Kind), "Välj delårsrapport eller årsrapport."));
        }

        return errors;
    }

    /// <summary>The store's field name ("year", "planVersionId", "kind") as this form's property; "" for the form.</summary>
    public static FieldError ToForm(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var last = error.Field.Split('.', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        string[] fields = [nameof(PlanVersionId), nameof(Year), nameof(Kind)];
        var field = fields.FirstOrDefault(f => string.Equals(f, last, StringComparison.OrdinalIgnoreCase))
            ?? (last.Contains("version", StringComparison.OrdinalIgnoreCase) ? nameof(PlanVersionId) : "");
        return error with { Field = field };
    }
}
