using Indicators.Core.Editing;

namespace Indicators.Core.Plans;

/// <summary>A plan as an analyst enters it: its name, vision and period of years.</summary>
public sealed record PlanDraft(string Name, string? Vision, int StartYear, int EndYear)
{
    public const int MaxYears = 16;

    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation().RequireText(nameof(Name), Name, "planens namn").LimitText(nameof(Vision), Vision, "visionen", 4000);
        if (StartYear is < 2000 or > 2100)
        {
            v.Add(nameof(StartYear), $"Planens första år måste ligga mellan 2000 och 2100 (nu {StartYear}).");
        }

        if (EndYear < StartYear)
        {
            v.Add(nameof(EndYear), $"Planens sista år ({EndYear}) kan inte ligga före dess första år ({StartYear}).");
        }
        else if (EndYear - StartYear + 1 > MaxYears)
        {
            v.Add(nameof(EndYear), $"En plan kan omfatta högst {MaxYears} år ({StartYear}–{EndYear} är {EndYear - StartYear + 1}).");
        }

        return v.Errors;
    }
}

/// <summary>A version of a plan: the adopted plan, a draft or a proposal (e.g. the opposition's) over the same years.</summary>
public sealed record PlanVersionDraft(string Name, string Kind, string? Author, DateOnly? DecidedOn, bool IsCurrent)
{
    public static readonly IReadOnlyList<string> Kinds = ["adopted", "draft", "proposal"];

    public static string KindName(string kind) => kind switch
    {
        "adopted" => "Beslutad",
        "draft" => "Utkast",
        // An opposition's alternative plan; plain "Förslag" would read as the goal suggestions ("Förslag till bedömning").
        "proposal" => "Alternativt förslag",
        _ => kind,
    };

    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation().RequireText(nameof(Name), Name, "versionens namn").LimitText(nameof(Author), Author, "författaren", 200);
        if (!Kinds.Contains(Kind))
        {
            v.Add(nameof(Kind), "Välj vilken sorts version det är: beslutad, utkast eller alternativt förslag.");
        }

        if (DecidedOn is not null && Kind != "adopted")
        {
            v.Add(nameof(DecidedOn), "Bara en beslutad version har ett beslutsdatum.");
        }

        return v.Errors;
    }
}

/// <summary>A målområde, or a group beside them such as "Ekonomin är en förutsättning" (kind prerequisite).</summary>
public sealed record GoalAreaDraft(string Code, string Name, string? Description, string Kind, int SortOrder)
{
    public static readonly IReadOnlyList<string> Kinds = ["goal_area", "prerequisite"];

    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation().RequireText(nameof(Code), Code, "målområdets kod", 20).RequireText(nameof(Name), Name, "målområdets namn")
            .LimitText(nameof(Description), Description, "beskrivningen", 4000);
        if (!Kinds.Contains(Kind))
        {
            v.Add(nameof(Kind), "Välj om det är ett målområde eller en förutsättning.");
        }

        return v.Errors;
    }
}

/// <summary>A mål: owned by one committee (by code), with any number of contributing committees.</summary>
public sealed record GoalDraft(string Code, string Name, string? Description, string? OwnerCommitteeCode, IReadOnlyList<string> ContributorCodes, int SortOrder)
{
    public IReadOnlyList<FieldError> Validate()
    {
        var v = new Validation().RequireText(nameof(Code), Code, "målets kod", 20).RequireText(nameof(Name), Name, "målets namn", 500)
            .LimitText(nameof(Description), Description, "beskrivningen", 4000);
        if (OwnerCommitteeCode is { } owner && ContributorCodes.Contains(owner, StringComparer.Ordinal))
        {
            v.Add(nameof(ContributorCodes), $"Nämnden {owner} äger målet och kan inte samtidigt stå som bidragande.");
        }

        return v.Errors;
    }
}

/// <summary>A nämnd or styrelse of the organisation.</summary>
public sealed record CommitteeDraft(string Code, string Name)
{
    public IReadOnlyList<FieldError> Validate() =>
        new Validation().RequireText(nameof(Code), Code, "nämndens förkortning", 20).RequireText(nameof(Name), Name, "nämndens namn").Errors;
}
