using Indicators.Core.Attainment;
using Indicators.Core.FollowUp;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Data.Indicators;

/// <summary>
/// Everything the indicator page shows: the indicator, the plan it is judged in (null when no plan links it), its outcomes
/// for the plan's area in every gender with where each came from, the values they replaced, the regions' values for the
/// latest comparable period, and its sources.
/// </summary>
public sealed record IndicatorPageData(
    IndicatorDetails Indicator,
    IndicatorPlan? Plan,
    string AreaId,
    string AreaName,
    IReadOnlyList<IndicatorObservation> Observations,
    IReadOnlyList<IndicatorRevision> Revisions,
    Period? PeerPeriod,
    IReadOnlyList<PeerObservation> Peers,
    IReadOnlyList<IndicatorSource> Sources)
{
    /// <summary>The outcomes of one gender, oldest first.</summary>
    public IReadOnlyList<Outcome> Outcomes(Gender gender) =>
        [.. Observations.Where(o => o.Gender == gender).OrderBy(o => o.Period).Select(o => new Outcome(o.Period, o.Value, o.Status))];

    /// <summary>
    /// The indicator as the overview page sees it, so <see cref="IndicatorOverview.StandingIn"/> judges it exactly as there.
    /// </summary>
    public IndicatorOverview ToOverview()
    {
        var i = Indicator;
        return new IndicatorOverview(i.Id, i.Code, i.Name, i.Unit, i.Decimals, i.Direction, i.GenderSplit, i.IsDemo,
            Plan?.Targets ?? [], i.Aggregation, i.Tolerance, i.TrendMinDifference, Outcomes(Gender.T), Sources,
            i.OwnerCommitteeId, i.OwnerCommittee, CountedNoun: i.CountedNoun);
    }

    /// <summary>The follow-up period asked for if it lies in the plan, else the overview's default.</summary>
    public FollowUpPeriod? DefaultPeriod(FollowUpPeriod? asked)
    {
        if (Plan is null)
        {
            return asked;
        }

        if (asked is { } chosen && chosen.Year >= Plan.StartYear && chosen.Year <= Plan.EndYear)
        {
            return chosen;
        }

        return FollowUpPeriod.Default(Plan.StartYear, Plan.EndYear, Plan.NewestOutcome);
    }
}

public sealed record IndicatorDetails(
    int Id,
    string Code,
    string Name,
    string? Description,
    string Unit,
    int Decimals,
    Direction Direction,
    string Frequency,
    bool GenderSplit,
    string? KpiId,
    string? SourceDescription,
    int? OwnerCommitteeId,
    string? OwnerCommittee,
    Tolerance? Tolerance,
    decimal TrendMinDifference,
    Aggregation Aggregation,
    bool IsDemo,
    string? CountedNoun = null)
{
    public IndicatorRule Rule => new(Direction, Unit, Decimals, Aggregation, Tolerance, CountedNoun);

    /// <summary>The unit shown after the indicator's values ("invånare" for a count of inhabitants, else the unit).</summary>
    public string ShownUnit => Rule.ShownUnit;

    /// <summary>"år", "tertial", "kvartal", "månad".</summary>
    public string SwedishFrequency => Frequency switch
    {
        "year" => "år",
        "tertial" => "tertial",
        "quarter" => "kvartal",
        "month" => "månad",
        _ => Frequency,
    };
}

/// <summary>
/// The plan an indicator is judged in, with its målvärden for the indicator (total and per gender) and the newest outcome
/// of any of its indicators (which sets the default follow-up period, as on the overview).
/// </summary>
public sealed record IndicatorPlan(
    int PlanId, string Name, int StartYear, int EndYear, string VersionName, bool IsDemo, IReadOnlyList<TargetValue> Targets,
    Period? NewestOutcome = null)
{
    public IEnumerable<int> Years => Enumerable.Range(StartYear, EndYear - StartYear + 1);

    public TargetValue? TargetFor(int year, Gender? gender = null) =>
        Targets.FirstOrDefault(t => t.Year == year && t.Gender == gender);
}

/// <summary>
/// An outcome with where it came from: the run that delivered it and that run's source (null for the demo plan's first
/// load, which had no configured source) and time.
/// </summary>
public sealed record IndicatorObservation(
    Period Period, Gender Gender, decimal? Value, ObservationStatus Status, int Revision,
    long? RunId, string? SourceName, DateTimeOffset? RunAt, bool IsDemo);

/// <summary>A value that a later run replaced: what it was, when it was replaced and by which run.</summary>
public sealed record IndicatorRevision(
    Period Period, Gender Gender, int Revision, decimal? Value, ObservationStatus Status,
    DateTimeOffset ReplacedAt, long? ReplacedByRunId, string? ReplacedBySource);

/// <summary>A region's (or riket's) total value for the comparison period.</summary>
public sealed record PeerObservation(string AreaId, string Name, string ShortName, bool IsCountry, decimal? Value, ObservationStatus Status)
{
    public decimal? UsableValue => Status == ObservationStatus.Ok ? Value : null;
}
