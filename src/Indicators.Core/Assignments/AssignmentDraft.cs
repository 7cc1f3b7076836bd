using System.Text.RegularExpressions;
using Indicators.Core.Editing;

namespace Indicators.Core.Assignments;

/// <summary>Who carries out an uppdrag: the nämnd itself or its förvaltning (database codes and Swedish names).</summary>
public static class ReceiverLevels
{
    public const string Committee = "committee";
    public const string Administration = "administration";

    public static readonly IReadOnlyList<string> All = [Committee, Administration];

    public static string SwedishName(string level) => level switch
    {
        Committee => "Nämnden",
        Administration => "Förvaltningen",
        _ => level,
    };

    /// <summary>A level read from a form or plan document: the code or the Swedish word (nämnd, förvaltning), any case.</summary>
    public static string? TryParse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Committee or "nämnd" or "nämnden" => Committee,
        Administration or "förvaltning" or "förvaltningen" => Administration,
        _ => null,
    };
}

/// <summary>One receiver of an uppdrag: a nämnd (by id) and whether the nämnd or its förvaltning carries it out.</summary>
public sealed record AssignmentReceiverDraft(int CommitteeId, string Level);

/// <summary>
/// An uppdrag as an analyst enters it: a code unique in its plan version, the text (as decided, up to 4 000 characters),
/// the giving body (null = Regionfullmäktige, else a nämnd or styrelse by id), the mål it serves, its start and end
/// (deadline), at least one receiver and any indicators that show how it goes. The rules here need no database; the
/// editor checks the ids against the plan (nämnder and indicators of its organisation, a mål of the same version).
/// </summary>
public sealed partial record AssignmentDraft(
    string Code, string Text, int? GivenByCommitteeId, int? GoalId, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<AssignmentReceiverDraft> Receivers, IReadOnlyList<int> IndicatorIds, bool IsExample = false, int SortOrder = 0)
{
    public const int MaxTextLength = 4000;

    /// <summary>The name Regionfullmäktige has as the giving body (a null committee).</summary>
    public const string CouncilName = "Regionfullmäktige";

    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation().RequireText(nameof(Text), Text, "uppdragets text", MaxTextLength);
        if (string.IsNullOrWhiteSpace(Code))
        {
            v.Add(nameof(Code), "Ange uppdragets kod, t.ex. HSN-2.1-1.");
        }
        else if (!CodePattern().IsMatch(Code.Trim()))
        {
            v.Add(nameof(Code), $"Uppdragets kod ”{Code.Trim()}” får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck, högst 20 tecken.");
        }

        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            v.Add(nameof(EndDate), $"Slutdatum ({end:yyyy-MM-dd}) kan inte ligga före startdatum ({start:yyyy-MM-dd}).");
        }

        var receivers = Receivers ?? [];
        if (receivers.Count == 0)
        {
            v.Add(nameof(Receivers), "Välj minst en mottagare (nämnd eller förvaltning).");
        }

        for (var i = 0; i < receivers.Count; i++)
        {
            if (!ReceiverLevels.All.Contains(receivers[i].Level))
            {
                v.Add($"{nameof(Receivers)}[{i}].Level", "Välj om nämnden eller förvaltningen tar emot uppdraget.");
            }
        }

        if (receivers.GroupBy(r => r.CommitteeId).Any(g => g.Count() > 1))
        {
            v.Add(nameof(Receivers), "En nämnd kan bara vara mottagare en gång per uppdrag.");
        }

        return v.Errors;
    }

    [GeneratedRegex("^[0-9A-Za-zÅÄÖåäö._-]{1,20}$")]
    private static partial Regex CodePattern();
}
