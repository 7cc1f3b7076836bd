using System.Globalization;
using Indicators.Core.Observations;
using Indicators.Core.Periods;

namespace Indicators.Data.Demo;

/// <summary>A row of the demo plan's outcome files, before the indicator code is resolved.</summary>
public sealed record DemoOutcome(string IndicatorCode, string Period, string AreaId, Gender Gender, decimal? Value, ObservationStatus Status);

/// <summary>
/// Reads the demo outcome files (semicolon separated, decimal comma, header
/// indicator;period;area;gender;value;status). The general file source replaces this once it exists.
/// </summary>
public static class DemoOutcomesCsv
{
    static readonly string[] Header = ["indicator", "period", "area", "gender", "value", "status"];

    public static IReadOnlyList<DemoOutcome> Parse(string fileName, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || !lines[0].TrimStart('\uFEFF').Split(';').SequenceEqual(Header))
        {
            throw new FormatException($"{fileName}: rad 1 ska vara rubriken {string.Join(';', Header)}.");
        }

        var rows = new List<DemoOutcome>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var lineNumber = i + 1;
            var fields = lines[i].Split(';');
            if (fields.Length != Header.Length)
            {
                throw new FormatException($"{fileName} rad {lineNumber}: {fields.Length} fält, väntade {Header.Length}.");
            }

            if (!Period.TryParse(fields[1], out var period))
            {
                throw new FormatException($"{fileName} rad {lineNumber}, kolumn period: '{fields[1]}' är ingen period.");
            }

            if (!GenderCodes.TryParse(fields[3], out var gender))
            {
                throw new FormatException($"{fileName} rad {lineNumber}, kolumn gender: '{fields[3]}' är inte T, K eller M.");
            }

            if (!ObservationStatusCodes.TryParse(fields[5], out var status))
            {
                throw new FormatException($"{fileName} rad {lineNumber}, kolumn status: okänd status '{fields[5]}'.");
            }

            decimal? value = null;
            if (fields[4].Length > 0)
            {
                if (!decimal.TryParse(fields[4].Replace('−', '-'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.GetCultureInfo("sv-SE"), out var parsed))
                {
                    throw new FormatException($"{fileName} rad {lineNumber}, kolumn value: '{fields[4]}' är inget tal.");
                }

                value = parsed;
            }

            if ((status == ObservationStatus.Ok) != value.HasValue)
            {
                throw new FormatException($"{fileName} rad {lineNumber}: status '{fields[5]}' stämmer inte med värdet '{fields[4]}'.");
            }

            rows.Add(new DemoOutcome(fields[0], period.Code, fields[2], gender, value, status));
        }

        return rows;
    }
}
