using Indicators.Core.Attainment;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

/// <summary>
/// Reference cases for <see cref="ProgressMeasure"/>: name, base year, target year, direction, target, series
/// ("year:value;…", an empty value is a year without data), expected category, expected measure, expected base year used,
/// expected method.
/// </summary>
/// <remarks>
/// How the expected values were obtained. sdg-build cannot be installed here (PyPI is not reachable), so its
/// <c>sdg/ProgressMeasure.py</c> was transcribed into a throwaway pure-Python script (outside the repository, Python 3
/// floats and <c>**</c>): first the 2023 release (commit 6d3d128) for the first block, then the current upstream
/// (<c>SeriesProgress</c>, commit 139fede7: <c>sign · direction · cagr_o / |cagr_r|</c>, <c>sign = −1</c> for a negative
/// base, no result when base and current have opposite signs, target achieved checked before the two-years rule), which
/// agrees with every case of the first block except the two marked as changed, and computed the Open SDG block below.
/// Where the Python raised (ZeroDivisionError, or a complex result for a negative ratio with a fractional exponent) or
/// returned None, upstream has no answer: the expected category is NotAssessable, or our linear path where a målvärde
/// exists – those cases were computed by hand from the formula in <see cref="ProgressMeasure"/>'s doc comment and the
/// arithmetic is written in the case's name. The measures were copied with Python's repr (17 significant digits) and are
/// compared to 1e-9.
/// </remarks>
public sealed class ProgressMeasureReferenceCases
    : TheoryData<string, int, int, Direction, decimal?, string, ProgressCategory, double?, int?, ProgressMethod?>
{
    public ProgressMeasureReferenceCases()
    {
        Add("No target, rising, higher is better, fast", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2016:103;2017:106", ProgressCategory.OnTrack, 0.02956301409869999, 2015, ProgressMethod.WithoutTarget);
        Add("No target, rising slowly, higher is better", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2018:102", ProgressCategory.NeedsAcceleration, 0.006622709560113016, 2015, ProgressMethod.WithoutTarget);
        Add("No target, barely rising, higher is better", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2020:100.5", ProgressCategory.LimitedProgress, 0.0009980059790795082, 2015, ProgressMethod.WithoutTarget);
        Add("No target, falling, higher is better", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2019:95", ProgressCategory.Deterioration, -0.012741455098566168, 2015, ProgressMethod.WithoutTarget);
        Add("No target, falling, lower is better", 2015, 2030, Direction.LowerIsBetter, null, "2015:50;2017:45", ProgressCategory.OnTrack, 0.05131670194948623, 2015, ProgressMethod.WithoutTarget);
        Add("No target, rising, lower is better", 2015, 2030, Direction.LowerIsBetter, null, "2015:50;2017:52", ProgressCategory.Deterioration, -0.01980390271855703, 2015, ProgressMethod.WithoutTarget);
        Add("No target, flat", 2015, 2030, Direction.HigherIsBetter, null, "2015:7.5;2020:7.5", ProgressCategory.LimitedProgress, 0.0, 2015, ProgressMethod.WithoutTarget);
        Add("Target reached, higher is better", 2015, 2030, Direction.HigherIsBetter, 80m, "2015:70;2020:81", ProgressCategory.TargetAchieved, null, 2015, ProgressMethod.WithTarget);
        Add("Target reached exactly, lower is better", 2015, 2030, Direction.LowerIsBetter, 10m, "2015:14;2021:10", ProgressCategory.TargetAchieved, null, 2015, ProgressMethod.WithTarget);
        Add("Target on track, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2021:72;2022:75", ProgressCategory.OnTrack, 1.379115023067185, 2020, ProgressMethod.WithTarget);
        Add("Target needs acceleration, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2024:75", ProgressCategory.NeedsAcceleration, 0.6836108398642536, 2020, ProgressMethod.WithTarget);
        Add("Target limited progress, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2024:71", ProgressCategory.LimitedProgress, 0.13958616141986344, 2020, ProgressMethod.WithTarget);
        Add("Target deterioration, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2024:68", ProgressCategory.Deterioration, -0.28372170240580363, 2020, ProgressMethod.WithTarget);
        Add("Target on track, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2020:1310;2021:1280", ProgressCategory.OnTrack, 1.0394308293431818, 2019, ProgressMethod.WithTarget);
        Add("Target needs acceleration, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2023:1240", ProgressCategory.NeedsAcceleration, 0.8318351292467112, 2019, ProgressMethod.WithTarget);
        Add("Target limited progress, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2023:1340", ProgressCategory.LimitedProgress, 0.07347422413409962, 2019, ProgressMethod.WithTarget);
        Add("Target deterioration, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2023:1400", ProgressCategory.Deterioration, -0.361368089461868, 2019, ProgressMethod.WithTarget);
        Add("Base year without data falls forward", 2015, 2030, Direction.HigherIsBetter, 90m, "2014:10;2016:70;2017:;2018:74;2019:76", ProgressCategory.OnTrack, 1.5343511355006023, 2016, ProgressMethod.WithTarget);
        Add("Base year before all data falls forward to the first year", 2010, 2030, Direction.LowerIsBetter, null, "2013:20;2016:18", ProgressCategory.OnTrack, 0.03451061539437028, 2013, ProgressMethod.WithoutTarget);
        Add("Gaps are dropped, current year is the latest with data", 2020, 2030, Direction.HigherIsBetter, null, "2020:100;2021:104;2022:", ProgressCategory.OnTrack, 0.040000000000000036, 2020, ProgressMethod.WithoutTarget);
        Add("Target zero is replaced by 0.001, lower is better", 2018, 2030, Direction.LowerIsBetter, 0m, "2018:40;2022:30", ProgressCategory.LimitedProgress, 0.11832452909612927, 2018, ProgressMethod.WithTarget);
        Add("Target zero, current zero counts as reached when lower is better", 2018, 2030, Direction.LowerIsBetter, 0m, "2018:40;2022:0", ProgressCategory.TargetAchieved, null, 2018, ProgressMethod.WithTarget);
        Add("Target below the base with higher is better: a fall below it is a deterioration (the 2023 release called it on track, +17,8)", 2018, 2030, Direction.HigherIsBetter, 0.5m, "2018:1;2022:0", ProgressCategory.Deterioration, -17.817153745105777, 2018, ProgressMethod.WithTarget);
        Add("Only one year, no result", 2015, 2030, Direction.HigherIsBetter, null, "2015:100", ProgressCategory.NotAssessable, null, null, null);
        Add("Base year after the latest data, no result", 2025, 2030, Direction.HigherIsBetter, 90m, "2020:70;2023:75", ProgressCategory.NotAssessable, null, null, null);
        Add("Base year falls forward to the latest year, no result", 2022, 2030, Direction.HigherIsBetter, 90m, "2020:70;2023:75", ProgressCategory.NotAssessable, null, null, null);
        Add("No values, no result", 2015, 2030, Direction.HigherIsBetter, null, "2015:;2016:", ProgressCategory.NotAssessable, null, null, null);
        Add("Target one year ahead, half the needed growth", 2025, 2026, Direction.HigherIsBetter, 110m, "2025:100;2026:105", ProgressCategory.LimitedProgress, 0.5, 2025, ProgressMethod.WithTarget);
        Add("Zero base value without a target: not assessable (upstream replaces the base by 0.001, which it calls invalid)", 2015, 2030, Direction.HigherIsBetter, null, "2015:0;2018:5", ProgressCategory.NotAssessable, null, null, null);
        Add("Negative value with a fractional exponent: the formula fails", 2015, 2030, Direction.HigherIsBetter, null, "2015:10;2018:-5", ProgressCategory.NotAssessable, null, null, null);
        Add("Target equal to the base value, moved away: deterioration (needed growth 0; upstream's ratio is −∞)", 2020, 2030, Direction.HigherIsBetter, 70m, "2020:70;2023:65", ProgressCategory.Deterioration, null, 2020, ProgressMethod.LinearPath);

        // Current upstream (139fede7): the absolute needed growth, a base already past its målvärde, negative series.
        Add("Soliditet: base 16,6 past the målvärde 16,0 falls back to 12,4 (2023 release: +20,74, on track)", 2024, 2027, Direction.HigherIsBetter, 16.0m, "2024:16.6;2025:12.4", ProgressCategory.Deterioration, -20.74491814181139, 2024, ProgressMethod.WithTarget);
        Add("Lower is better: base 1 050 below the målvärde 1 100 rises back to 1 200 (2023 release: on track)", 2024, 2027, Direction.LowerIsBetter, 1100m, "2024:1050;2025:1200", ProgressCategory.Deterioration, -9.141380376146406, 2024, ProgressMethod.WithTarget);
        Add("Base past the målvärde, still past it: target achieved", 2024, 2027, Direction.HigherIsBetter, 16.0m, "2024:16.6;2025:16.2", ProgressCategory.TargetAchieved, null, 2024, ProgressMethod.WithTarget);
        Add("Negative series: deficit −600 → −362 toward a målvärde of −100 (sign rule)", 2024, 2027, Direction.HigherIsBetter, -100m, "2024:-600;2025:-362", ProgressCategory.NeedsAcceleration, 0.88211112877699, 2024, ProgressMethod.WithTarget);
        Add("Negative series: deficit −600 → −700, away from −100", 2024, 2027, Direction.HigherIsBetter, -100m, "2024:-600;2025:-700", ProgressCategory.Deterioration, -0.37063492805755904, 2024, ProgressMethod.WithTarget);
        Add("Negative series: deficit −600 → −400 → −250 toward −100", 2023, 2027, Direction.HigherIsBetter, -100m, "2023:-600;2024:-400;2025:-250", ProgressCategory.OnTrack, 0.9818474035568597, 2023, ProgressMethod.WithTarget);
        Add("Negative series, lower is better: −10 → −15 toward −20", 2024, 2030, Direction.LowerIsBetter, -20m, "2024:-10;2026:-15", ProgressCategory.OnTrack, 1.835220580533009, 2024, ProgressMethod.WithTarget);
        Add("Negative series, no target: deficit shrinking", 2024, 2027, Direction.HigherIsBetter, null, "2024:-600;2025:-362", ProgressCategory.OnTrack, 0.3966666666666666, 2024, ProgressMethod.WithoutTarget);
        Add("Negative series, no target: deficit growing", 2024, 2027, Direction.HigherIsBetter, null, "2024:-600;2025:-700", ProgressCategory.Deterioration, -0.16666666666666674, 2024, ProgressMethod.WithoutTarget);
        Add("Negative series, missing base year falls forward", 2023, 2030, Direction.HigherIsBetter, -10m, "2022:-50;2024:-40;2025:-30;2026:-25", ProgressCategory.OnTrack, 1.0151775032725656, 2024, ProgressMethod.WithTarget);
        Add("Base and målvärde of opposite signs one year apart: the exponent is 1, so upstream's ratio is defined", 2024, 2025, Direction.HigherIsBetter, 50m, "2024:-100;2025:-40", ProgressCategory.LimitedProgress, 0.4, 2024, ProgressMethod.WithTarget);
        Add("One value from the base year that meets the målvärde: target achieved (checked before the two-years rule)", 2024, 2027, Direction.HigherIsBetter, 90m, "2023:80;2024:95", ProgressCategory.TargetAchieved, null, 2024, ProgressMethod.WithTarget);
        Add("One value from the base year that does not meet it: no result", 2024, 2027, Direction.HigherIsBetter, 90m, "2023:80;2024:85", ProgressCategory.NotAssessable, null, null, null);
        Add("Negative series crossing zero without a target: no result", 2024, 2027, Direction.HigherIsBetter, null, "2024:-600;2025:20", ProgressCategory.NotAssessable, null, null, null);

        // Our linear path, where upstream has no answer: measure = (direction · (current − base) / |målvärde − base|) / (elapsed / total years).
        Add("HSN deficit −600 → −362 toward 0 in 2027: 238/600 = 0,3967 of the distance in 1/3 of the time = 1,19", 2024, 2027, Direction.HigherIsBetter, 0m, "2024:-600;2025:-362", ProgressCategory.OnTrack, 1.19, 2024, ProgressMethod.LinearPath);
        Add("Deficit −600 → −460 toward 0: 140/600 · 3 = 0,7", 2024, 2027, Direction.HigherIsBetter, 0m, "2024:-600;2025:-460", ProgressCategory.NeedsAcceleration, 0.7, 2024, ProgressMethod.LinearPath);
        Add("Deficit −600 → −580 toward 0: 20/600 · 3 = 0,1", 2024, 2027, Direction.HigherIsBetter, 0m, "2024:-600;2025:-580", ProgressCategory.LimitedProgress, 0.1, 2024, ProgressMethod.LinearPath);
        Add("Deficit −600 → −650 toward 0: −50/600 · 3 = −0,25", 2024, 2027, Direction.HigherIsBetter, 0m, "2024:-600;2025:-650", ProgressCategory.Deterioration, -0.25, 2024, ProgressMethod.LinearPath);
        Add("Deficit −600 → exactly 0 against 0: target achieved (upstream compares with 0,001)", 2024, 2027, Direction.HigherIsBetter, 0m, "2024:-600;2025:0", ProgressCategory.TargetAchieved, null, 2024, ProgressMethod.WithTarget);
        Add("Årets resultat −702 → −348 toward +274: 354/976 · 3 = 1,0881", 2024, 2027, Direction.HigherIsBetter, 274m, "2024:-702;2025:-348", ProgressCategory.OnTrack, 354.0 / 976 * 3, 2024, ProgressMethod.LinearPath);
        Add("Resultat in % −7,2 → −3,6 toward +2,6: 3,6/9,8 · 3 = 1,1020", 2024, 2027, Direction.HigherIsBetter, 2.6m, "2024:-7.2;2025:-3.6", ProgressCategory.OnTrack, 3.6 / 9.8 * 3, 2024, ProgressMethod.LinearPath);
        Add("Crossing zero the wrong way: 5 → −3 toward 10, −8/5 / (2/6) = −4,8", 2024, 2030, Direction.HigherIsBetter, 10m, "2024:5;2026:-3", ProgressCategory.Deterioration, -4.8, 2024, ProgressMethod.LinearPath);
        Add("Lower is better crossing zero toward −2: 4 → −1, 5/6 / (2/6) = 2,5", 2024, 2030, Direction.LowerIsBetter, -2m, "2024:4;2026:-1", ProgressCategory.OnTrack, 2.5, 2024, ProgressMethod.LinearPath);
        Add("Zero base with a target: 0 → 5 toward 10, 0,5 / (1/3) = 1,5", 2024, 2027, Direction.HigherIsBetter, 10m, "2024:0;2025:5", ProgressCategory.OnTrack, 1.5, 2024, ProgressMethod.LinearPath);
        Add("Positive base, negative target (a surplus to cut): 300 → 100 toward −150, lower is better, 200/450 / (1/3) = 1,333", 2024, 2027, Direction.LowerIsBetter, -150m, "2024:300;2025:100", ProgressCategory.OnTrack, 200.0 / 450 * 3, 2024, ProgressMethod.LinearPath);
    }
}
