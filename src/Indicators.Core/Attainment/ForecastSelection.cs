using System.Globalization;

namespace Indicators.Core.Attainment;

/// <summary>
/// The method a forecast uses and how it was chosen: by backtests, or by default when there were too few.
/// <see cref="Errors"/> holds each compared method's mean absolute error over the same backtests, simplest method first
/// (empty for a default).
/// </summary>
public sealed record ForecastSelection(
    ForecastMethod Method, int Backtests, IReadOnlyList<(ForecastMethod Method, decimal MeanAbsoluteError)> Errors, bool IsDefault)
{
    public decimal? MeanAbsoluteError => IsDefault ? null : Errors.First(e => e.Method == Method).MeanAbsoluteError;
}

/// <summary>
/// Chooses among candidate methods by how well each would have forecast a series' own past (a rolling-origin backtest):
/// every case is a past point in time with what was known then and the value that followed; a case counts only where
/// every candidate can forecast it, so all are measured on the same cases. The method with the lowest mean absolute error
/// wins; on a tie the simpler one (earlier in the list). With fewer than the given minimum of cases the stated
/// default is used (or, if it cannot forecast now, the simplest candidate that can).
/// </summary>
static class ForecastBacktest
{
    public static ForecastSelection Choose<TCase>(
        IReadOnlyList<ForecastMethod> candidatesSimplestFirst,
        Func<ForecastMethod, TCase, decimal?> forecast,
        IEnumerable<(TCase Known, decimal Actual)> cases,
        ForecastMethod defaultMethod,
        int minBacktests)
    {
        var errors = candidatesSimplestFirst.ToDictionary(m => m, _ => 0m);
        var count = 0;
        foreach (var (known, actual) in cases)
        {
            var made = candidatesSimplestFirst.Select(m => forecast(m, known)).ToList();
            if (made.Any(v => v is null))
            {
                continue;
            }

            count++;
            for (var i = 0; i < made.Count; i++)
            {
                errors[candidatesSimplestFirst[i]] += Math.Abs(made[i]!.Value - actual);
            }
        }

        if (count < minBacktests)
        {
            var method = candidatesSimplestFirst.Contains(defaultMethod) ? defaultMethod : candidatesSimplestFirst[0];
            return new ForecastSelection(method, count, [], IsDefault: true);
        }

        var mean = candidatesSimplestFirst.Select(m => (Method: m, MeanAbsoluteError: errors[m] / count)).ToList();
        var best = mean[0];
        foreach (var candidate in mean.Skip(1))
        {
            if (candidate.MeanAbsoluteError < best.MeanAbsoluteError)
            {
                best = candidate;
            }
        }

        return new ForecastSelection(best.Method, count, mean, IsDefault: false);
    }

    /// <summary>"1 prövning", "3 prövningar".</summary>
    public static string Backtests(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " prövning" : " prövningar");
}
