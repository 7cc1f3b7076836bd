using Indicators.Core.Editing;
using Indicators.Core.Formatting;

namespace Indicators.Core.Plans;

/// <summary>
/// A målvärde for one year of the plan, for everyone (<see cref="Gender"/> null) or for kvinnor or män. A band indicator
/// has <see cref="BandMin"/> and <see cref="BandMax"/>; the others have <see cref="Value"/>. Its own tolerance, if any,
/// overrides the indicator's.
/// </summary>
public sealed record TargetDraft(
    int Year, string? Gender, decimal? Value, decimal? BandMin, decimal? BandMax, decimal? Tolerance, string? ToleranceKind, string? Provenance, bool IsExample)
{
    /// <summary>One target against the plan's years and the indicator's direction and gender split.</summary>
    public IReadOnlyList<FieldError> Validate(int planStartYear, int planEndYear, Direction? direction, bool genderSplit)
    {
        var v = new Validation().LimitText(nameof(Provenance), Provenance, "ursprunget", 1000);
        if (Year < planStartYear || Year > planEndYear)
        {
            v.Add(nameof(Year), $"Målvärdet för {Year} ligger utanför planens år {planStartYear}–{planEndYear}.");
        }

        if (Gender is not null and not "T" and not "K" and not "M")
        {
            v.Add(nameof(Gender), $"Kön måste vara T (totalt), K (kvinnor) eller M (män), inte '{Gender}'.");
        }
        else if (Gender is "K" or "M" && !genderSplit)
        {
            v.Add(nameof(Gender), "Indikatorn redovisas inte per kön, så ett målvärde kan inte gälla bara kvinnor eller män.");
        }

        if (direction == Direction.WithinBand)
        {
            if (BandMin is null || BandMax is null)
            {
                v.Add(BandMin is null ? nameof(BandMin) : nameof(BandMax), $"Ett intervallmål för {Year} behöver både lägsta och högsta värde.");
            }
            else if (BandMin > BandMax)
            {
                v.Add(nameof(BandMin), $"Intervallets lägsta värde ({Number(BandMin.Value)}) är större än dess högsta ({Number(BandMax.Value)}) för {Year}.");
            }
        }
        else if (direction is not null && Value is null)
        {
            v.Add(nameof(Value), $"Ange målvärdet för {Year}.");
        }

        if (Tolerance is < 0)
        {
            v.Add(nameof(Tolerance), "Toleransen kan inte vara negativ.");
        }
        else if ((Tolerance is null) != (ToleranceKind is null))
        {
            v.Add(Tolerance is null ? nameof(Tolerance) : nameof(ToleranceKind), "Ange både toleransens storlek och om den är absolut eller relativ, eller ingetdera.");
        }
        else if (ToleranceKind is not null && !IndicatorDraft.ToleranceKinds.Contains(ToleranceKind))
        {
            v.Add(nameof(ToleranceKind), "Toleransen är absolut eller relativ.");
        }

        return v.Errors;
    }

    /// <summary>All of an indicator's targets in one plan version: each valid, and at most one per year and gender.</summary>
    public static IReadOnlyList<FieldError> ValidateAll(
        IReadOnlyList<TargetDraft> targets, int planStartYear, int planEndYear, Direction? direction, bool genderSplit, string prefix = "Targets")
    {
        ArgumentNullException.ThrowIfNull(targets);
        var v = new Validation();
        var seen = new HashSet<(int, string)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            v.AddAll($"{prefix}[{i}]", target.Validate(planStartYear, planEndYear, direction, genderSplit));
            if (!seen.Add((target.Year, target.Gender ?? "T")))
            {
                var who = target.Gender is "K" ? " för kvinnor" : target.Gender is "M" ? " för män" : "";
                v.Add($"{prefix}[{i}].{nameof(Year)}", $"Det finns redan ett målvärde{who} för {target.Year}.");
            }
        }

        return v.Errors;
    }

    static string Number(decimal value) => value.ToString("#,##0.######", SwedishFormat.Culture);
}
