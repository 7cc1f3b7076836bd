using System.Text;
using System.Text.RegularExpressions;
using Indicators.Core.Editing;
using Indicators.Core.Plans;
using Indicators.Core.Sources;

namespace Indicators.Data.PlanCode;

/// <summary>
/// Every rule a plan document must keep before anything is written: the Core drafts' own rules (the same as the editing
/// pages), cron syntax, references by code to committees, indicators and areas, and no duplicates. Each error names the
/// line and column of the value it concerns.
/// </summary>
sealed partial class PlanDocumentRules(ReadDocument read, IReadOnlySet<string> knownAreaIds, CronCheck cronCheck, FolderCheck folderCheck, SettingsCheck settingsCheck)
{
    static readonly IReadOnlyList<string> AreaKinds = ["country", "region", "municipality", "group", "other"];

    readonly List<PlanCodeError> errors = [];
    readonly PlanDocument document = read.Document ?? throw new ArgumentException("Only a document that was read can be checked.", nameof(read));

    public IReadOnlyList<PlanCodeError> Check()
    {
        var plan = document.Plan;
        Draft(plan, new PlanDraft(plan.Name, plan.Vision, plan.StartYear, plan.EndYear).Validate());

        var areaIds = Unique(document.Areas, a => a.Id, "id", id => $"Området {id} finns redan i dokumentet.");
        foreach (var area in document.Areas)
        {
            if (!AreaId().IsMatch(area.Id))
            {
                Error(area, "id", $"'{area.Id}' är inget giltigt område-id (1–20 bokstäver, siffror, - eller _).");
            }

            if (!AreaKinds.Contains(area.Kind))
            {
                Error(area, "kind", $"Okänd sorts område '{area.Kind}': ange {string.Join(", ", AreaKinds)}.");
            }
        }

        areaIds.UnionWith(knownAreaIds);
        CheckArea(plan, "area", plan.Area, areaIds);

        var committees = Unique(document.Committees, c => c.Code, "code", code => $"Nämnden {code} finns redan i dokumentet.");
        foreach (var committee in document.Committees)
        {
            Draft(committee, new CommitteeDraft(committee.Code, committee.Name).Validate());
        }

        var indicators = Unique(document.Indicators, i => i.Code, "code", code => $"Indikatorn {code} finns redan i dokumentet.");
        foreach (var indicator in document.Indicators)
        {
            CheckIndicator(indicator, committees, areaIds);
        }

        var byCode = document.Indicators.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Unique(document.Versions, v => v.Name, "name", name => $"Versionen '{name}' finns redan i dokumentet.");
        foreach (var extra in document.Versions.Where(v => v.Current).Skip(1))
        {
            Error(extra, "current", $"Bara en version kan vara den gällande; '{extra.Name}' är den andra som anger current: true.");
        }

        foreach (var version in document.Versions)
        {
            CheckVersion(version, plan, committees, byCode);
        }

        Unique(document.Sources, s => s.Name, "name", name => $"Källan '{name}' finns redan i dokumentet.");
        foreach (var source in document.Sources)
        {
            CheckSource(source, indicators);
        }

        return errors;
    }

    void CheckIndicator(IndicatorPart indicator, HashSet<string> committees, HashSet<string> areaIds)
    {
        var direction = indicator.Direction switch
        {
            "higher" => Direction.HigherIsBetter,
            "lower" => Direction.LowerIsBetter,
            "band" => Direction.WithinBand,
            _ => (Direction?)null,
        };
        var draft = new IndicatorDraft(
            indicator.Code, indicator.Name, indicator.Description, indicator.Unit, indicator.Decimals, direction, indicator.Frequency,
            indicator.Aggregation, indicator.GenderSplit, indicator.Tolerance, indicator.ToleranceKind, indicator.TrendMinDifference,
            indicator.SourceDescription, indicator.KpiId, indicator.Owner, indicator.PrimaryArea, indicator.ComparisonAreas, indicator.CountedNoun);

        // An unknown direction was already reported by the reader, at its value.
        Draft(indicator, draft.Validate().Where(e => !(e.Field == nameof(IndicatorDraft.Direction) && indicator.Direction.Length > 0)).ToList());
        CheckCommittee(indicator, "owner", indicator.Owner, committees);
        CheckArea(indicator, "primary_area", indicator.PrimaryArea, areaIds);
        foreach (var area in indicator.ComparisonAreas)
        {
            CheckArea(indicator, "comparison_areas", area, areaIds);
        }
    }

