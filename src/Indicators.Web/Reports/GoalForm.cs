using Indicators.Core.Attainment;
using Indicators.Core.Editing;
using Indicators.Core.Reports;
using Indicators.Data.Reports;

namespace Indicators.Web.Reports;

/// <summary>
/// The nämnd's form for one goal. <see cref="Original"/> is what the texts were when the form loaded them (or when the
/// last save or conflict showed what is stored): the store compares it with the stored texts field by field, so a save
/// never overwrites text someone else wrote since without this form having seen it.
/// </summary>
public sealed class GoalForm
{
    public GoalAssessment? Assessed { get; set; }

    public string Motivation { get; set; } = "";

    public string Analysis { get; set; } = "";

    public string Actions { get; set; } = "";

    public GoalTexts Original { get; private set; } = GoalTexts.Empty;

    /// <summary>The other people's texts that stood in the way of the last save; empty after a save that went through.</summary>
    public IReadOnlyList<TextConflict> Conflicts { get; private set; } = [];

    /// <summary>When this form last saved, for "Sparat kl 14:02".</summary>
    public DateTimeOffset? SavedAt { get; private set; }

    public static GoalForm From(GoalTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new GoalForm { Assessed = texts.Assessed, Motivation = texts.Motivation, Analysis = texts.Analysis, Actions = texts.Actions, Original = texts };
    }

    public GoalTexts ToTexts() => new(Assessed, Motivation ?? "", Analysis ?? "", Actions ?? "", Original.Version);

    /// <summary>Takes a save's result: saved, the stored texts become the form's; refused, the form keeps what its user wrote
    /// and the stored texts become its <see cref="Original"/>, so the next save (made knowing their text) goes through.</summary>
    public void Apply(SaveResult<GoalTexts> result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        var loaded = Original;
        var current = result.Current;
        Original = current;
        Conflicts = result.Conflicts;
        SavedAt = result.Saved ? now : null;

        // Saved: the form shows what is stored. Refused: a field this user edited keeps their text; a field they left
        // alone takes what is stored now, or the next save (against the new original) would put the old text back over
        // someone else's newer one.
        Assessed = result.Saved || Assessed == loaded.Assessed ? current.Assessed : Assessed;
        Motivation = result.Saved || Motivation == loaded.Motivation ? current.Motivation : Motivation;
        Analysis = result.Saved || Analysis == loaded.Analysis ? current.Analysis : Analysis;
        Actions = result.Saved || Actions == loaded.Actions ? current.Actions : Actions;
    }

    /// <summary>The store's field path ("motivation", "Goals[3].Motivation") as this form's property, or "" for the form.</summary>
    public static FieldError ToForm(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var last = error.Field.Split('.', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        string[] fields = [nameof(Assessed), nameof(Motivation), nameof(Analysis), nameof(Actions)];
        var field = fields.FirstOrDefault(f => string.Equals(f, last, StringComparison.OrdinalIgnoreCase))
            ?? (string.Equals(last, "Assessment", StringComparison.OrdinalIgnoreCase) ? nameof(Assessed) : "");
        return error with { Field = field };
    }
}

/// <summary>The nämnd's comment on one indicator, with the same conflict handling as <see cref="GoalForm"/>.</summary>
public sealed class CommentForm
{
    public string Text { get; set; } = "";

    public string Original { get; private set; } = "";

    public IReadOnlyList<TextConflict> Conflicts { get; private set; } = [];

    public DateTimeOffset? SavedAt { get; private set; }

    public static CommentForm From(IndicatorComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new CommentForm { Text = comment.Text, Original = comment.Text };
    }

    public void Apply(SaveResult<IndicatorComment> result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        Original = result.Current.Text;
        Conflicts = result.Conflicts;
        if (result.Saved)
        {
            Text = result.Current.Text;
            SavedAt = now;
        }
        else
        {
            SavedAt = null;
        }
    }
}
