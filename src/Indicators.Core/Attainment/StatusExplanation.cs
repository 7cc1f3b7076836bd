using System.Globalization;
using Indicators.Core.Formatting;
using Indicators.Core.Periods;
using Indicators.Core.Plans;

namespace Indicators.Core.Attainment;

/// <summary>
/// The Swedish sentence behind a status, e.g.
/// "Ej uppnått: utfall 71,2 % mot målvärde 80,0 %, 8,8 procentenheter under; delvis-gräns 5,0 procentenheter."
/// </summary>
static class StatusExplanation
{
    internal static string For(
        IndicatorRule indicator,
        Period period,
        AttainmentStatus status,
        decimal value,
        Target annual,
        Target target,
        bool proRated,
        decimal toleranceAmount,
        Tolerance tolerance)
    {
        var targetText = target.IsBand
            ? $"målintervall {SwedishFormat.Number(target.Min, indicator.Decimals)}–{indicator.FormatValue(target.Max)}"
            : $"målvärde {indicator.FormatValue(target.Value)}";
        if (proRated)
        {
            var annualText = annual.IsBand
                ? $"{SwedishFormat.Number(annual.Min, indicator.Decimals)}–{indicator.FormatValue(annual.Max)}"
                : indicator.FormatValue(annual.Value);
            targetText += $" (helårsmål {annualText} × {period.Months.ToString(CultureInfo.InvariantCulture)}/12)";
        }

        var position = Position(indicator, value, target);
        var text = $"{status.SwedishName()}: utfall {indicator.FormatValue(value)} mot {targetText}, {position}";
        if (toleranceAmount > 0)
        {
            text += $"; delvis-gräns {indicator.FormatDifference(toleranceAmount)}";
            if (tolerance.Kind == ToleranceKind.Relative)
            {
                text += $" ({SwedishFormat.WithUnit(tolerance.Amount * 100, 1, "%")} av målvärdet)";
            }
        }

        return text + ".";
    }

    static string Position(IndicatorRule indicator, decimal value, Target target)
    {
        if (indicator.Direction == Direction.WithinBand)
        {
            return value < target.Min ? $"{indicator.FormatDifference(target.Min - value)} under intervallet"
                : value > target.Max ? $"{indicator.FormatDifference(value - target.Max)} över intervallet"
                : "inom intervallet";
        }

        var difference = value - target.Value;
        return difference == 0 ? "lika med målvärdet"
            : difference > 0 ? $"{indicator.FormatDifference(difference)} över"
            : $"{indicator.FormatDifference(-difference)} under";
    }
}
