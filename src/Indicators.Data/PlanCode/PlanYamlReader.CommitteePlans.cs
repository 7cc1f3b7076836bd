namespace Indicators.Data.PlanCode;

public static partial class PlanYamlReader
{
    /// <summary>A version's committee_plans; null when the key is absent (the stored nämndplaner then stay as they are).</summary>
    static IReadOnlyList<CommitteePlanPart>? ReadCommitteePlans(MapReader v)
    {
        if (v.Node("committee_plans") is null)
        {
            return null;
        }

        return v.Items("committee_plans", "nämndplanen", (p, _) =>
        {
            var committee = p.Text("committee", true) ?? "";
            var name = p.Text("name", true) ?? "";
            var startYear = p.Int("start_year", true) ?? 0;
            var endYear = p.Int("end_year", true) ?? 0;
            var decidedBy = p.Text("decided_by");
            var decidedOn = p.Date("decided_on");
            var section = p.Text("decision_section");
            var subGoals = p.Items("sub_goals", "delmålet", (s, _) => s.Finish(new SubGoalPart(
                s.Text("code", true) ?? "", s.Text("goal_area", true) ?? "", s.Text("goal", true) ?? "", s.Text("name", true) ?? "", s.Text("description"),
                s.TextList("indicators"))));
            var targets = p.Items("targets", "målvärdet", (t, _) => t.Finish(new TargetPart(
                t.Text("indicator", true) ?? "", t.Int("year", true) ?? 0, t.Text("gender"), t.Decimal("value"), t.Decimal("band_min"), t.Decimal("band_max"),
                t.Decimal("tolerance"), t.Text("tolerance_kind"), t.Text("provenance"), t.Bool("example") ?? false)));
            return p.Finish(new CommitteePlanPart(committee, name, startYear, endYear, decidedBy, decidedOn, section, subGoals, targets));
        });
    }
}
