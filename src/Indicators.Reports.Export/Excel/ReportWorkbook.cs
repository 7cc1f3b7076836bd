using Indicators.Core.Attainment;
using Indicators.Core.Reports;
using T = Indicators.Reports.Export.ReportExportTexts;

namespace Indicators.Reports.Export.Excel;

/// <summary>
/// A report as an Excel workbook in Swedish, every table of it: "Sammanfattning" (what the report is, its state and the
/// goals counted by assessment), "Mål" (each goal's suggested and own assessment with the nämnd's texts) and "Indikatorer"
/// (each indicator with målvärde, utfall as a number, status, trend, K/M, forecast and comment).
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static readonly string[] InterimGoalColumns = ["Delårsrapportens bedömning", "Delårsrapportens bedömning avser"];
    static readonly string[] RegionGoalColumns = ["Nämndens rapport"];
    static readonly string[] ForecastColumns = ["Prognos helår", "Prognosmetod", "Prognosstatus"];
    static readonly string[] InterimForecastColumns = ["Delårsrapportens prognos", "Avvikelse mot prognos", "Delårsprognosens status"];

    /// <summary>
    /// The workbook of a report; for a finalised nämnd's report with its <paramref name="revision"/> (today's data against
    /// the frozen figures) the summary says whether data has been revised since, and a sheet "Revideringar" lists each change.
    /// </summary>
    public static byte[] Create(ReportDocument document, ReportRevision? revision = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        List<ExcelSheet> sheets = [Summary(document, revision), Goals(document), Indicators(document)];
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
            sheet.Add(
                ExcelCell.Of(change.GoalCode),
                ExcelCell.Wrapped(change.IndicatorName),
                ExcelCell.Of(change.What),
                ExcelCell.Of(change.PeriodBefore ?? ""),
                ExcelCell.Of(change.Before, change.Decimals),
                ExcelCell.Of(change.PeriodNow ?? ""),
                ExcelCell.Of(change.Now, change.Decimals),
                ExcelCell.Of(change.Change, change.Decimals),
                ExcelCell.Of(change.StatusBefore.Label()),
                ExcelCell.Of(change.StatusNow.Label()),
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
        var sheet = new ExcelSheet("Indikatorer");
        sheet.AddHeader([
            "Målområde", "Mål", "Indikator", "Enhet", "Målvärde", "Utfall", "Period", "Status", "Trend", "Kvinnor", "Män",
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
                    sheet.Rows.Add(IndicatorRow(kind, area, goal, indicator));
                }
            }
        }

        sheet.MaxWidths[0] = 30;
        sheet.MaxWidths[2] = 45;
        sheet.MaxWidths[11] = 35;
        sheet.MaxWidths[sheet.Rows[0].Count - 1] = 50;
        return sheet;
    }

    static List<ExcelCell> IndicatorRow(ReportKind kind, ReportArea area, ReportGoal goal, ReportIndicator indicator)
    {
        var decimals = indicator.Decimals;
        var cells = new List<ExcelCell>
        {
            ExcelCell.Wrapped(T.Area(area)),
            ExcelCell.Of(goal.Code),
            ExcelCell.Wrapped(indicator.Name),
            ExcelCell.Of(indicator.Unit),
            ExcelCell.Of(T.Target(indicator)),
            ExcelCell.Of(indicator.Outcome, decimals),
            ExcelCell.Of(T.OutcomePeriod(indicator)),
            ExcelCell.Of(indicator.Status.Label()),
            ExcelCell.Of(T.Trend(indicator.Trend)),
            ExcelCell.Of(indicator.Women, decimals),
            ExcelCell.Of(indicator.Men, decimals),
            ExcelCell.Wrapped(indicator.GenderNote),
        };
        if (kind == ReportKind.Interim)
        {
            var forecast = indicator.Forecast;
            cells.Add(ExcelCell.Of(forecast?.Value, decimals));
            cells.Add(ExcelCell.Wrapped(forecast?.Method?.SwedishName() ?? ""));
            cells.Add(ExcelCell.Of(forecast is null ? "" : forecast.Status.Label()));
        }
        else
        {
            var interim = indicator.InterimForecast;
            cells.Add(ExcelCell.Of(interim?.Value, decimals));
            cells.Add(ExcelCell.Of(indicator.Outcome - interim?.Value, decimals));
            cells.Add(ExcelCell.Of(interim is null ? "" : interim.Status.Label()));
        }

        cells.Add(ExcelCell.Wrapped(indicator.Comment.Text));
        return cells;
    }
}
