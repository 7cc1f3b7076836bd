using Indicators.Core.Formatting;
using System.Globalization;
using Indicators.Core.Observations;
using Indicators.Core.Periods;

namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// The row rules, the same for every file format: resolves the mapping against the header, turns each data row into a
/// <see cref="SourceRow"/> or rejects it with its line, column and a Swedish reason, and applies the rejected-share rule.
/// </summary>
internal sealed class RowCollector
{
    const int ProblemsInMessage = 5;
    static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    readonly FileMapping mapping;
    readonly string fileName;
    readonly DecimalMark decimalMark;
    readonly IReadOnlyList<string> header;
    readonly int indicator;
    readonly int period;
    readonly int area;
    readonly int gender;
    readonly int value;
    readonly int status;
    readonly int[] mapped;
    readonly List<SourceRow> rows = [];
    readonly List<int> rowLines = [];
    readonly List<int> badColumns = [];
    readonly List<SourceProblem> rejected = [];
    readonly Dictionary<(string Indicator, Period Period, string Area, Gender Gender), int> lineOf = [];
    readonly List<SourceProblem> rowProblems = [];
    IReadOnlyList<string?> fieldsOfRow = [];
    string? lastIndicator;
    string? lastArea;
    int dataRows;
    int rejectedRows;

    public RowCollector(FileMapping mapping, IReadOnlyList<string> header, string fileName, DecimalMark decimalMark)
    {
        if (mapping.MaxRejectedShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(mapping), mapping.MaxRejectedShare, "MaxRejectedShare must be 0–1.");
        }

