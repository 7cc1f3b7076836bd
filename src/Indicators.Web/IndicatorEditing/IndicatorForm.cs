using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Data.Indicators;

namespace Indicators.Web.IndicatorEditing;

/// <summary>
/// The edit form's model. Its properties are named like <see cref="IndicatorDraft"/> and <see cref="IndicatorEdit"/>, so the
/// editor's error paths ("Unit", "Versions[0].Targets[3].BandMin") land on their inputs.
/// </summary>
public sealed class IndicatorForm
{
    public string Organisation { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Unit { get; set; } = "";
    public string? CountedNoun { get; set; }
    public int Decimals { get; set; } = 1;
    public Direction? Direction { get; set; }
    public string? Frequency { get; set; }
    public string Aggregation { get; set; } = "rate";
    public bool GenderSplit { get; set; }
    public decimal? Tolerance { get; set; }
    public string? ToleranceKind { get; set; }
    public decimal? TrendMinDifference { get; set; }
    public string? SourceDescription { get; set; }
    public string? KpiId { get; set; }
    public string? OwnerCommitteeCode { get; set; }
    public string PrimaryAreaId { get; set; } = "";
    public List<string> ComparisonAreaIds { get; set; } = [];
    public List<int> GoalIds { get; set; } = [];
    public List<VersionForm> Versions { get; set; } = [];

    /// <summary>The reason for a justering: needed when the save changes an adopted (fastställd) version.</summary>
    public string? AdjustmentReason { get; set; }

    public static IndicatorForm New(string organisation) => new() { Organisation = organisation, PrimaryAreaId = organisation };

    public static IndicatorForm From(StoredIndicator stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var d = stored.Draft;
        return new IndicatorForm
        {
            Organisation = stored.OrganisationId, Code = d.Code, Name = d.Name, Description = d.Description, Unit = d.Unit, Decimals = d.Decimals,
            Direction = d.Direction, Frequency = d.Frequency, Aggregation = d.Aggregation, GenderSplit = d.GenderSplit, Tolerance = d.Tolerance,
            ToleranceKind = d.ToleranceKind, TrendMinDifference = d.TrendMinDifference, SourceDescription = d.SourceDescription, KpiId = d.KpiId,
            OwnerCommitteeCode = d.OwnerCommitteeCode, PrimaryAreaId = d.PrimaryAreaId, ComparisonAreaIds = [.. d.ComparisonAreaIds],
            GoalIds = [.. stored.GoalIds], CountedNoun = d.CountedNoun,
        };
    }

    /// <summary>One table per plan version of the organisation: a row per year, and rows for K and M, filled from the stored targets.</summary>
    public void SetVersions(IEnumerable<PlanVersionChoice> versions, IReadOnlyList<VersionTargets> stored)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Versions = versions.Where(v => v.OrganisationId == Organisation).Select(v =>
        {
            var targets = stored.FirstOrDefault(s => s.PlanVersionId == v.Id)?.Targets ?? [];
            var rows = new List<TargetRow>();
            foreach (var gender in new string?[] { null, "K", "M" })
            {
                for (var year = v.StartYear; year <= v.EndYear; year++)
                {
                    var found = targets.FirstOrDefault(t => t.Year == year && (t.Gender is null or "T" ? null : t.Gender) == gender);
                    rows.Add(found is null ? new TargetRow { Year = year, Gender = gender } : TargetRow.From(found));
                }
            }

            return new VersionForm { PlanVersionId = v.Id, Label = v.Label, StartYear = v.StartYear, EndYear = v.EndYear, Targets = rows, IsAdopted = v.IsAdopted };
        }).ToList();
    }

