using System.Globalization;
using System.Text.RegularExpressions;
using Indicators.Core.ActionPlans;
using Indicators.Core.Formatting;

namespace Indicators.Data.PlanCode;

// A version's åtgärdsplaner: the editor's rules (the Core drafts), a known nämnd, and no plan, year or åtgärd twice.
sealed partial class PlanDocumentRules
{
    void CheckActionPlans(VersionPart version, PlanPart plan, HashSet<string> committees)
    {
        if (version.ActionPlans is not { } actionPlans)
        {
            return;
        }

        var years = new ActionPlanYears(plan.StartYear, plan.EndYear);
        var names = StringComparer.Create(SwedishFormat.Culture, ignoreCase: true);
        var seen = new HashSet<(string, string)>();
        foreach (var actionPlan in actionPlans)
        {
            Draft(actionPlan, new ActionPlanDraft(actionPlan.Name, actionPlan.Description, actionPlan.Unit, actionPlan.Example).Validate());
            CheckCommittee(actionPlan, "committee", actionPlan.Committee, committees);
            if (!seen.Add((actionPlan.Committee, actionPlan.Name.Trim())))
            {
                Error(actionPlan, "name", $"Nämnden {actionPlan.Committee} har redan en åtgärdsplan som heter '{actionPlan.Name}' i versionen '{version.Name}'.");
            }

            Unique(actionPlan.Years, y => y.Year.ToString(CultureInfo.InvariantCulture), "year",
                year => $"År {year} står två gånger i åtgärdsplanen '{actionPlan.Name}'.");
            foreach (var year in actionPlan.Years)
            {
                Draft(year, new ActionPlanYearDraft(year.Year, year.Frame, year.StartingResult, year.RequiredEffect).Validate(years));
            }

            var measureNames = new HashSet<string>(names);
            foreach (var measure in actionPlan.Measures)
            {
                if (!measureNames.Add(measure.Name.Trim()))
                {
                    Error(measure, "name", $"Åtgärdsplanen '{actionPlan.Name}' har redan en åtgärd som heter '{measure.Name.Trim()}'.");
                }

                var draft = new ActionMeasureDraft(measure.Name, measure.Description, [.. measure.Planned.Select(e => new ActionMeasureEffectDraft(e.Year, e.Planned))]);

                foreach (var error in draft.Validate(years))
                {
                    // A year's error is at that year's line of the planned mapping ("Effects[2].Year" is its third year).
                    if (EffectIndex().Match(error.Field) is { Success: true } match
                        && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < measure.Planned.Count)
                    {
                        Error(measure.Planned[index], "year", error.Message);
                    }
                    else
                    {
                        Draft(measure, [error]);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^Effects\[(\d+)\]\.")]
    private static partial Regex EffectIndex();
}
