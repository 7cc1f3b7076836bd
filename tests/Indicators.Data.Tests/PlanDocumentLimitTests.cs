using System.Text;
using Indicators.Data.PlanCode;

namespace Indicators.Data.Tests;

/// <summary>
/// Hostile plan documents, as pasted into /planer/import or given to <c>plan import</c>: each is refused with one Swedish
/// error at its line and column, before anything recursive or unbounded sees it, and the process stays up.
/// </summary>
public class PlanDocumentLimitTests
{
    /// <summary>A valid document up to a file source's settings (line 9); the settings' own lines follow from line 10.</summary>
    const string Head = """
        format: indicators-plan/1
        plan: {area: "0022", name: Fientlig plan, start_year: 2025, end_year: 2026}
        areas:
          - {id: "0022", name: Region Västernorrland, short_name: Västernorrland, kind: region}
        sources:
          - name: Fil
            kind: file
            cron: "0 6 * * *"
            settings:

        """;

    // The settings mapping is the fourth level: the document, sources, the source, its settings.
    const int SettingsDepth = 4;

    static PlanCodeError SingleError(string text)
    {
        var read = PlanYamlReader.Read(text);
        Assert.Null(read.Document);
        return Assert.Single(read.Errors);
    }

    [Fact]
    public void The_document_these_tests_start_from_is_valid()
    {
        var read = PlanYamlReader.Read(Head + "      folder: inbox\n");

        Assert.Empty(read.Errors);
        Assert.Equal("""{"folder":"inbox"}""", Assert.Single(read.Document!.Sources).Settings);
    }

    [Fact]
    public void Settings_nested_a_hundred_thousand_flow_lists_deep_are_refused_at_the_list_too_deep()
    {
        // Before the limit this overflowed the stack while YamlDotNet built the nodes, and the web process died.
        var error = SingleError(Head + "      folder: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        // "      folder: " is 14 characters; the list at depth MaxDepth + 1 is the (MaxDepth − 3)th '['.
        Assert.Equal((10, 15 + (PlanDocumentLimits.MaxDepth - SettingsDepth)), (error.Line, error.Column));
        Assert.Contains("för djupt nästlat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_nested_a_thousand_block_mappings_deep_are_refused_at_the_mapping_too_deep()
    {
        // Before the limit the settings' JSON writer threw at depth 1 000 and the page's circuit ended.
        var lines = Enumerable.Range(0, 1_001).Select(level => new string(' ', 6 + (2 * level)) + "a:");
        var error = SingleError(Head + string.Join("\n", lines) + " x\n");

        // Line 10 holds the settings' first key; each line below opens one more mapping, at its first key.
        var levelsBelowSettings = PlanDocumentLimits.MaxDepth - SettingsDepth + 1;
        Assert.Equal((10 + levelsBelowSettings, 7 + (2 * levelsBelowSettings)), (error.Line, error.Column));
        Assert.Contains("för djupt nästlat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nine_levels_of_aliases_each_repeating_the_last_nine_times_are_refused_where_the_expansion_passes_the_limit()
    {
        // "Billion laughs": 2 kB that expand to 9⁹ values. Before the limit it grew to gigabytes and ended in OutOfMemoryException.
        var text = new StringBuilder(Head).Append("      a: &a [").Append(string.Join(", ", Enumerable.Repeat("lol", 9))).Append("]\n");
        foreach (var (name, previous) in "bcdefghi".Zip("abcdefgh"))
        {
            text.Append("      ").Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var error = SingleError(text.ToString());

        // Up to f (line 15) the document counts 672 645 nodes; g's first *f (line 16, column 14) adds 597 871 more.
        Assert.Equal((16, 14), (error.Line, error.Column));
        Assert.Contains("*f", error.Message, StringComparison.Ordinal);
        Assert.Contains("för stort när", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_inside_the_node_its_anchor_marks_is_refused_at_the_alias()
    {
        // A list that contains itself: writing the settings as JSON never ended (and overflowed the stack).
        var error = SingleError(Head + "      folder: &a [x, *a]\n");

        Assert.Equal((10, 22), (error.Line, error.Column));
        Assert.Contains("*a", error.Message, StringComparison.Ordinal);
        Assert.Contains("inuti", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("      [a, b]: 1\n", 10, 7)]
    [InlineData("      {a: 1}: 2\n", 10, 7)]
    [InlineData("      ? - a\n        - b\n      : 1\n", 10, 9)]
    [InlineData("      folder: &k inbox\n      *k : 1\n", 11, 7)]
    public void A_mapping_key_that_is_not_text_is_refused_at_the_key(string settings, int line, int column)
    {
        // Before, the settings' JSON writer cast every key to text and the page's circuit ended with InvalidCastException.
        var error = SingleError(Head + settings);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("En nyckel ska vara text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_larger_than_the_limit_is_refused_where_it_passes_the_limit()
    {
        var head = Head + "      folder: inbox\n";
        var error = SingleError(head + "# " + new string('x', PlanDocumentLimits.MaxBytes) + "\n");

        // The comment on line 11 is ASCII, so its byte MaxBytes + 1 is at this column.
        Assert.Equal((11, PlanDocumentLimits.MaxBytes - Encoding.UTF8.GetByteCount(head) + 1), (error.Line, error.Column));
        Assert.Contains("större än 5 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_whose_settings_are_larger_than_the_limit_is_refused_at_its_settings()
    {
        var error = SingleError(Head + "      folder: " + new string('x', PlanDocumentLimits.MaxSettingsBytes) + "\n");

        Assert.Equal((10, 7), (error.Line, error.Column));
        Assert.Contains("Källans inställningar är för stora", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_the_YAML_scanner_itself_trips_over_gets_a_Swedish_error_where_it_stopped()
    {
        // YamlDotNet's scanner throws InvalidOperationException, not a YamlException, on this (found by the fault campaign).
        var error = SingleError(": [\nn");

        Assert.Equal(2, error.Line);
        Assert.Contains("kan inte tolkas", error.Message, StringComparison.Ordinal);
    }
}
