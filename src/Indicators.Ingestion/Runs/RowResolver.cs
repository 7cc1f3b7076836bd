using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Indicators.Core.Formatting;
using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Core.Plans;
using Indicators.Data.Observations;
using Indicators.Data.Sources;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Runs;

/// <summary>
/// Turns a source's rows into observations, by the same rules for every kind of source (Kolada, PxWeb, files). A row is
/// stored when:
/// <list type="number">
/// <item>its indicator code names an indicator linked to the source (by its code or its Kolada KPI id);</item>
/// <item>its area exists;</item>
/// <item>it fits its indicator (<see cref="Misfit"/>): K and M only for an indicator split by gender; a period of the
/// indicator's frequency — år 2025, tertial 2025-T2, kvartal 2025-Q3, månad 2025-08 — or the delårsperiod jan–aug
/// (2025-JA), which the delårsrapport follows up for every indicator; and a period from <see cref="FirstYear"/> up to
/// the current one in Europe/Stockholm time (a period that has not begun is a typing error or a forecast, not an
/// outcome; one before 1950 is older than any series a region follows up, and more likely a mistyped year);</item>
/// <item>its (indicator, period, area, gender) has not come before.</item>
/// </list>
/// Everything else is rejected with a Swedish reason, so a bad row never silently disappears. A file source applies
/// the same rules to each file before the runner does (<see cref="Sources.Files.FileSourceReader"/>), so that its
/// rejected rows count toward the file's rejected share and name their line.
/// </summary>
public sealed class RowResolver
{
    /// <summary>The first year an outcome may be for.</summary>
    public const int FirstYear = 1950;

    readonly Dictionary<string, SourceIndicator> byCode = new(StringComparer.OrdinalIgnoreCase);
    readonly IReadOnlySet<string> areaIds;
    readonly DateOnly today;

    /// <summary>
    /// Resolves against the source's <paramref name="indicators"/>, the known <paramref name="areaIds"/> and
    /// <paramref name="today"/> in Sweden (<see cref="Today"/>): periods that begin after it are rejected.
    /// </summary>
    public RowResolver(IReadOnlyList<SourceIndicator> indicators, IReadOnlySet<string> areaIds, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(areaIds);
        foreach (var indicator in indicators)
        {
            byCode.TryAdd(indicator.Code, indicator);
            if (!string.IsNullOrWhiteSpace(indicator.KpiId))
            {
                byCode.TryAdd(indicator.KpiId, indicator);
            }
        }

        this.areaIds = areaIds;
        this.today = today;
    }

    /// <summary>Today's date on Sweden's wall clock, which decides which periods have begun.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return SwedishFormat.Date(time.GetUtcNow());
    }

    /// <summary>Resolves the rows as of today in Sweden (the system clock).</summary>
    public static (List<IncomingObservation> Rows, List<SourceProblem> Rejected) Resolve(
        IReadOnlyList<SourceRow> rows, IReadOnlyList<SourceIndicator> indicators, IReadOnlySet<string> areaIds) =>
        new RowResolver(indicators, areaIds, Today(TimeProvider.System)).Resolve(rows);

    /// <summary>The linked indicator a row's code names, by its code or its Kolada KPI id.</summary>
    public bool TryFind(string code, [NotNullWhen(true)] out SourceIndicator? indicator) => byCode.TryGetValue(code, out indicator);

    public bool IsKnownArea(string areaId) => areaIds.Contains(areaId);

    /// <summary>Why <paramref name="row"/> does not fit <paramref name="indicator"/>, and in which field ("kön" or "period"); null when it fits.</summary>
    public (string Field, string Reason)? Misfit(SourceRow row, SourceIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(indicator);
        var period = row.Period;
        if (row.Gender != Gender.T && !indicator.GenderSplit)
        {
            return ("kön", $"indikatorn {indicator.Code} redovisas inte per kön, så värdet för {row.Gender.SwedishName().ToLowerInvariant()} ({row.Gender.ToCode()}) "
                + $"tas inte emot ({period.SwedishName}, område {row.AreaCode})");
        }

        if (period.Kind != PeriodKind.JanuaryToAugust && KindOf(indicator.Frequency) is { } kind && period.Kind != kind)
        {
            return ("period", $"perioden {period.SwedishName} är {ValueName(period.Kind)}, men indikatorn {indicator.Code} har frekvensen "
                + $"{IndicatorDraft.FrequencyName(indicator.Frequency).ToLowerInvariant()}: bara perioder som {Example(kind)} (och jan–aug, 2025-JA) tas emot");
        }

        if (period.Year < FirstYear)
        {
            return ("period", $"perioden {period.SwedishName} ligger före {FirstYear}, längre tillbaka än utfall tas emot");
        }

        var begins = new DateOnly(period.Year, period.LastMonth - period.Months + 1, 1);
        if (begins > today)
        {
            return ("period", $"perioden {period.SwedishName} har inte börjat (i dag är det {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}); "
                + "utfall tas emot till och med innevarande period");
        }

        return null;
    }

    /// <summary>Resolves the rows: the observations to store, and a rejected problem for each row that is not.</summary>
    public (List<IncomingObservation> Rows, List<SourceProblem> Rejected) Resolve(IReadOnlyList<SourceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var resolved = new List<IncomingObservation>(rows.Count);
        var rejected = new List<SourceProblem>();
        var seen = new HashSet<(int, string, string, Gender)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!TryFind(row.IndicatorCode, out var indicator))
            {
                rejected.Add(new SourceProblem(null, "indikator", $"Indikatorn '{row.IndicatorCode}' är inte kopplad till källan."));
                continue;
            }

            if (!IsKnownArea(row.AreaCode))
            {
                rejected.Add(new SourceProblem(null, "område", $"Området '{row.AreaCode}' finns inte ({row.IndicatorCode}, {row.Period.SwedishName})."));
                continue;
            }

            if (Misfit(row, indicator) is var (field, reason))
            {
                rejected.Add(new SourceProblem(null, field, Capitalised(reason) + "."));
                continue;
            }

            var period = row.Period.Code;
            if (!seen.Add((indicator.IndicatorId, period, row.AreaCode, row.Gender)))
            {
                rejected.Add(new SourceProblem(null, null,
                    $"Dubblett: {row.IndicatorCode} {row.Period.SwedishName} område {row.AreaCode} kön {row.Gender} kom mer än en gång; den första behölls."));
                continue;
            }

            resolved.Add(new IncomingObservation(indicator.IndicatorId, period, row.AreaCode, row.Gender, row.Value, row.Status));
        }

        return (resolved, rejected);
    }

    static string Capitalised(string reason) => string.Concat(reason[..1].ToUpperInvariant(), reason.AsSpan(1));

    static PeriodKind? KindOf(string frequency) => frequency switch
    {
        "year" => PeriodKind.Year,
        "tertial" => PeriodKind.Tertial,
        "quarter" => PeriodKind.Quarter,
        "month" => PeriodKind.Month,
        _ => null,
    };

    static string ValueName(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "ett årsvärde",
        PeriodKind.Tertial => "ett tertialvärde",
        PeriodKind.Quarter => "ett kvartalsvärde",
        PeriodKind.Month => "ett månadsvärde",
        _ => "ett värde för jan–aug",
    };

    static string Example(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "2025",
        PeriodKind.Tertial => "2025-T2",
        PeriodKind.Quarter => "2025-Q3",
        _ => "2025-08",
    };
}
