namespace Indicators.Core.Attainment;

/// <summary>How a forecast was made. Stored by name in finalised reports: never rename or remove a member.</summary>
public enum ForecastMethod
{
    /// <summary>Year-to-date ÷ the share of the year the same months made up in earlier full years.</summary>
    SeasonalProRating,
    /// <summary>Year-to-date × 12 / months elapsed.</summary>
    LinearProRating,
    /// <summary>A least-squares straight line through all yearly values. No longer made (issue 16); kept so that reports
    /// finalised with it still read.</summary>
    LinearTrend,
    /// <summary>A rate's level so far this year (the mean of its months, or its jan–aug value) taken for the whole year.</summary>
    YearToDateLevel,
    /// <summary>The latest yearly value, unchanged (the naive forecast).</summary>
    LastValue,
    /// <summary>The mean of the latest yearly values.</summary>
    RecentMean,
    /// <summary>The least-squares slope of the latest yearly values, continued from the latest value.</summary>
    RecentLinearTrend,
    /// <summary>The recent slope, continued from the latest value but shrinking by a fixed share each year.</summary>
    DampedTrend,
}

public static class ForecastMethodNames
{
    public static string SwedishName(this ForecastMethod method) => method switch
    {
        ForecastMethod.SeasonalProRating => "Uppräkning med tidigare års säsongsmönster",
        ForecastMethod.LinearProRating => "Linjär uppräkning",
        ForecastMethod.LinearTrend => "Linjär trend (minsta kvadratmetoden)",
        ForecastMethod.YearToDateLevel => "Årets nivå hittills",
        ForecastMethod.LastValue => "Senaste värdet",
        ForecastMethod.RecentMean => "Medelnivå de senaste åren",
        ForecastMethod.RecentLinearTrend => "Linjär trend de senaste åren",
        ForecastMethod.DampedTrend => "Dämpad trend",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}

/// <summary>
/// A forecast with its method and inputs. <see cref="Value"/> is null when no forecast can be made (<see cref="Reason"/> says why).
/// <see cref="Inputs"/> names each number the forecast used (in Swedish), e.g. "utfall jan–aug", "andel av året".
/// </summary>
public sealed record Forecast(
    decimal? Value,
    ForecastMethod? Method,
    NotAssessableReason? Reason,
    IReadOnlyDictionary<string, decimal> Inputs,
    string Explanation);
