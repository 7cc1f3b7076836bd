using System.Text.RegularExpressions;
using Indicators.Core.Editing;
using Indicators.Core.Plans;

namespace Indicators.Core.CommitteePlans;

/// <summary>
/// A nämndplan as an analyst writes it: its name ("Verksamhetsplan 2025 (2026–2027)"), its years inside the regionplan's
/// period, and the optional adoption record (who decided, when, under which §).
/// </summary>
public sealed record CommitteePlanDraft(
    string Name, int StartYear, int EndYear, string? DecidedBy = null, DateOnly? DecidedOn = null, string? DecisionSection = null)
{
    public IReadOnlyList<FieldError> Validate(int planStartYear, int planEndYear)
    {
        var v = new Validation().RequireText(nameof(Name), Name, "nämndplanens namn")
            .LimitText(nameof(DecidedBy), DecidedBy, "beslutande organ", 200)
            .LimitText(nameof(DecisionSection), DecisionSection, "paragrafen", 100);
        if (StartYear < planStartYear || StartYear > planEndYear)
        {
            v.Add(nameof(StartYear), $"Nämndplanens första år ({StartYear}) ligger utanför regionplanens år {planStartYear}–{planEndYear}.");
        }

        if (EndYear < StartYear || EndYear > planEndYear)
        {
            v.Add(nameof(EndYear), $"Nämndplanens sista år ({EndYear}) måste ligga mellan första året och regionplanens sista år {planEndYear}.");
        }

        if (DecidedOn is not null && string.IsNullOrWhiteSpace(DecidedBy))
        {
            v.Add(nameof(DecidedBy), "Ange vem som beslutade nämndplanen när ett beslutsdatum finns.");
        }

        return v.Errors;
    }
}

/// <summary>
/// A delmål as an analyst writes it: the regionplan mål it breaks down (<see cref="GoalId"/>), its code, name, description
/// and place, and its indicators with the nämndplan's målvärden for each (none: judged against the regionplan's).
/// </summary>
public sealed record SubGoalDraft(
    int GoalId, string Code, string Name, string? Description, int SortOrder, IReadOnlyList<SubGoalIndicatorDraft> Indicators)
{
    static readonly Regex CodePattern = new("^[0-9A-Za-zÅÄÖåäö._-]{1,20}$", RegexOptions.CultureInvariant);

    /// <summary>The draft against the nämndplan's years; an indicator's målvärden also against its direction and gender split.</summary>
    public IReadOnlyList<FieldError> Validate(int planStartYear, int planEndYear, Func<string, (Direction Direction, bool GenderSplit)?> indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var v = new Validation().RequireText(nameof(Code), Code, "delmålets kod", 20).RequireText(nameof(Name), Name, "delmålets namn", 300)
            .LimitText(nameof(Description), Description, "beskrivningen", 4000);
        if (!string.IsNullOrWhiteSpace(Code) && Code.Trim().Length <= 20 && !CodePattern.IsMatch(Code.Trim()))
        {
            v.Add(nameof(Code), $"Delmålets kod ”{Code.Trim()}” får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Indicators.Count; i++)
        {
            var code = Indicators[i].IndicatorCode.Trim();
            if (!seen.Add(code))
            {
                v.Add($"Indicators[{i}].IndicatorCode", $"Indikatorn {code} finns redan i delmålet.");
            }
            else if (indicator(code) is not { } known)
            {
                v.Add($"Indicators[{i}].IndicatorCode", $"Okänd indikator ”{code}”. Välj en indikator ur listan.");
            }
            else
            {
                v.AddAll($"Indicators[{i}]", TargetDraft.ValidateAll(Indicators[i].Targets, planStartYear, planEndYear, known.Direction, known.GenderSplit));
            }
        }

        return v.Errors;
    }
}

/// <summary>An indicator of a delmål and the nämndplan's målvärden for it.</summary>
public sealed record SubGoalIndicatorDraft(string IndicatorCode, IReadOnlyList<TargetDraft> Targets);