    /// <summary>
    /// The edit to save: filled rows only, and the map from each sent
    /// target back to its row, so the editor's "Versions[0].Targets[1]" finds the row it means.
    /// </summary>
    public (IndicatorEdit Edit, Func<FieldError, FieldError> ToForm) ToEdit()
    {
        var draft = new IndicatorDraft(
            Code, Name, Description, Unit, Decimals, Direction, Frequency, Aggregation, GenderSplit, Tolerance,
            Validation.Clean(ToleranceKind), TrendMinDifference ?? 0, SourceDescription, KpiId, Validation.Clean(OwnerCommitteeCode), PrimaryAreaId,
            [.. ComparisonAreaIds], Validation.Clean(CountedNoun));
        var rowOf = new List<List<int>>();
        var versions = new List<VersionTargets>();
        foreach (var version in Versions)
        {
            var sent = new List<int>();
            for (var i = 0; i < version.Targets.Count; i++)
            {
                var row = version.Targets[i];
                // A filled K or M row is sent even when the gender split is off, so the editor refuses it by name
                // rather than the row silently disappearing.
                if (!row.IsEmpty)
                {
                    sent.Add(i);
                }
            }

            rowOf.Add(sent);
            versions.Add(new VersionTargets(version.PlanVersionId, sent.Select(i => version.Targets[i].ToDraft(Direction)).ToList()));
        }

        return (new IndicatorEdit(draft, [.. GoalIds], versions, Validation.Clean(AdjustmentReason)), error => Remap(error, rowOf));
    }

    static FieldError Remap(FieldError error, List<List<int>> rowOf)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error.Field, @"^Versions\[(\d+)\]\.Targets\[(\d+)\](.*)$");
        if (!match.Success)
        {
            return error;
        }

        var version = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var sent = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return version < rowOf.Count && sent < rowOf[version].Count
            ? error with { Field = $"Versions[{version}].Targets[{rowOf[version][sent]}]{match.Groups[3].Value}" }
            : error;
    }
}

/// <summary>The målvärden table of one plan version.</summary>
public sealed class VersionForm
{
    public int PlanVersionId { get; set; }
    public string Label { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public List<TargetRow> Targets { get; set; } = [];

    /// <summary>A fastställd version: its målvärden change only as a justering with a reason.</summary>
    public bool IsAdopted { get; set; }
}

/// <summary>One row of a målvärden table: a year, for everyone or for K or M. An empty row is no target.</summary>
public sealed class TargetRow
{
    public int Year { get; set; }
    public string? Gender { get; set; }
    public decimal? Value { get; set; }
    public decimal? BandMin { get; set; }
    public decimal? BandMax { get; set; }
    public decimal? Tolerance { get; set; }
    public string? ToleranceKind { get; set; }
    public string? Provenance { get; set; }
    public bool IsExample { get; set; }

    public bool IsEmpty => Value is null && BandMin is null && BandMax is null && Tolerance is null && string.IsNullOrWhiteSpace(ToleranceKind)
        && string.IsNullOrWhiteSpace(Provenance) && !IsExample;

    public string Who => Gender switch { "K" => "kvinnor", "M" => "män", _ => "totalt" };

    public static TargetRow From(TargetDraft target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new()
        {
            Year = target.Year, Gender = target.Gender is null or "T" ? null : target.Gender, Value = target.Value, BandMin = target.BandMin,
            BandMax = target.BandMax, Tolerance = target.Tolerance, ToleranceKind = target.ToleranceKind, Provenance = target.Provenance,
            IsExample = target.IsExample,
        };
    }

    /// <summary>The target as the direction reads it: a band's limits or a value, not values left in hidden inputs.</summary>
    public TargetDraft ToDraft(Direction? direction) => direction == Core.Plans.Direction.WithinBand
        ? new(Year, Gender, null, BandMin, BandMax, Tolerance, Validation.Clean(ToleranceKind), Provenance, IsExample)
        : new(Year, Gender, Value, direction is null ? BandMin : null, direction is null ? BandMax : null, Tolerance, Validation.Clean(ToleranceKind), Provenance, IsExample);

    public void Clear()
    {
        Value = BandMin = BandMax = Tolerance = null;
        ToleranceKind = Provenance = null;
        IsExample = false;
    }
}