        this.mapping = mapping;
        this.fileName = fileName;
        this.decimalMark = decimalMark;
        this.header = header;
        indicator = mapping.FixedIndicatorCode is null ? Require(mapping.IndicatorColumn, "indikator") : -1;
        period = Require(mapping.PeriodColumn, "period");
        area = mapping.FixedAreaCode is null ? Require(mapping.AreaColumn, "område") : -1;
        gender = mapping.GenderColumn is null ? -1 : Require(mapping.GenderColumn, "kön");
        value = Require(mapping.ValueColumn, "värde");
        status = mapping.StatusColumn is null ? -1 : Require(mapping.StatusColumn, "status");
        mapped = new[] { indicator, period, area, gender, value, status }.Where(c => c >= 0).Distinct().ToArray();
    }

    public int ColumnCount => header.Count;

    public int ValueColumn => value;

    /// <summary>Whether the column is one the mapping reads; a problem in another column does not touch the row.</summary>
    public bool IsMapped(int column) => Array.IndexOf(mapped, column) >= 0;

    /// <summary>A row that cannot even be split into the header's columns.</summary>
    public void RejectRow(int line, string reason)
    {
        dataRows++;
        rejectedRows++;
        rejected.Add(new SourceProblem(line, null, reason));
    }

    /// <summary>
    /// Reads one data row. <paramref name="numericValue"/> is the value when the file stores it as a number (a workbook
    /// cell); otherwise the value column's text is parsed with the file's decimal mark. <paramref name="cellProblems"/> are
    /// what the file format found wrong with cells of the row (a formula never calculated), each a reason to reject it.
    /// </summary>
    public void Add(int line, IReadOnlyList<string?> fields, decimal? numericValue = null, IReadOnlyList<(int Column, string Reason)>? cellProblems = null)
    {
        dataRows++;
        fieldsOfRow = fields;
        rowProblems.Clear();
        badColumns.Clear();
        foreach (var (column, reason) in cellProblems ?? [])
        {
            if (IsMapped(column))
            {
                Bad(line, column, reason);
            }
        }

        // Text PostgreSQL cannot store (NUL) is refused here, in every mapped field, so that it never reaches a stored code or value.
        foreach (var column in mapped)
        {
            var text = column < fields.Count ? fields[column] : null;
            var at = text is null ? -1 : StorableText.IndexOfUnstorable(text);
            if (at >= 0 && !badColumns.Contains(column))
            {
                Bad(line, column, $"'{Quote(text!)}' innehåller {StorableText.Describe(text, at)}, som inte kan sparas");
            }
        }

        var indicatorCode = indicator < 0 ? mapping.FixedIndicatorCode! : Text(fields, indicator);
        if (indicatorCode.Length == 0 && !badColumns.Contains(indicator))
        {
            Problem(line, indicator, "indikatorn saknas");
        }

        var areaCode = area < 0 ? mapping.FixedAreaCode! : Text(fields, area);
        if (areaCode.Length == 0 && !badColumns.Contains(area))
        {
            Problem(line, area, "området saknas");
        }

        var periodText = Text(fields, period);
        if (!PeriodSpellings.TryParse(periodText, out var parsedPeriod) && !badColumns.Contains(period))
        {
            Problem(line, period, periodText.Length == 0
                ? "perioden saknas"
                : $"'{Quote(periodText)}' är ingen period (t.ex. 2025, 2025-T2, 2025-Q3, 2025-08 eller 2025-JA)");
        }

        var parsedGender = Gender.T;
        if (gender >= 0 && !badColumns.Contains(gender))
        {
            var genderText = Text(fields, gender);
            if (!FileValues.TryParseGender(genderText, out parsedGender))
            {
                Problem(line, gender, genderText.Length == 0 ? "kön saknas" : $"'{Quote(genderText)}' är inget kön (T, K eller M)");
            }
        }

        decimal? parsedValue = numericValue;
        if (parsedValue is null && !badColumns.Contains(value))
        {
            var valueText = Text(fields, value);
            if (!FileValues.IsMissingMarker(valueText))
            {
                if (NumberText.TryParse(valueText, decimalMark, out var number))
                {
                    parsedValue = number;
                }
                else
                {
                    Problem(line, value, FileValues.IsUnstorableNumber(valueText, decimalMark) ? FileValues.UnstorableNumber(valueText) : $"'{Quote(valueText)}' är inte ett tal");
                }
            }
        }

        var parsedStatus = parsedValue is null ? ObservationStatus.Missing : ObservationStatus.Ok;
        if (status >= 0 && !badColumns.Contains(status))
        {
            var statusText = Text(fields, status);
            if (statusText.Length > 0)
            {
                if (!FileValues.TryParseStatus(statusText, out var given))
                {
                    Problem(line, status, $"'{Quote(statusText)}' är ingen status (ok, missing, suppressed, not_published eller retracted)");
                }
                else if (given != ObservationStatus.Ok && parsedValue is not null)
                {
                    // Only Ok carries a value: a suppressed value that is still there is a contradiction, not something to guess about.
                    Problem(line, status, $"status '{Quote(statusText)}' men värdet {parsedValue.Value.ToString(Swedish)} finns; bara status ok har ett värde");
                }
                else if (given != ObservationStatus.Ok)
                {
                    parsedStatus = given;
                }
            }
        }

        if (rowProblems.Count == 0)
        {
            // Files repeat the same codes row after row; sharing the string keeps a million-row file's memory down.
            indicatorCode = lastIndicator == indicatorCode ? lastIndicator : lastIndicator = indicatorCode;
            areaCode = lastArea == areaCode ? lastArea : lastArea = areaCode;
            var key = (indicatorCode, parsedPeriod, areaCode, parsedGender);
            if (lineOf.TryGetValue(key, out var earlier))
            {
                Problem(line, -1, $"samma indikator, period, område och kön som rad {earlier}");
            }
            else
            {
                lineOf.Add(key, line);
                rows.Add(new SourceRow(indicatorCode, parsedPeriod, areaCode, parsedGender, parsedValue, parsedStatus));
                rowLines.Add(line);
                return;
            }
        }

        rejectedRows++;
        rejected.AddRange(rowProblems);
    }

    /// <summary>
    /// Applies the rejected-share rule: throws when the file as a whole is not usable. A run's reader leaves the rule to
    /// itself (<paramref name="applyShareRule"/> false), since it counts more rows against it and quarantines the file.
    /// </summary>
    public SourceReadResult Finish(bool applyShareRule = true)
    {
        if (dataRows == 0)
        {
            throw new SourceReadException($"'{fileName}' har inga datarader under rubrikraden.");
        }

        if (applyShareRule && (rows.Count == 0 || rejectedRows > mapping.MaxRejectedShare * dataRows))
        {
            var first = string.Join("; ", rejected.Take(ProblemsInMessage).Select(Describe));
            throw new SourceReadException(
                $"{rejectedRows} av {SwedishFormat.Count(dataRows, "datarad", "datarader")} i '{fileName}' avvisades, fler än de {mapping.MaxRejectedShare.ToString("P0", Swedish)} som tillåts; "
                + $"inget lästes in. Första problemen: {first}");
        }

        return new SourceReadResult(rows, [], rejected) { RowLines = rowLines };
    }

    static string Describe(SourceProblem problem) =>
        problem.Column is null ? $"rad {problem.Row}: {problem.Reason}" : $"rad {problem.Row}, kolumn '{problem.Column}': {problem.Reason}";

    void Problem(int line, int column, string reason) =>
        rowProblems.Add(new SourceProblem(line, column >= 0 ? header[column] : null, reason)
        {
            Value = column >= 0 && column < fieldsOfRow.Count ? fieldsOfRow[column] : null,
        });

    /// <summary>A problem that makes the column's content unusable: the column's own checks are skipped, so the row gets one reason for it.</summary>
    void Bad(int line, int column, string reason)
    {
        Problem(line, column, reason);
        badColumns.Add(column);
    }

    /// <summary>A field's text as a reason quotes it: at most 40 characters, printable.</summary>
    static string Quote(string text) => StorableText.Excerpt(text, 40);

    static string Text(IReadOnlyList<string?> fields, int column) =>
        column < fields.Count ? fields[column]?.Trim() ?? "" : "";

    int Require(string? column, string what)
    {
        if (string.IsNullOrWhiteSpace(column))
        {
            throw new ArgumentException($"The mapping names no column for {what} and no fixed code.", nameof(column));
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        // The header is quoted only when the file is a table, and bounded: this message reaches every role's run page.
        throw new SourceReadException(HeaderColumns.IsTable(header)
            ? $"Kolumnen '{column}' ({what}) saknas i '{fileName}'. Kolumner som finns: {HeaderColumns.List(header)}."
            : $"Kolumnen '{column}' ({what}) saknas i '{fileName}': {HeaderColumns.NoTable}.");
    }
}
