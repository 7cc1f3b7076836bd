using Indicators.Core.Attainment;
using Indicators.Core.Plans;

namespace Indicators.Core.Tests.Attainment;

/// <summary>
/// Reference cases for <see cref="ProgressMeasure"/>: name, base year, target year, direction, target, series
/// ("year:value;…", an empty value is a year without data), expected category, expected measure, expected base year used.
/// </summary>
/// <remarks>
/// How the expected values were obtained: sdg-build cannot be installed here (PyPI is not reachable), so its ProgressMeasure
/// (commit 6d3d128) was transcribed line by line from reference/anchors-features.md b.1 into a throwaway pure-Python script
/// (outside the repository, Python 3 floats and <c>**</c>), which computed every category and measure below. Where the
/// Python raised (ZeroDivisionError for a zero base or a target equal to the base; a complex result, i.e. TypeError, for a
/// negative value with a fractional exponent) or returned None (no result), the expected category is NotAssessable.
/// The measures were copied with Python's repr (17 significant digits) and are compared to 1e-9.
/// </remarks>
public sealed class ProgressMeasureReferenceCases
    : TheoryData<string, int, int, Direction, decimal?, string, ProgressCategory, double?, int?>
{
    public ProgressMeasureReferenceCases()
    {
        Add("No target, rising, higher is better, fast", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2016:103;2017:106", ProgressCategory.OnTrack, 0.02956301409869999, 2015);
        Add("No target, rising slowly, higher is better", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2018:102", ProgressCategory.NeedsAcceleration, 0.006622709560113016, 2015);
        Add("No target, barely rising, higher is better", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2020:100.5", ProgressCategory.LimitedProgress, 0.0009980059790795082, 2015);
        Add("No target, falling, higher is better", 2015, 2030, Direction.HigherIsBetter, null, "2015:100;2019:95", ProgressCategory.Deterioration, -0.012741455098566168, 2015);
        Add("No target, falling, lower is better", 2015, 2030, Direction.LowerIsBetter, null, "2015:50;2017:45", ProgressCategory.OnTrack, 0.05131670194948623, 2015);
        Add("No target, rising, lower is better", 2015, 2030, Direction.LowerIsBetter, null, "2015:50;2017:52", ProgressCategory.Deterioration, -0.01980390271855703, 2015);
        Add("No target, flat", 2015, 2030, Direction.HigherIsBetter, null, "2015:7.5;2020:7.5", ProgressCategory.LimitedProgress, 0.0, 2015);
        Add("Target reached, higher is better", 2015, 2030, Direction.HigherIsBetter, 80m, "2015:70;2020:81", ProgressCategory.TargetAchieved, null, 2015);
        Add("Target reached exactly, lower is better", 2015, 2030, Direction.LowerIsBetter, 10m, "2015:14;2021:10", ProgressCategory.TargetAchieved, null, 2015);
        Add("Target on track, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2021:72;2022:75", ProgressCategory.OnTrack, 1.379115023067185, 2020);
        Add("Target needs acceleration, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2024:75", ProgressCategory.NeedsAcceleration, 0.6836108398642536, 2020);
        Add("Target limited progress, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2024:71", ProgressCategory.LimitedProgress, 0.13958616141986344, 2020);
        Add("Target deterioration, higher is better", 2020, 2030, Direction.HigherIsBetter, 90m, "2020:70;2024:68", ProgressCategory.Deterioration, -0.28372170240580363, 2020);
        Add("Target on track, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2020:1310;2021:1280", ProgressCategory.OnTrack, 1.0394308293431818, 2019);
        Add("Target needs acceleration, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2023:1240", ProgressCategory.NeedsAcceleration, 0.8318351292467112, 2019);
        Add("Target limited progress, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2023:1340", ProgressCategory.LimitedProgress, 0.07347422413409962, 2019);
        Add("Target deterioration, lower is better", 2019, 2027, Direction.LowerIsBetter, 1100m, "2019:1350;2023:1400", ProgressCategory.Deterioration, -0.361368089461868, 2019);
        Add("Base year without data falls forward", 2015, 2030, Direction.HigherIsBetter, 90m, "2014:10;2016:70;2017:;2018:74;2019:76", ProgressCategory.OnTrack, 1.5343511355006023, 2016);
        Add("Base year before all data falls forward to the first year", 2010, 2030, Direction.LowerIsBetter, null, "2013:20;2016:18", ProgressCategory.OnTrack, 0.03451061539437028, 2013);
        Add("Gaps are dropped, current year is the latest with data", 2020, 2030, Direction.HigherIsBetter, null, "2020:100;2021:104;2022:", ProgressCategory.OnTrack, 0.040000000000000036, 2020);
        Add("Target zero is replaced by 0.001, lower is better", 2018, 2030, Direction.LowerIsBetter, 0m, "2018:40;2022:30", ProgressCategory.LimitedProgress, 0.11832452909612927, 2018);
        Add("Target zero, current zero counts as reached when lower is better", 2018, 2030, Direction.LowerIsBetter, 0m, "2018:40;2022:0", ProgressCategory.TargetAchieved, null, 2018);
        Add("Target below the base with higher is better: a fall counts as on track (Open SDG as is)", 2018, 2030, Direction.HigherIsBetter, 0.5m, "2018:1;2022:0", ProgressCategory.OnTrack, 17.817153745105777, 2018);
        Add("Only one year, no result", 2015, 2030, Direction.HigherIsBetter, null, "2015:100", ProgressCategory.NotAssessable, null, null);
        Add("Base year after the latest data, no result", 2025, 2030, Direction.HigherIsBetter, 90m, "2020:70;2023:75", ProgressCategory.NotAssessable, null, null);
        Add("Base year falls forward to the latest year, no result", 2022, 2030, Direction.HigherIsBetter, 90m, "2020:70;2023:75", ProgressCategory.NotAssessable, null, null);
        Add("No values, no result", 2015, 2030, Direction.HigherIsBetter, null, "2015:;2016:", ProgressCategory.NotAssessable, null, null);
        Add("Target one year ahead, half the needed growth", 2025, 2026, Direction.HigherIsBetter, 110m, "2025:100;2026:105", ProgressCategory.LimitedProgress, 0.5, 2025);
        Add("Zero base value: the formula divides by zero", 2015, 2030, Direction.HigherIsBetter, null, "2015:0;2018:5", ProgressCategory.NotAssessable, null, null);
        Add("Negative value with a fractional exponent: the formula fails", 2015, 2030, Direction.HigherIsBetter, null, "2015:10;2018:-5", ProgressCategory.NotAssessable, null, null);
        Add("Target equal to the base value: the needed growth is zero", 2020, 2030, Direction.HigherIsBetter, 70m, "2020:70;2023:65", ProgressCategory.NotAssessable, null, null);
    }
}
