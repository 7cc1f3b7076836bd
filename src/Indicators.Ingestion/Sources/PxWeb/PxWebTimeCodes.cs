using System.Globalization;
using Indicators.Core.Periods;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>PxWeb time codes: "2024" is a year, "2024M03" a month, "2024K2" a quarter (SCB's Swedish K for kvartal).</summary>
static class PxWebTimeCodes
{
    public static bool TryParse(string code, out Period period)
    {
        period = default;
        if (code.Length < 4 || !int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
        {
            return false;
        }

        var rest = code.AsSpan(4);
        if (rest.IsEmpty)
        {
            period = Period.OfYear(year);
            return true;
        }

        if (rest.Length == 3 && rest[0] == 'M' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = Period.OfMonth(year, month);
            return true;
        }

        if (rest.Length == 2 && rest[0] is 'K' or 'Q' && rest[1] is >= '1' and <= '4')
        {
            period = Period.OfQuarter(year, rest[1] - '0');
            return true;
        }

        return false;
    }
}
