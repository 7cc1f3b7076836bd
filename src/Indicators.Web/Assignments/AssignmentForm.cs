using System.Globalization;
using Indicators.Core.Assignments;
using Indicators.Core.Editing;
using Indicators.Data.Assignments;

namespace Indicators.Web.Assignments;

/// <summary>
/// The uppdrag form's fields. The giver and the mål are chosen as text ("" for Regionfullmäktige or no mål, otherwise
/// an id); each nämnd of the organisation has a receiver choice ("" not a receiver, or a <see cref="ReceiverLevels"/> code).
/// </summary>
public sealed class AssignmentForm
{
    public string Code { get; set; } = "";

    public string Text { get; set; } = "";

    public string Giver { get; set; } = "";

    public string Goal { get; set; } = "";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public Dictionary<int, string> Receivers { get; set; } = [];

    public HashSet<int> Indicators { get; set; } = [];

    public bool IsExample { get; set; }

    public int SortOrder { get; set; }

    public static AssignmentForm From(AssignmentView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new AssignmentForm
        {
            Code = view.Code,
            Text = view.Text,
            Giver = view.GivenByCommitteeId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Goal = view.GoalId?.ToString(CultureInfo.InvariantCulture) ?? "",
            StartDate = view.StartDate,
            EndDate = view.EndDate,
            Receivers = view.Receivers.ToDictionary(r => r.CommitteeId, r => r.Level),
            Indicators = [.. view.Indicators.Select(i => i.Id)],
            IsExample = view.IsExample,
            SortOrder = view.SortOrder,
        };
    }

    /// <summary>The draft, its receivers in the order of <paramref name="committees"/> (as the form lists them).</summary>
    public AssignmentDraft ToDraft(IReadOnlyList<AssignmentCommittee> committees) => new(
        Code, Text, Id(Giver), Id(Goal), StartDate, EndDate,
        [.. committees.Where(c => Receivers.GetValueOrDefault(c.Id, "").Length > 0).Select(c => new AssignmentReceiverDraft(c.Id, Receivers[c.Id]))],
        [.. Indicators], IsExample, SortOrder);

    /// <summary>The editor's field paths as this form's: receivers' and ids' errors go to their choices.</summary>
    public static FieldError ToForm(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field switch
        {
            nameof(AssignmentDraft.GivenByCommitteeId) => error with { Field = nameof(Giver) },
            nameof(AssignmentDraft.GoalId) => error with { Field = nameof(Goal) },
            nameof(AssignmentDraft.IndicatorIds) => error with { Field = nameof(Indicators) },
            { } f when f.StartsWith(nameof(AssignmentDraft.Receivers), StringComparison.Ordinal) => error with { Field = nameof(Receivers) },
            _ => error,
        };
    }

    static int? Id(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
