using Indicators.Core.Editing;

namespace Indicators.Core.Areas;

/// <summary>
/// A comparison group as a form or a test gives it: a name, an optional description and the ids of its member areas
/// (regions, kommuner or riket from the area catalogue).
/// </summary>
public sealed record AreaGroupDraft(string Name, string? Description, IReadOnlyCollection<string> Members)
{
    /// <summary>Most areas a group may hold: every area of the catalogue fits.</summary>
    public const int MaxMembers = 400;

    public IReadOnlyList<FieldError> Validate()
    {
        var validation = new Validation()
            .RequireText(nameof(Name), Name, "gruppens namn")
            .LimitText(nameof(Description), Description, "beskrivningen", 2000);
        if (Members is null || Members.Count == 0)
        {
            validation.Add(nameof(Members), "Välj minst ett område som ingår i gruppen.");
        }
        else if (Members.Count > MaxMembers)
        {
            validation.Add(nameof(Members), $"En grupp kan ha högst {MaxMembers} områden (nu {Members.Count}).");
        }

        return validation.Errors;
    }
}
