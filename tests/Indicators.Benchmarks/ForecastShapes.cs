namespace Indicators.Benchmarks;

/// <summary>A generated yearly series, or twelve monthly values per year for a seasonal sum.</summary>
sealed record ShapedSeries(string Shape, IReadOnlyList<decimal> Yearly, IReadOnlyList<decimal[]>? Monthly = null);

/// <summary>
/// Series of known shapes from a fixed seed, so every run backtests the same series. Yearly series are 6–12 years long
/// (the demo plan has 7) around a level of 20–200.
/// <list type="bullet">
/// <item>linear: a straight line with noise of 20–100 % of its yearly change;</item>
/// <item>damped: a change that shrinks each year by a factor 0,5–0,9 (a recovery levelling off), with a little noise;</item>
/// <item>level shift: a flat level that jumps once (5–25 % of the level, either way) at a random year, with noise;</item>
/// <item>noisy: a level with a weak trend (at most a third of the noise) and noise of 3–10 % of the level;</item>
/// <item>seasonal monthly: 3–6 years of monthly sums with a seasonal swing of ±10–60 %, yearly growth of −5 to +8 %,
/// monthly noise of 1–8 %, forecast for the year's end from january–august as in the delårsrapport.</item>
/// </list>
/// </summary>
static class ForecastShapes
{
    public static readonly string[] Names = ["linjär", "dämpad", "nivåskifte", "brusig", "säsong, månader"];

    public static IReadOnlyList<ShapedSeries> Generate(int perShape, int seed)
    {
        var random = new Random(seed);
        var series = new List<ShapedSeries>();
        for (var i = 0; i < perShape; i++)
        {
            series.Add(Linear(random));
            series.Add(Damped(random));
            series.Add(LevelShift(random));
            series.Add(Noisy(random));
            series.Add(SeasonalMonthly(random));
        }

        return series;
    }

    static ShapedSeries Linear(Random random)
    {
        var (length, level) = Start(random);
        var slope = Sign(random) * Uniform(random, 0.01, 0.06) * level;
        var noise = Math.Abs(slope) * Uniform(random, 0.2, 1.0);
        return Yearly("linjär", length, t => level + slope * t + noise * Normal(random));
    }

    static ShapedSeries Damped(Random random)
    {
        var (length, level) = Start(random);
        var change = Sign(random) * Uniform(random, 0.04, 0.12) * level;
        var damping = Uniform(random, 0.5, 0.9);
        var noise = Math.Abs(change) * Uniform(random, 0.05, 0.25);
        var value = level;
        return Yearly("dämpad", length, t =>
        {
            value += change * Math.Pow(damping, t);
            return value + noise * Normal(random);
        });
    }

    static ShapedSeries LevelShift(Random random)
    {
        var (length, level) = Start(random);
        var at = random.Next(2, length - 1);
        var shift = Sign(random) * Uniform(random, 0.05, 0.25) * level;
        var noise = Uniform(random, 0.005, 0.03) * level;
        return Yearly("nivåskifte", length, t => level + (t >= at ? shift : 0) + noise * Normal(random));
    }

    static ShapedSeries Noisy(Random random)
    {
        var (length, level) = Start(random);
        var noise = Uniform(random, 0.03, 0.10) * level;
        var slope = Sign(random) * Uniform(random, 0, 0.33) * noise;
        return Yearly("brusig", length, t => level + slope * t + noise * Normal(random));
    }

    static ShapedSeries SeasonalMonthly(Random random)
    {
        var years = random.Next(3, 7);
        var level = Uniform(random, 100, 1000);
        var growth = Uniform(random, -0.05, 0.08);
        var amplitude = Uniform(random, 0.1, 0.6);
        var phase = random.Next(0, 12);
        var noise = Uniform(random, 0.01, 0.08);
        var monthly = new List<decimal[]>();
        for (var y = 0; y < years; y++)
        {
            var yearLevel = level * Math.Pow(1 + growth, y);
            monthly.Add([.. Enumerable.Range(0, 12).Select(m =>
                Round(yearLevel * (1 + amplitude * Math.Sin(2 * Math.PI * (m - phase) / 12)) * (1 + noise * Normal(random))))]);
        }

        return new ShapedSeries("säsong, månader", [.. monthly.Select(m => m.Sum())], monthly);
    }

    static (int Length, double Level) Start(Random random) => (random.Next(6, 13), Uniform(random, 20, 200));

    static ShapedSeries Yearly(string shape, int length, Func<int, double> value) =>
        new(shape, [.. Enumerable.Range(0, length).Select(t => Round(value(t)))]);

    static decimal Round(double value) => Math.Round((decimal)value, 2);

    static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();

    static int Sign(Random random) => random.Next(2) == 0 ? -1 : 1;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