    void CheckVersion(VersionPart version, PlanPart plan, HashSet<string> committees, Dictionary<string, IndicatorPart> indicators)
    {
        Draft(version, new PlanVersionDraft(version.Name, version.Kind, version.Author, version.DecidedOn, version.Current).Validate());
        Unique(version.GoalAreas, a => a.Code, "code", code => $"Målområdet {code} finns redan i versionen '{version.Name}'.");
        for (var a = 0; a < version.GoalAreas.Count; a++)
        {
            var area = version.GoalAreas[a];
            Draft(area, new GoalAreaDraft(area.Code, area.Name, area.Description, area.Kind, a + 1).Validate());
            Unique(area.Goals, g => g.Code, "code", code => $"Målet {code} finns redan i målområdet {area.Code}.");
            for (var g = 0; g < area.Goals.Count; g++)
            {
                var goal = area.Goals[g];
                Draft(goal, new GoalDraft(goal.Code, goal.Name, goal.Description, goal.Owner, goal.Contributors, g + 1).Validate());
                CheckCommittee(goal, "owner", goal.Owner, committees);
                foreach (var contributor in goal.Contributors)
                {
                    CheckCommittee(goal, "contributors", contributor, committees);
                }

                foreach (var code in goal.Indicators)
                {
                    CheckIndicatorCode(goal, "indicators", code, indicators);
                }

                foreach (var twice in goal.Indicators.GroupBy(c => c, StringComparer.Ordinal).Where(x => x.Count() > 1))
                {
                    Error(goal, "indicators", $"Indikatorn {twice.Key} står mer än en gång under målet {goal.Code}.");
                }
            }
        }

        foreach (var target in version.Targets)
        {
            CheckIndicatorCode(target, "indicator", target.Indicator, indicators);
        }

        if (version.GoalRule is { } rule)
        {
            CheckGoalRule(version, rule, indicators);
        }

        CheckAssignments(version, committees, indicators);
        CheckActionPlans(version, plan, committees);
        CheckCommitteePlans(version, plan, committees, indicators);

        CheckTargets(version.Targets, plan.StartYear, plan.EndYear, indicators);
    }

    /// <summary>Målvärden by the editor's rules (<see cref="TargetDraft.ValidateAll"/>), per indicator, inside the given years.</summary>
    void CheckTargets(IReadOnlyList<TargetPart> all, int startYear, int endYear, Dictionary<string, IndicatorPart> indicators)
    {
        foreach (var group in all.GroupBy(t => t.Indicator, StringComparer.Ordinal))
        {
            var targets = group.ToList();
            indicators.TryGetValue(group.Key, out var indicator);
            var drafts = targets.Select(t => new TargetDraft(t.Year, t.Gender, t.Value, t.BandMin, t.BandMax, t.Tolerance, t.ToleranceKind, t.Provenance, t.Example)).ToList();
            var direction = indicator?.Direction switch
            {
                "higher" => Direction.HigherIsBetter,
                "lower" => Direction.LowerIsBetter,
                "band" => Direction.WithinBand,
                _ => (Direction?)null,
            };
            foreach (var error in TargetDraft.ValidateAll(drafts, startYear, endYear, direction, indicator?.GenderSplit ?? false))
            {
                // "Targets[2].BandMin": the third target of this indicator, its band_min.
                var match = IndexedField().Match(error.Field);
                var part = match.Success ? targets[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] : targets[0];
                Error(part, match.Success ? KeyOf(match.Groups[2].Value) : "", $"Indikatorn {group.Key}: {error.Message}");
            }
        }
    }

