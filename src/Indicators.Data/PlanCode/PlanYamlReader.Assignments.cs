namespace Indicators.Data.PlanCode;

public static partial class PlanYamlReader
{
    /// <summary>A version's uppdrag; null when the key is left out (the stored uppdrag then stay as they are).</summary>
    static IReadOnlyList<AssignmentPart>? ReadAssignments(MapReader v) =>
        v.Node("assignments") is null ? null : v.Items("assignments", "uppdraget", (a, _) =>
        {
            var code = a.Text("code", true) ?? "";
            var text = a.Text("text", true) ?? "";
            var givenBy = a.Text("given_by");
            var goal = a.Text("goal");
            var start = a.Date("start");
            var end = a.Date("end");
            var receivers = a.Items("receivers", "mottagaren", (r, _) => r.Finish(new ReceiverPart(r.Text("committee", true) ?? "", r.Text("level") ?? "committee")));
            var indicators = a.TextList("indicators");
            var example = a.Bool("example") ?? false;
            return a.Finish(new AssignmentPart(code, text, givenBy, goal, start, end, receivers, indicators, example));
        });
}
