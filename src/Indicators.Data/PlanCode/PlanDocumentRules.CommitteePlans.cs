using Indicators.Core.CommitteePlans;

namespace Indicators.Data.PlanCode;

sealed partial class PlanDocumentRules
{
    /// <summary>
    /// A version's nämndplaner by the editor's rules (<see cref="CommitteePlanDraft"/>, <see cref="SubGoalDraft"/>): a known
    /// nämnd, one plan per nämnd and name, delmål codes unique in their plan and under a mål of the version, an indicator in
    /// at most one delmål of a plan, and målvärden only for the plan's delmål indicators, inside the plan's years.
    /// </summary>
    void CheckCommitteePlans(VersionPart version, PlanPart plan, HashSet<string> committees, Dictionary<string, IndicatorPart> indicators)
    {
        if (version.CommitteePlans is not { } plans)
        {
            return;
        }

        Unique(plans, p => $"{p.Committee}\u001f{p.Name}", "name", key => $"Nämndplanen '{key.Split('\u001f')[1]}' finns redan för nämnden {key.Split('\u001f')[0]} i versionen '{version.Name}'.");
        var goals = version.GoalAreas.SelectMany(a => a.Goals.Select(g => (Area: a.Code, Goal: g.Code))).ToHashSet();
        foreach (var committeePlan in plans)
        {
            CheckCommittee(committeePlan, "committee", committeePlan.Committee, committees);
            Draft(committeePlan, new CommitteePlanDraft(committeePlan.Name, committeePlan.StartYear, committeePlan.EndYear, committeePlan.DecidedBy,
                committeePlan.DecidedOn, committeePlan.DecisionSection).Validate(plan.StartYear, plan.EndYear));
            Unique(committeePlan.SubGoals, s => s.Code, "code", code => $"Delmålet {code} finns redan i nämndplanen '{committeePlan.Name}'.");
            var placed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var subGoal in committeePlan.SubGoals)
            {
                // The indicators' own checks (known codes, målvärden) are made once below, for the whole plan.
                Draft(subGoal, new SubGoalDraft(0, subGoal.Code, subGoal.Name, subGoal.Description, 0, [])
                    .Validate(committeePlan.StartYear, committeePlan.EndYear, _ => null));
                if (!goals.Contains((subGoal.GoalArea, subGoal.Goal)))
                {
                    Error(subGoal, "goal", $"Okänt mål '{subGoal.Goal}' i målområdet '{subGoal.GoalArea}': delmålet {subGoal.Code} ska bryta ned ett av versionens mål.");
                }

                foreach (var code in subGoal.Indicators)
                {
                    CheckIndicatorCode(subGoal, "indicators", code, indicators);
                    if (!placed.TryAdd(code, subGoal.Code))
                    {
                        Error(subGoal, "indicators",
                            $"Indikatorn {code} följer redan upp delmål {placed[code]} i nämndplanen '{committeePlan.Name}'. En indikator kan höra till ett delmål per nämndplan.");
                    }
                }
            }

            foreach (var target in committeePlan.Targets)
            {
                if (indicators.ContainsKey(target.Indicator) && !placed.ContainsKey(target.Indicator))
                {
                    Error(target, "indicator", $"Indikatorn {target.Indicator} har ett målvärde i nämndplanen '{committeePlan.Name}' men hör inte till något av dess delmål.");
                }
                else
                {
                    CheckIndicatorCode(target, "indicator", target.Indicator, indicators);
                }
            }

            CheckTargets(committeePlan.Targets, committeePlan.StartYear, committeePlan.EndYear, indicators);
        }
    }
}