    /// <summary>The same rules as the plan page's goal rule form: the shares, and a weight per indicator of the version's goals.</summary>
    void CheckGoalRule(VersionPart version, GoalRulePart rule, Dictionary<string, IndicatorPart> indicators)
    {
        Draft(rule, new Core.Attainment.GoalRule(rule.MetShare, rule.NotMetShare).Validate());
        Unique(rule.Weights, w => w.Indicator, "indicator", code => $"Indikatorn {code} har redan en vikt i versionen '{version.Name}'.");
        var linked = version.GoalAreas.SelectMany(a => a.Goals).SelectMany(g => g.Indicators).ToHashSet(StringComparer.Ordinal);
        foreach (var weight in rule.Weights)
        {
            CheckIndicatorCode(weight, "indicator", weight.Indicator, indicators);
            if (indicators.ContainsKey(weight.Indicator) && !linked.Contains(weight.Indicator))
            {
                Error(weight, "indicator", $"Indikatorn {weight.Indicator} har en vikt men följer inte upp något mål i versionen '{version.Name}'.");
            }

            if (Core.Attainment.GoalRule.WeightError(weight.Weight, weight.Indicator) is { } message)
            {
                Error(weight, "weight", message);
            }
        }
    }

    void CheckSource(SourcePart source, HashSet<string> indicators)
    {
        // The same rules as the source form: name, kind, time zone, crons as the scheduler reads them, settings (a file
        // source's folder inside the roots, its pattern a file-name glob; each kind's settings record's rules, through
        // the settings check the ingestion side supplies, so a PxWeb source without a table gets the form's message).
        Draft(source, new SourceDraft(source.Name, source.Kind, source.Cron, source.FullRefreshCron, source.TimeZone, source.Enabled, source.Settings, [])
            .Validate(cronCheck, folderCheck, settingsCheck));
        foreach (var code in source.Indicators)
        {
            if (!indicators.Contains(code))
            {
                Error(source, "indicators", $"Källan '{source.Name}' länkar till indikatorn {code}, som inte finns bland dokumentets indikatorer.");
            }
        }
    }

    void CheckCommittee(object part, string key, string? code, HashSet<string> committees)
    {
        if (code is not null && !committees.Contains(code))
        {
            Error(part, key, $"Okänd nämnd '{code}': den finns inte under committees i dokumentet.");
        }
    }

    void CheckArea(object part, string key, string id, HashSet<string> areas)
    {
        if (id.Length > 0 && !areas.Contains(id))
        {
            Error(part, key, $"Okänt område '{id}': det finns varken under areas i dokumentet eller i systemet.");
        }
    }

    void CheckIndicatorCode(object part, string key, string code, Dictionary<string, IndicatorPart> indicators)
    {
        if (code.Length > 0 && !indicators.ContainsKey(code))
        {
            Error(part, key, $"Okänd indikator '{code}': den finns inte under indicators i dokumentet.");
        }
    }

    /// <summary>The keys of <paramref name="parts"/>, reporting each repeat at the repeated part.</summary>
    HashSet<string> Unique<T>(IEnumerable<T> parts, Func<T, string> key, string yamlKey, Func<string, string> message)
        where T : notnull
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (!seen.Add(key(part)))
            {
                Error(part, yamlKey, message(key(part)));
            }
        }

        return seen;
    }

    /// <summary>A draft's errors, each at the value of the key its property is written as.</summary>
    void Draft(object part, IReadOnlyList<FieldError> fieldErrors)
    {
        foreach (var error in fieldErrors)
        {
            Error(part, KeyOf(error.Field), error.Message);
        }
    }

    void Error(object part, string key, string message)
    {
        var where = read.MarksOf(part).Of(key);
        errors.Add(new PlanCodeError(where.Line, where.Column, message));
    }

    /// <summary>A draft's property as the document's key: snake case, with the few names the document shortens.</summary>
    static string KeyOf(string property) => property switch
    {
        nameof(IndicatorDraft.OwnerCommitteeCode) or nameof(GoalDraft.OwnerCommitteeCode) => "owner",
        nameof(IndicatorDraft.PrimaryAreaId) => "primary_area",
        nameof(IndicatorDraft.ComparisonAreaIds) => "comparison_areas",
        nameof(GoalDraft.ContributorCodes) => "contributors",
        nameof(PlanVersionDraft.IsCurrent) => "current",
        nameof(TargetDraft.IsExample) => "example",
        SourceDraft.FolderField or SourceDraft.PatternField => "settings",
        _ => SnakeCase(property),
    };

    static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return snake.ToString();
    }

    [GeneratedRegex(@"^Targets\[(\d+)\]\.(\w+)$")]
    private static partial Regex IndexedField();

    [GeneratedRegex("^[0-9A-Za-z_-]{1,20}$")]
    private static partial Regex AreaId();
}
