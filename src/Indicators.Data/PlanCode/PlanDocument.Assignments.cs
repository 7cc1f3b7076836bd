namespace Indicators.Data.PlanCode;

/// <summary>
/// An uppdrag of a version, by its code within the version: the giver by committee code (null = Regionfullmäktige), the
/// mål by its code in the version, receivers by committee code with their level, indicators by code.
/// </summary>
public sealed record AssignmentPart(
    string Code, string Text, string? GivenBy, string? Goal, DateOnly? Start, DateOnly? End, IReadOnlyList<ReceiverPart> Receivers,
    IReadOnlyList<string> Indicators, bool Example);

/// <summary>A receiver of an uppdrag: a committee code and <c>committee</c> (nämnden) or <c>administration</c> (förvaltningen).</summary>
public sealed record ReceiverPart(string Committee, string Level);
