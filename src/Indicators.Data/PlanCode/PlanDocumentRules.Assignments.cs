using Indicators.Core.Assignments;

namespace Indicators.Data.PlanCode;

sealed partial class PlanDocumentRules
{
    /// <summary>
    /// A version's uppdrag: the draft's rules (<see cref="AssignmentDraft"/>) and their references — the giver and the
    /// receivers among the document's committees, the mål among the version's (one mål of that code), the indicators
    /// among the document's; codes unique in the version.
    /// </summary>
    void CheckAssignments(VersionPart version, HashSet<string> committees, Dictionary<string, IndicatorPart> indicators)
    {
        if (version.Assignments is not { } assignments)
        {
            return;
        }

        Unique(assignments, a => a.Code, "code", code => $"Uppdraget {code} finns redan i versionen '{version.Name}'.");
        var goals = version.GoalAreas.SelectMany(a => a.Goals).GroupBy(g => g.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            // Committees are named by code in a document; the draft's ids only need to tell its receivers apart.
            var codes = assignment.Receivers.Select(r => r.Committee).Distinct(StringComparer.Ordinal).ToList();
            var draft = new AssignmentDraft(
                assignment.Code, assignment.Text, null, null, assignment.Start, assignment.End,
                [.. assignment.Receivers.Select(r => new AssignmentReceiverDraft(codes.IndexOf(r.Committee), ReceiverLevels.TryParse(r.Level) ?? r.Level))], []);
            foreach (var error in draft.Validate())
            {
                var at = error.Field switch
                {
                    nameof(AssignmentDraft.StartDate) => "start",
                    nameof(AssignmentDraft.EndDate) => "end",
                    nameof(AssignmentDraft.Receivers) => "receivers",
                    _ when error.Field.StartsWith(nameof(AssignmentDraft.Receivers), StringComparison.Ordinal) => "receivers",
                    _ => error.Field.ToLowerInvariant(),
                };
                Error(assignment, at, $"Uppdraget {assignment.Code}: {error.Message}");
            }

            CheckCommittee(assignment, "given_by", assignment.GivenBy, committees);
            foreach (var receiver in assignment.Receivers)
            {
                CheckCommittee(receiver, "committee", receiver.Committee, committees);
            }

            if (assignment.Goal is { } goal && goals.GetValueOrDefault(goal) != 1)
            {
                Error(assignment, "goal", goals.ContainsKey(goal)
                    ? $"Uppdraget {assignment.Code}: målkoden {goal} finns i flera målområden i versionen '{version.Name}'; den kan inte avgöra vilket mål som avses."
                    : $"Uppdraget {assignment.Code}: versionen '{version.Name}' har inget mål med koden {goal}.");
            }

            foreach (var code in assignment.Indicators)
            {
                CheckIndicatorCode(assignment, "indicators", code, indicators);
            }
        }
    }
}
