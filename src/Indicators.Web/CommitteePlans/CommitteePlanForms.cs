using Indicators.Core.CommitteePlans;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.CommitteePlans;

namespace Indicators.Web.CommitteePlans;

/// <summary>A nämndplan as its form edits it.</summary>
public sealed class CommitteePlanForm
{
    public int CommitteeId { get; set; }

    public string Name { get; set; } = "";

    public int StartYear { get; set; }

    public int EndYear { get; set; }

    public string? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecisionSection { get; set; }

    public CommitteePlanDraft ToDraft() => new(Name, StartYear, EndYear, DecidedBy, DecidedOn, DecisionSection);

    public static CommitteePlanForm Of(CommitteePlanEdit plan) => new()
    {
        CommitteeId = plan.CommitteeId,
        Name = plan.Draft.Name,
        StartYear = plan.Draft.StartYear,
        EndYear = plan.Draft.EndYear,
        DecidedBy = plan.Draft.DecidedBy,
        DecidedOn = plan.Draft.DecidedOn,
        DecisionSection = plan.Draft.DecisionSection,
    };
}

/// <summary>
/// A delmål as its form edits it: its mål, texts and indicators, each indicator with a målvärde field per year of the
/// nämndplan (empty: the regionplan's målvärde applies). Band indicators keep their stored målvärden as they are.
/// </summary>
public sealed class SubGoalForm
{
    public int GoalId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int SortOrder { get; set; }

    public List<SubGoalIndicatorForm> Indicators { get; set; } = [];

    public static SubGoalForm New(int startYear, int endYear, int sortOrder) => new() { SortOrder = sortOrder };

    public static SubGoalForm Of(SubGoalDraft draft, int startYear, int endYear)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new()
        {
            GoalId = draft.GoalId,
            Code = draft.Code,
            Name = draft.Name,
            Description = draft.Description,
            SortOrder = draft.SortOrder,
            Indicators = [.. draft.Indicators.Select(i => new SubGoalIndicatorForm
            {
                IndicatorCode = i.IndicatorCode,
                Targets = [.. Enumerable.Range(startYear, endYear - startYear + 1).Select(year => new TargetYearForm
                {
                    Year = year,
                    Value = i.Targets.FirstOrDefault(t => t.Year == year && t.Gender is null or "T")?.Value,
                })],
                Kept = [.. i.Targets.Where(t => t.Value is null || t.Gender is "K" or "M")],
            })],
        };
    }

    public void AddIndicator(int startYear, int endYear) => Indicators.Add(new SubGoalIndicatorForm
    {
        Targets = [.. Enumerable.Range(startYear, endYear - startYear + 1).Select(year => new TargetYearForm { Year = year })],
    });

    public SubGoalDraft ToDraft() => new(GoalId, Code, Name, Description, SortOrder,
        [.. Indicators.Select(i => new SubGoalIndicatorDraft(i.IndicatorCode,
            [.. i.Targets.Where(t => t.Value is not null).Select(t => new TargetDraft(t.Year, null, t.Value, null, null, null, null, null, false)), .. i.Kept]))]);

    /// <summary>An editor's error path ("Indicators[0].Targets[1].Value", the draft's second målvärde) as the form's (that year's field).</summary>
    public FieldError ToForm(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var match = System.Text.RegularExpressions.Regex.Match(error.Field, @"^Indicators\[(\d+)\]\.Targets\[(\d+)\]\.(\w+)$");
        if (!match.Success || int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i >= Indicators.Count)
        {
            return error;
        }

        var given = Indicators[i].Targets.Where(t => t.Value is not null).ToList();
        var j = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return j < given.Count ? error with { Field = $"Indicators[{i}].Targets[{Indicators[i].Targets.IndexOf(given[j])}].Value" } : error with { Field = "" };
    }
}

public sealed class SubGoalIndicatorForm
{
    public string IndicatorCode { get; set; } = "";

    public List<TargetYearForm> Targets { get; set; } = [];

    /// <summary>Stored målvärden the form does not show (bands, K and M), saved back as they are.</summary>
    public List<TargetDraft> Kept { get; set; } = [];
}

public sealed class TargetYearForm
{
    public int Year { get; set; }

    public decimal? Value { get; set; }
}
