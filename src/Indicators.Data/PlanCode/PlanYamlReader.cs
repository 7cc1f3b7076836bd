using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Reads a plan document (YAML, or JSON, which YAML 1.2 reads as flow style) into a <see cref="PlanDocument"/>,
/// checking its shape only: known keys, required keys, and that numbers, years, booleans and dates are what they claim.
/// The rules of plans, indicators and targets are checked afterwards by <see cref="PlanImporter"/>, with these marks.
/// </summary>
public static partial class PlanYamlReader
{
    public static ReadDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new ReadContext();
        if (PlanDocumentLimits.Check(text) is { } refused)
        {
            // Nothing recursive may see a document that breaks a limit: it could overflow the stack or fill the memory.
            return new ReadDocument(null, context.Marks, [refused]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message is { } detail ? $" ({detail})" : "";
            context.Error(e.Start, $"Dokumentet är inte giltig YAML eller JSON: {Reason(e.Message)}{inner}");
            return new ReadDocument(null, context.Marks, context.Errors);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet refuses a mapping that names a key twice with a bare ArgumentException.
            context.Error(new Mark(), $"Dokumentet har samma nyckel två gånger i en mappning: {e.Message}");
            return new ReadDocument(null, context.Marks, context.Errors);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : new Mark();
            context.Error(at, "Dokumentet ska vara en mappning med nycklarna format, plan, areas, committees, indicators, versions och sources.");
            return new ReadDocument(null, context.Marks, context.Errors);
        }

        var document = ReadDocumentRoot(new MapReader(root, "dokumentet", context), context);
        return new ReadDocument(context.Errors.Count == 0 ? document : null, context.Marks, context.Errors);
    }

