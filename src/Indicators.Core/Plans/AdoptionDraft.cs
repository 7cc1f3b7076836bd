using Indicators.Core.Editing;

namespace Indicators.Core.Plans;

/// <summary>
/// The decision that adopts a plan version (its adoption record): the deciding body ("Regionfullmäktige"), the meeting
/// date, the § ("§ 87") and the date from which the version is the plan's current one.
/// </summary>
public sealed record AdoptionDraft(string? DecidedBy, DateOnly? DecidedOn, string? Section, DateOnly? CurrentFrom)
{
    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation()
            .RequireText(nameof(DecidedBy), DecidedBy, "vem som beslutade (till exempel Regionfullmäktige)")
            .RequireText(nameof(Section), Section, "beslutets paragraf (till exempel § 87)", 100);
        if (DecidedOn is null)
        {
            v.Add(nameof(DecidedOn), "Ange beslutsdatum (sammanträdets datum).");
        }

        if (CurrentFrom is null)
        {
            v.Add(nameof(CurrentFrom), "Ange från vilket datum versionen gäller.");
        }
        else if (DecidedOn is { } decided && CurrentFrom < decided)
        {
            v.Add(nameof(CurrentFrom), "Versionen kan inte gälla från ett datum före beslutet.");
        }

        return v.Errors;
    }

    /// <summary>
    /// The record as people cite it: "Regionfullmäktige 2025-06-17 § 87" (the body's usual abbreviation when it has one:
    /// "RF 2025-06-17 § 87").
    /// </summary>
    public static string Citation(string? decidedBy, DateOnly? decidedOn, string? section)
    {
        var body = decidedBy?.Trim() switch
        {
            "Regionfullmäktige" => "RF",
            "Regionstyrelsen" => "RS",
            var other => other,
        };
        return string.Join(" ", new[] { body, decidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), section?.Trim() }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
