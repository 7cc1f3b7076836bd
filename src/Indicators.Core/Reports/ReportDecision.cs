using System.Globalization;
using System.Text.RegularExpressions;
using Indicators.Core.Editing;

namespace Indicators.Core.Reports;

/// <summary>
/// The decision that finalised a report: the body that decided (the nämnd, or for the region's report e.g.
/// regionstyrelsen), the meeting's date, the protocol's paragraph (§) and optionally the protocol's reference. It is
/// part of a finalised report's header, so the page and both exports show it.
/// </summary>
public sealed partial record ReportDecision(string Body, DateOnly MeetingDate, string Paragraph, string? ProtocolReference)
{
    public const int MaxBodyLength = 200;
    public const int MaxProtocolLength = 100;

    /// <summary>"Hälso- och sjukvårdsnämnden 2026-09-24 § 87, protokoll HSN 2026/9".</summary>
    public string Text =>
        $"{Body} {MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} § {Paragraph}"
        + (string.IsNullOrEmpty(ProtocolReference) ? "" : $", protokoll {ProtocolReference}");

    /// <summary>
    /// Checks a decision as a form gives it and returns it tidied (texts trimmed, "§ 87" as "87"). The meeting is in the
    /// report's year or later and not after <paramref name="today"/>; a refusal names the field in Swedish.
    /// </summary>
    public static ReportDecision Validate(string? body, DateOnly? meetingDate, string? paragraph, string? protocolReference, int reportYear, DateOnly today)
    {
        var validation = new Validation()
            .RequireText("Decision.Body", body, "beslutande organ", MaxBodyLength)
            .LimitText("Decision.ProtocolReference", protocolReference, "protokollreferensen", MaxProtocolLength);
        if (meetingDate is not { } date)
        {
            validation.Add("Decision.MeetingDate", "Ange sammanträdesdatum.");
        }
        else if (date > today)
        {
            validation.Add("Decision.MeetingDate", $"Sammanträdesdatum {Iso(date)} ligger i framtiden: ett beslut registreras efter sammanträdet.");
        }
        else if (date.Year < reportYear)
        {
            validation.Add("Decision.MeetingDate", $"Sammanträdesdatum {Iso(date)} ligger före rapportens år ({reportYear}).");
        }

        var number = (paragraph ?? "").Trim().TrimStart('§').Trim();
        if (number.Length == 0)
        {
            validation.Add("Decision.Paragraph", "Ange paragraf (§) i protokollet, t.ex. 87.");
        }
        else if (!ParagraphPattern().IsMatch(number))
        {
            validation.Add("Decision.Paragraph", $"Paragraf \"{Shorten(number)}\" är inte ett paragrafnummer: ange ett nummer, t.ex. 87 eller 87 a.");
        }

        validation.ThrowIfAny();
        var reference = protocolReference?.Trim();
        return new ReportDecision(body!.Trim(), meetingDate!.Value, number, string.IsNullOrEmpty(reference) ? null : reference);
    }

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Shorten(string text) => text.Length <= 20 ? text : $"{text[..20]}…";

    [GeneratedRegex(@"^[0-9]{1,5}( ?[a-zA-Z])?$")]
    private static partial Regex ParagraphPattern();
}

/// <summary>A decision as a form gives it, before <see cref="ReportDecision.Validate"/> has checked it.</summary>
public sealed record ReportDecisionInput(string? Body, DateOnly? MeetingDate, string? Paragraph, string? ProtocolReference)
{
    /// <summary>The checked decision; <paramref name="today"/> is Stockholm's date.</summary>
    public ReportDecision Validate(int reportYear, DateOnly today) =>
        ReportDecision.Validate(Body, MeetingDate, Paragraph, ProtocolReference, reportYear, today);
}