    static string Reason(string message)
    {
        // YamlDotNet's messages start with the position we already give as line and column.
        var match = PositionPrefix().Match(message);
        return match.Success ? message[match.Length..] : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    static PlanDocument? ReadDocumentRoot(MapReader root, ReadContext context)
    {
        var format = root.Text("format", required: true);
        if (format is not null && format != PlanDocument.Format)
        {
            context.Error(root.Marks.Of("format"), $"Formatet '{format}' känns inte igen; den här versionen läser '{PlanDocument.Format}'.");
        }

        PlanPart? plan = null;
        if (root.Map("plan", required: true) is { } planNode)
        {
            var p = new MapReader(planNode, "planen", context);
            plan = new PlanPart(p.Text("area", true) ?? "", p.Text("name", true) ?? "", p.Text("vision"), p.Int("start_year", true) ?? 0, p.Int("end_year", true) ?? 0);
            p.Finish(plan);
        }

        var areas = root.Items("areas", "området", (a, _) =>
            a.Finish(new AreaPart(a.Text("id", true) ?? "", a.Text("name", true) ?? "", a.Text("short_name", true) ?? "", a.Text("kind", true) ?? "")));
        var committees = root.Items("committees", "nämnden", (c, _) => c.Finish(new CommitteePart(c.Text("code", true) ?? "", c.Text("name", true) ?? "")));
        var indicators = root.Items("indicators", "indikatorn", (i, _) => ReadIndicator(i, context));
        var versions = root.Items("versions", "versionen", (v, _) => ReadVersion(v, context));
        var sources = root.Items("sources", "källan", (s, _) => ReadSource(s, context));
        root.Finish(root);
        return plan is null ? null : new PlanDocument(plan, areas, committees, indicators, versions, sources);
    }

    static readonly IReadOnlyList<string> Directions = ["higher", "lower", "band"];

    static IndicatorPart ReadIndicator(MapReader i, ReadContext context)
    {
        var direction = i.Text("direction", true);
        if (direction is not null && !Directions.Contains(direction))
        {
            context.Error(i.Marks.Of("direction"),
                $"Okänd riktning '{direction}': ange higher (högre är bättre), lower (lägre är bättre) eller band (inom intervall).");
        }

        return i.Finish(new IndicatorPart(
            i.Text("code", true) ?? "", i.Text("name", true) ?? "", i.Text("description"), i.Text("unit", true) ?? "", i.Int("decimals") ?? 1,
            direction ?? "", i.Text("frequency", true) ?? "", i.Text("aggregation") ?? "rate", i.Bool("gender_split") ?? false,
            i.Decimal("tolerance"), i.Text("tolerance_kind"), i.Decimal("trend_min_difference") ?? 0, i.Text("source_description"), i.Text("kpi_id"),
            i.Text("owner"), i.Text("primary_area", true) ?? "", i.TextList("comparison_areas"), Core.Editing.Validation.Clean(i.Text("counted_noun"))));
    }

    static VersionPart ReadVersion(MapReader v, ReadContext context)
    {
        var name = v.Text("name", true) ?? "";
        var kind = v.Text("kind", true) ?? "";
        var author = v.Text("author");
        var decidedOn = v.Date("decided_on");
        var current = v.Bool("current") ?? false;
        var justering = Core.Editing.Validation.Clean(v.Text("justering"));
        var goalAreas = v.Items("goal_areas", "målområdet", (a, _) =>
        {
            var code = a.Text("code", true) ?? "";
            var areaName = a.Text("name", true) ?? "";
            var description = a.Text("description");
            var areaKind = a.Text("kind") ?? "goal_area";
            var goals = a.Items("goals", "målet", (g, _) => g.Finish(new GoalPart(
                g.Text("code", true) ?? "", g.Text("name", true) ?? "", g.Text("description"), g.Text("owner"),
                g.TextList("contributors"), g.TextList("indicators"))));
            return a.Finish(new GoalAreaPart(code, areaName, description, areaKind, goals));
        });
        var targets = v.Items("targets", "målvärdet", (t, _) => t.Finish(new TargetPart(
            t.Text("indicator", true) ?? "", t.Int("year", true) ?? 0, t.Text("gender"), t.Decimal("value"), t.Decimal("band_min"), t.Decimal("band_max"),
            t.Decimal("tolerance"), t.Text("tolerance_kind"), t.Text("provenance"), t.Bool("example") ?? false)));
        GoalRulePart? goalRule = null;
        if (v.Map("goal_rule", false) is { } ruleNode)
        {
            var r = new MapReader(ruleNode, "regeln för målförslag", context);
            var metShare = r.Decimal("met_share") ?? GoalRulePart.Default.MetShare;
            var notMetShare = r.Decimal("not_met_share") ?? GoalRulePart.Default.NotMetShare;
            var weights = r.Items("weights", "vikten", (w, _) => w.Finish(new WeightPart(w.Text("indicator", true) ?? "", w.Decimal("weight") ?? Core.Attainment.GoalRule.DefaultWeight)));
            goalRule = r.Finish(new GoalRulePart(metShare, notMetShare, weights));
        }

        var assignments = ReadAssignments(v);
        var actionPlans = ReadActionPlans(v, context);
        var committeePlans = ReadCommitteePlans(v);
        return v.Finish(new VersionPart(name, kind, author, decidedOn, current, goalAreas, targets, goalRule, justering, assignments, actionPlans, committeePlans));
    }

    static SourcePart ReadSource(MapReader s, ReadContext context)
    {
        var name = s.Text("name", true) ?? "";
        var kind = s.Text("kind", true) ?? "";
        var cron = s.Text("cron", true) ?? "";
        var fullRefresh = s.Text("full_refresh_cron");
        var timeZone = s.Text("time_zone") ?? "Europe/Stockholm";
        var enabled = s.Bool("enabled") ?? true;
        var indicators = s.TextList("indicators");
        var settings = "{}";
        if (s.Node("settings") is { } node)
        {
            if (node is YamlMappingNode)
            {
                if (SourceSettingsYaml.ToJson(node) is { } json)
                {
                    settings = json;
                }
                else
                {
                    context.Error(node.Start,
                        $"Källans inställningar är för stora: mer än {PlanDocumentLimits.MaxSettingsBytes / 1024} kB som JSON.");
                }
            }
            else if (!MapReader.IsNull(node))
            {
                context.Error(node.Start, "'settings' ska vara en mappning (nycklar med värden).");
            }
        }

        return s.Finish(new SourcePart(name, kind, cron, fullRefresh, timeZone, enabled, settings, indicators));
    }
}
