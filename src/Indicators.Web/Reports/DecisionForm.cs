using Indicators.Core.Reports;

namespace Indicators.Web.Reports;

/// <summary>
/// The form for a decision as a reviewer records it when finalising a nämnd's report or the region's. The fields sit
/// under <see cref="Decision"/> so that the store's errors ("Decision.MeetingDate") land beside their fields.
/// </summary>
public sealed class DecisionForm
{
    public DecisionFields Decision { get; set; } = new();

    /// <summary>A form with the body filled in (the nämnd's name, or the region's decision-making body left to type).</summary>
    public static DecisionForm For(string? body) => new() { Decision = new DecisionFields { Body = body } };

    public ReportDecisionInput ToInput() => new(Decision.Body, Decision.MeetingDate, Decision.Paragraph, Decision.ProtocolReference);
}

/// <summary>The decision's fields: which body decided, at which meeting, under which § and in which protocol.</summary>
public sealed class DecisionFields
{
    public string? Body { get; set; }

    public DateOnly? MeetingDate { get; set; }

    public string? Paragraph { get; set; }

    public string? ProtocolReference { get; set; }
}
