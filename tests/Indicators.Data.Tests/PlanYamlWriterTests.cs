using System.Text.Json.Nodes;
using Indicators.Data.PlanCode;

namespace Indicators.Data.Tests;

/// <summary>The export's YAML text for awkward values: what a reader could mistake, empty lists and nested source settings.</summary>
public class PlanYamlWriterTests
{
    const string Settings = """
        {"kpis":["N1",{"a":1,"b":[1,[2,{}],[]]},[],{}],"empty":{},"list":[],"n":null,"t":true,"num":1.50,
         "str":"tab\there\u0001\u001b\u00a0\u2028x","true":"yes","01":"-x","k ey":"a: b","quote":"say \"hi\"","sw":"Åäö – text","neg":-3}
        """;

    static PlanDocument Awkward() => new(
        new PlanPart("0022", "Plan: \"x\"", "Line1\nLine2 #not a comment", 2025, 2027),
        [new AreaPart("0022", "Region Ö", "Ö", "region")],
        [],
        [
            new IndicatorPart("N1", "null", "  leading spaces", "%", 1, "higher", "year", "sum", true, 0.5m, "absolute", 0m, "a # b", "K1", "o", "0022", [], "invånare"),
            new IndicatorPart("true", "Yes", "trailing space ", "st", 0, "lower", "year", "sum", false, null, null, 1.25m, null, null, null, "0022", ["0022", "a b", "[x]"]),
        ],
        [
            new VersionPart("V1", "decided", null, new DateOnly(2024, 11, 27), true, [], []),
            new VersionPart("V2", "draft", "me", null, false,
                [new GoalAreaPart("1", "Area", null, "k", [new GoalPart("1.1", "G", null, null, [], ["N1"])])],
                [new TargetPart("N1", 2025, "k", 45.5m, 1m, 2.000m, 0m, "absolute", "p", true)],
                new GoalRulePart(75, 40.5m, [new WeightPart("N1", 2)])),
        ],
        [new SourcePart("S", "kolada", "0 6 * * 1", null, "Europe/Stockholm", true, Settings, ["N1"])]);

    [Fact]
    public void Awkward_values_read_back_as_they_were_written_and_export_to_the_same_text_again()
    {
        var yaml = PlanExporter.ToYaml(Awkward());

        var read = PlanYamlReader.Read(yaml);

        Assert.Empty(read.Errors);
        var document = read.Document!;
        Assert.Equal("Plan: \"x\"", document.Plan.Name);
        Assert.Equal("Line1\nLine2 #not a comment", document.Plan.Vision);
        Assert.Equal(["null", "Yes"], document.Indicators.Select(i => i.Name));
        Assert.Equal(["  leading spaces", "trailing space "], document.Indicators.Select(i => i.Description));
        Assert.Equal(["0022", "a b", "[x]"], document.Indicators[1].ComparisonAreas);
        Assert.Empty(document.Committees);
        Assert.Empty(document.Versions[0].GoalAreas);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Settings), JsonNode.Parse(Assert.Single(document.Sources).Settings)));
        Assert.Equal(yaml, PlanExporter.ToYaml(document));
    }

    [Fact]
    public void Strings_a_reader_could_take_for_something_else_are_quoted_and_plain_text_is_not()
    {
        var yaml = PlanExporter.ToYaml(Awkward());

        Assert.StartsWith("# Indicators plan as code, format indicators-plan/1.", yaml, StringComparison.Ordinal);
        Assert.Contains("\n  area: \"0022\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n  - code: N1\n    name: \"null\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n    source_description: \"a # b\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n    comparison_areas: [\"0022\", a b, \"[x]\"]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n      sw: Åäö – text\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\n      \"true\": \"yes\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\ncommittees: []\n", yaml, StringComparison.Ordinal);
    }
}
