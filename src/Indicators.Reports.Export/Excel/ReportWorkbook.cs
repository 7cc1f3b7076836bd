using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using T = Indicators.Reports.Export.ReportExportTexts;

namespace Indicators.Reports.Export.Excel;

/// <summary>
/// A report as an Excel workbook in Swedish, every table of it: "Sammanfattning" (what the report is, its state and the
/// goals counted by assessment), "Mål" (each goal's suggested and own assessment with the nämnd's texts) and "Indikatorer"
/// (each indicator with målvärde, utfall, the difference, status, trend, K/M, forecast and comment; every figure a number).
/// </summary>
public static partial class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static readonly string[] InterimGoalColumns = ["Delårsrapportens bedömning", "Delårsrapportens bedömning avser"];
    static readonly string[] RegionGoalColumns = ["Nämndens rapport"];
    static readonly string[] TargetColumns = ["Målvärde"];
    static readonly string[] BandColumns = ["Målintervall från", "Målintervall till"];
    static readonly string[] ForecastColumns = ["Prognos helår", "Prognosens avvikelse mot målvärde", "Prognosmetod", "Prognosstatus"];
    static readonly string[] InterimForecastColumns = ["Delårsrapportens prognos", "Avvikelse mot prognos", "Delårsprognosens status"];

    /// <summary>
    /// The workbook of a report; for a submitted or finalised nämnd's report with its <paramref name="revision"/> (today's
    /// data and plan against its stored figures) the summary says whether data has been revised since, and a sheet "Revideringar" lists each change.
    /// </summary>
    public static byte[] Create(ReportDocument document, ReportRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        List<ExcelSheet> sheets = [Summary(document, revision), Goals(document), Indicators(document), .. SubGoals(document), .. AssignmentSheet.For(document)];
        AddActionPlans(sheets, document);
        if (revision is { HasChanges: true })
        {
            sheets.Add(Revisions(revision));
        }

        return ExcelWriter.Write(sheets);
    }

    static ExcelSheet Revisions(ReportRevision revision)
    {
        var sheet = new ExcelSheet("Revideringar");
        sheet.AddHeader("Mål", "Indikator", "Uppgift", "Period då", "Värde då", "Period nu", "Värde nu", "Ändring", "Status då", "Status nu", "Beskrivning");
        foreach (var change in revision.Changes)
        {
            var shown = new ExcelNumberFormat(change.Decimals, change.Unit);
            var before = change.Before is { } b ? shown.Round(b) : (decimal?)null;
            var now = change.Now is { } n ? shown.Round(n) : (decimal?)null;
            sheet.Add(
                ExcelCell.Of(change.GoalCode),
                ExcelCell.Wrapped(change.IndicatorName),
                ExcelCell.Of(change.What),
                ExcelCell.Of(change.PeriodBefore ?? ""),
                ExcelCell.Of(before, shown),
                ExcelCell.Of(change.PeriodNow ?? ""),
                ExcelCell.Of(now, shown),
                ExcelCell.Of(change.Change is null ? null : now - before, ExcelNumberFormat.Difference(change.Decimals, change.Unit)),
                ExcelCell.Of(change.HasStatus ? change.StatusBefore.Label() : ""),
                ExcelCell.Of(change.HasStatus ? change.StatusNow.Label() : ""),
                ExcelCell.Wrapped(change.Describe()));
        }

        sheet.MaxWidths[1] = 45;
        return sheet;
    }

    static ExcelSheet Summary(ReportDocument document, ReportRevision? revision)
    {
        var header = document.Header;
        var sheet = new ExcelSheet("Sammanfattning");
        sheet.Add(ExcelCell.Of(header.Title, ExcelStyle.Title));
        sheet.Add();
        sheet.Add(ExcelCell.Of("Plan", ExcelStyle.Bold), ExcelCell.Of(header.PlanName));
        sheet.Add(ExcelCell.Of("Planversion", ExcelStyle.Bold), ExcelCell.Of(header.VersionName));
        sheet.Add(ExcelCell.Of(header.IsRegion ? "Organisation" : "Nämnd", ExcelStyle.Bold), ExcelCell.Of(T.Committee(header)));
        sheet.Add(ExcelCell.Of("Status", ExcelStyle.Bold), ExcelCell.Of(header.State.SwedishName()));
        sheet.Add(ExcelCell.Of("Fastställd", ExcelStyle.Bold), ExcelCell.Of(T.Finalised(header)));
        if (header.Decision is { } decision)
        {
            sheet.Add(ExcelCell.Of("Beslut", ExcelStyle.Bold), ExcelCell.Of(decision.Text));
        }

        sheet.Add(ExcelCell.Of("Uppgifterna lästa", ExcelStyle.Bold), ExcelCell.Of(T.Time(header.DataReadAt)));
        if (revision is not null)
        {
            sheet.Add(ExcelCell.Of("Revidering", ExcelStyle.Bold), ExcelCell.Wrapped(revision.Summary));
        }
        sheet.Add();
        sheet.Add(ExcelCell.Of("Bedömning", ExcelStyle.Header), ExcelCell.Of("Nämndens bedömning (antal mål)", ExcelStyle.Header),
            ExcelCell.Of("Föreslagen bedömning (antal mål)", ExcelStyle.Header));
        foreach (var (label, own, suggested) in T.AssessmentCounts(document))
        {
            var isNotAssessed = label == T.NotAssessed;
            sheet.Add(ExcelCell.Of(label), ExcelCell.Of(own, 0), isNotAssessed ? ExcelCell.Empty : ExcelCell.Of(suggested, 0));
        }

        sheet.MaxWidths[0] = 22;
        sheet.MaxWidths[1] = 40;
        sheet.MaxWidths[2] = 40;
        return sheet;
    }

    static ExcelSheet Goals(ReportDocument document)
    {
        var annual = document.Header.Kind == ReportKind.Annual;
        var sheet = new ExcelSheet("Mål");
        sheet.AddHeader([
            "Målområde", "Mål", "Målets namn", "Ansvarig nämnd", "Föreslagen bedömning", "Förklaring", "Nämndens bedömning",
            "Motivering", "Analys", "Åtgärder",
            .. annual ? InterimGoalColumns : [],
            .. document.Header.IsRegion ? RegionGoalColumns : [],
        ]);
        foreach (var area in document.Areas)
        {
            foreach (var goal in area.Goals)
            {
                var cells = new List<ExcelCell>
                {
                    ExcelCell.Wrapped(T.Area(area)),
                    ExcelCell.Of(goal.Code),
                    ExcelCell.Wrapped(goal.Name),
                    ExcelCell.Wrapped(goal.CommitteeName ?? ""),
                    ExcelCell.Of(T.Assessment(goal.Suggested)),
                    ExcelCell.Wrapped(goal.SuggestedExplanation),
                    ExcelCell.Of(T.Assessment(goal.Texts.Assessed)),
                    ExcelCell.Wrapped(goal.Texts.Motivation),
                    ExcelCell.Wrapped(goal.Texts.Analysis),
                    ExcelCell.Wrapped(goal.Texts.Actions),
                };
                if (annual)
                {
                    cells.Add(ExcelCell.Of(goal.InterimAssessment is { } interim ? T.Assessment(interim.Assessment) : T.None));
                    cells.Add(ExcelCell.Wrapped(goal.InterimAssessment is { } source ? T.InterimSource(source) : ""));
                }

                if (document.Header.IsRegion)
                {
                    cells.Add(ExcelCell.Of(goal.CommitteeReportState is { } state ? state.SwedishName() : T.None));
                }

                sheet.Rows.Add(cells);
            }
        }

        sheet.MaxWidths[0] = 30;
        sheet.MaxWidths[2] = 40;
        sheet.MaxWidths[3] = 30;
        sheet.MaxWidths[11] = 30;
        return sheet;
    }

    static ExcelSheet Indicators(ReportDocument document)
    {
        var kind = document.Header.Kind;
        var indicators = document.Goals.SelectMany(g => g.Indicators).ToList();
        var bands = indicators.Any(i => i.Target is { IsBand: true });
        var points = indicators.Any(i => i.Target is not { IsBand: true });
        var sheet = new ExcelSheet("Indikatorer");
        sheet.AddHeader([
            "Målområde", "Mål", "Indikator", "Enhet",
            .. points ? TargetColumns : [],
            .. bands ? BandColumns : [],
            "Målvärdet är ett exempel", "Utfall", "Avvikelse mot målvärde", "Period", "Status", "Trend", "Kvinnor", "Män",
            "Anmärkning K/M",
            .. kind == ReportKind.Interim ? ForecastColumns : [],
            .. kind == ReportKind.Annual ? InterimForecastColumns : [],
            "Kommentar",
        ]);
        foreach (var area in document.Areas)
        {
            foreach (var goal in area.Goals)
            {
                foreach (var indicator in goal.Indicators)
                {
                    sheet.Rows.Add(IndicatorRow(kind, area, goal, indicator, points, bands));
                }
            }
        }

        var headers = sheet.Rows[0].Select(c => c.Text).ToList();
        sheet.MaxWidths[0] = 30;
        sheet.MaxWidths[2] = 45;
        sheet.MaxWidths[headers.IndexOf("Anmärkning K/M")] = 35;
        sheet.MaxWidths[headers.Count - 1] = 50;
        return sheet;
    }

    /// <summary>
    /// An indicator's row. Every figure is a number rounded to the indicator's decimals and shown with its unit
    /// (<see cref="ExcelNumberFormat"/>); a difference is taken between the figures as shown, so the sheet adds up, and is
    /// signed, in procentenheter for a percentage. A målvärde is a value, or a band in the columns of its own.
    /// </summary>
    static List<ExcelCell> IndicatorRow(ReportKind kind, ReportArea area, ReportGoal goal, ReportIndicator indicator, bool points, bool bands)
    {
        var shown = new ExcelNumberFormat(indicator.Decimals, indicator.Unit);
        var difference = ExcelNumberFormat.Difference(indicator.Decimals, indicator.Unit);
        decimal? Round(decimal? value) => value is { } v ? shown.Round(v) : null;
        var target = indicator.Target is { } t
            ? t with { Value = Round(t.Value), BandMin = Round(t.BandMin), BandMax = Round(t.BandMax) }
            : null;
        var outcome = Round(indicator.Outcome);
        var cells = new List<ExcelCell>
        {
            ExcelCell.Wrapped(T.Area(area)),
            ExcelCell.Of(goal.Code),
            ExcelCell.Wrapped(indicator.Name),
            ExcelCell.Of(indicator.Unit),
        };
        if (points)
        {
            // A report frozen before målvärden were kept as numbers has only their text.
            cells.Add(target is { IsBand: false } ? ExcelCell.Of(target.Value, shown)
                : target is null && indicator.TargetText.Length > 0 ? ExcelCell.Of(indicator.TargetText)
                : ExcelCell.Empty);
        }

        if (bands)
        {
            cells.Add(target is { IsBand: true } ? ExcelCell.Of(target.BandMin, shown) : ExcelCell.Empty);
            cells.Add(target is { IsBand: true } ? ExcelCell.Of(target.BandMax, shown) : ExcelCell.Empty);
        }

        cells.AddRange(
            ExcelCell.Of(target is null ? "" : target.IsExample ? "Ja" : "Nej"),
            ExcelCell.Of(outcome, shown),
            ExcelCell.Of(target?.Difference(outcome), difference),
            ExcelCell.Of(T.OutcomePeriod(indicator)),
            ExcelCell.Of(indicator.Status.Label()),
            ExcelCell.Of(T.Trend(indicator.Trend)),
            ExcelCell.Of(indicator.Women, shown),
            ExcelCell.Of(indicator.Men, shown),
            ExcelCell.Wrapped(indicator.GenderNote));
        if (kind == ReportKind.Interim)
        {
            var forecast = indicator.Forecast;
            cells.Add(ExcelCell.Of(forecast?.Value, shown));
            cells.Add(ExcelCell.Of(target?.Difference(Round(forecast?.Value)), difference));
            cells.Add(ExcelCell.Wrapped(forecast?.Method?.SwedishName() ?? ""));
            cells.Add(ExcelCell.Of(forecast is null ? "" : forecast.Status.Label()));
        }
        else
        {
            var interim = Round(indicator.InterimForecast?.Value);
            cells.Add(ExcelCell.Of(interim, shown));
            cells.Add(ExcelCell.Of(outcome - interim, difference));
            cells.Add(ExcelCell.Of(indicator.InterimForecast is { } made ? made.Status.Label() : ""));
        }

        cells.Add(ExcelCell.Wrapped(indicator.Comment.Text));
        return cells;
    }
}
