using Indicators.Core.Editing;

namespace Indicators.Core.ActionPlans;

/// <summary>
/// Which years an action plan may name: from the year before its plan's first year (the seed's Ekonomisk ram table
/// starts from 2024's result for a plan 2025–2027) to the plan's last year, and always within 2000–2100.
/// </summary>
public sealed record ActionPlanYears(int PlanStartYear, int PlanEndYear)
{
    public int First => Math.Max(2000, PlanStartYear - 1);

    public int Last => Math.Min(2100, PlanEndYear);

    /// <summary>A Swedish message when <paramref name="year"/> is outside the allowed years, else null.</summary>
    public string? Problem(int year, string what) =>
        year < 2000 || year > 2100 ? $"{what}: året måste ligga mellan 2000 och 2100 (nu {year})."
        : year < First || year > Last ? $"{what}: {year} ligger utanför planens år {First}–{Last} (året före planen får vara med)."
        : null;
}

/// <summary>An action plan's own fields: its name, a description and the unit its amounts are in (mnkr).</summary>
public sealed record ActionPlanDraft(string Name, string? Description, string Unit, bool IsExample = false, int SortOrder = 0)
{
    public IReadOnlyList<FieldError> Validate() => new Validation()
        .RequireText(nameof(Name), Name, "åtgärdsplanens namn")
        .RequireText(nameof(Unit), Unit, "enheten för beloppen", 20)
        .LimitText(nameof(Description), Description, "beskrivningen", 4000)
        .Errors;
}

/// <summary>
/// One year of the plan (§4.2.2 Ekonomisk ram): Ram, Utgångspunkt/resultat and Åtgärder handlingsplan (the required
/// effect, the Uppdrag row); each may be left empty.
/// </summary>
public sealed record ActionPlanYearDraft(int Year, decimal? Frame, decimal? StartingResult, decimal? RequiredEffect)
{
    public IReadOnlyList<FieldError> Validate(ActionPlanYears years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var v = new Validation();
        if (years.Problem(Year, "År") is { } problem)
        {
            v.Add(nameof(Year), problem);
        }

        return v.Errors;
    }
}

/// <summary>An åtgärd's planned effect in a year (Budget 2025 …).</summary>
public sealed record ActionMeasureEffectDraft(int Year, decimal? Planned);

/// <summary>An åtgärd (åtgärdsområde): its name, a description and its planned effect per year; an empty amount plans nothing that year.</summary>
public sealed record ActionMeasureDraft(string Name, string? Description, IReadOnlyList<ActionMeasureEffectDraft> Effects, int SortOrder = 0)
{
    public IReadOnlyList<FieldError> Validate(ActionPlanYears years)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(Effects);
        var v = new Validation()
            .RequireText(nameof(Name), Name, "åtgärdens namn")
            .LimitText(nameof(Description), Description, "beskrivningen", 4000);
        var seen = new HashSet<int>();
        for (var i = 0; i < Effects.Count; i++)
        {
            var effect = Effects[i];
            var field = $"{nameof(Effects)}[{i}].{nameof(ActionMeasureEffectDraft.Year)}";
            if (years.Problem(effect.Year, $"Planerad effekt {effect.Year}") is { } problem)
            {
                v.Add(field, problem);
            }
            else if (!seen.Add(effect.Year))
            {
                v.Add(field, $"Planerad effekt {effect.Year} står två gånger. Ange ett belopp per år.");
            }
        }

        return v.Errors;
    }
}
