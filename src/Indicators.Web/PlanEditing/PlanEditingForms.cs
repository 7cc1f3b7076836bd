using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Plans;

namespace Indicators.Web.PlanEditing;

// The editing forms' models. Their properties are named like the Core drafts' ("EndYear", "OwnerCommitteeCode"), so
// ServerValidation puts each Swedish error beside its field.

public sealed class PlanForm
{
    public string AreaId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Vision { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }

    public static PlanForm From(PlanEditModel plan) =>
        new() { AreaId = plan.AreaId, Name = plan.Name, Vision = plan.Vision, StartYear = plan.StartYear, EndYear = plan.EndYear };

    /// <summary>The draft, or the Swedish errors of years left empty (which the draft, holding numbers, cannot say).</summary>
    public PlanDraft ToDraft()
    {
        var v = new Validation();
        if (StartYear is null)
        {
            v.Add(nameof(StartYear), "Ange planens första år, till exempel 2027.");
        }

        if (EndYear is null)
        {
            v.Add(nameof(EndYear), "Ange planens sista år, till exempel 2030.");
        }

        var draft = new PlanDraft(Name, Vision, StartYear ?? 0, EndYear ?? 0);
        if (!v.IsValid)
        {
            foreach (var error in draft.Validate().Where(e => e.Field == nameof(Name)))
            {
                v.Add(error.Field, error.Message);
            }
        }

        v.ThrowIfAny();
        return draft;
    }
}

public sealed class VersionForm
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "draft";
    public string? Author { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public bool IsCurrent { get; set; }

    /// <summary>For a new version: the version whose content it starts with (null: empty).</summary>
    public int? CopyOf { get; set; }

    public static VersionForm From(VersionListing version) =>
        new() { Name = version.Name, Kind = version.Kind, Author = version.Author, DecidedOn = version.DecidedOn, IsCurrent = version.IsCurrent };

    public PlanVersionDraft ToDraft() => new(Name, Kind, Author, DecidedOn, IsCurrent);
}

public sealed class GoalAreaForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Kind { get; set; } = "goal_area";
    public int SortOrder { get; set; }

    public static GoalAreaForm From(GoalAreaEdit area) =>
        new() { Code = area.Code, Name = area.Name, Description = area.Description, Kind = area.Kind, SortOrder = area.SortOrder };

    public GoalAreaDraft ToDraft() => new(Code, Name, Description, Kind, SortOrder);
}

public sealed class GoalForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? OwnerCommitteeCode { get; set; }
    public List<string> ContributorCodes { get; set; } = [];
    public int SortOrder { get; set; }

    public static GoalForm From(GoalEdit goal) => new()
    {
        Code = goal.Code,
        Name = goal.Name,
        Description = goal.Description,
        OwnerCommitteeCode = goal.OwnerCommitteeCode,
        ContributorCodes = [.. goal.ContributorCodes],
        SortOrder = goal.SortOrder,
    };

    public GoalDraft ToDraft() => new(Code, Name, Description, string.IsNullOrWhiteSpace(OwnerCommitteeCode) ? null : OwnerCommitteeCode, ContributorCodes, SortOrder);
}

public sealed class CommitteeForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    public CommitteeDraft ToDraft() => new(Code, Name);
}
