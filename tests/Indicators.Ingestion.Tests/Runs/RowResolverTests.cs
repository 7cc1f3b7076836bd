using Indicators.Core.Observations;
using Indicators.Core.Periods;
using Indicators.Data.Sources;
using Indicators.Ingestion.Runs;
using Indicators.Ingestion.Sources;

namespace Indicators.Ingestion.Tests.Runs;

/// <summary>The rules every source's rows meet before they are stored (<see cref="RowResolver"/>), on a fixed day.</summary>
public class RowResolverTests
{
    static readonly DateOnly Today = new(2026, 12, 4);

    static readonly RowResolver Resolver = new(
        [
            new SourceIndicator(1, "ARLIG", "N1", GenderSplit: true, Frequency: "year"),
            new SourceIndicator(2, "MANAD", null, GenderSplit: false, Frequency: "month"),
            new SourceIndicator(3, "TERTIAL", null, GenderSplit: false, Frequency: "tertial"),
            new SourceIndicator(4, "KVARTAL", null, GenderSplit: false, Frequency: "quarter"),
        ],
        new HashSet<string>(["0022"], StringComparer.Ordinal),
        Today);

    static SourceRow Row(string code, string period, Gender gender = Gender.T) =>
        new(code, Period.Parse(period), "0022", gender, 1m, ObservationStatus.Ok);

    [Theory]
    [InlineData("ARLIG", "2025", Gender.K)]
    [InlineData("ARLIG", "2025-JA", Gender.M)]
    [InlineData("N1", "1950", Gender.T)]
    [InlineData("MANAD", "2026-12", Gender.T)]
    [InlineData("MANAD", "2026-JA", Gender.T)]
    [InlineData("TERTIAL", "2026-T3", Gender.T)]
    [InlineData("KVARTAL", "2026-Q4", Gender.T)]
    [InlineData("ARLIG", "2026", Gender.T)]
    public void A_row_that_fits_its_indicator_is_stored(string code, string period, Gender gender)
    {
        var (rows, rejected) = Resolver.Resolve([Row(code, period, gender)]);

        Assert.Empty(rejected);
        Assert.Equal(period, Assert.Single(rows).Period);
    }

    [Theory]
    [InlineData("MANAD", "2025-03", Gender.K, "kön", "Indikatorn MANAD redovisas inte per kön, så värdet för kvinnor (K) tas inte emot (mar 2025, område 0022).")]
    [InlineData("MANAD", "2025", Gender.T, "period", "Perioden 2025 är ett årsvärde, men indikatorn MANAD har frekvensen månad: bara perioder som 2025-08 (och jan–aug, 2025-JA) tas emot.")]
    [InlineData("ARLIG", "2025-08", Gender.T, "period", "Perioden aug 2025 är ett månadsvärde, men indikatorn ARLIG har frekvensen år: bara perioder som 2025 (och jan–aug, 2025-JA) tas emot.")]
    [InlineData("TERTIAL", "2025-Q1", Gender.T, "period", "Perioden kv. 1 2025 är ett kvartalsvärde, men indikatorn TERTIAL har frekvensen tertial: bara perioder som 2025-T2 (och jan–aug, 2025-JA) tas emot.")]
    [InlineData("KVARTAL", "2025-T1", Gender.T, "period", "Perioden T1 2025 är ett tertialvärde, men indikatorn KVARTAL har frekvensen kvartal: bara perioder som 2025-Q3 (och jan–aug, 2025-JA) tas emot.")]
    [InlineData("ARLIG", "2027", Gender.T, "period", "Perioden 2027 har inte börjat (i dag är det 2026-12-04); utfall tas emot till och med innevarande period.")]
    [InlineData("MANAD", "2101-01", Gender.T, "period", "Perioden jan 2101 har inte börjat (i dag är det 2026-12-04); utfall tas emot till och med innevarande period.")]
    [InlineData("ARLIG", "2027-JA", Gender.T, "period", "Perioden jan–aug 2027 har inte börjat (i dag är det 2026-12-04); utfall tas emot till och med innevarande period.")]
    [InlineData("ARLIG", "1949", Gender.T, "period", "Perioden 1949 ligger före 1950, längre tillbaka än utfall tas emot.")]
    public void A_row_that_does_not_fit_its_indicator_is_rejected_with_a_Swedish_reason(string code, string period, Gender gender, string field, string reason)
    {
        var (rows, rejected) = Resolver.Resolve([Row(code, period, gender), Row("ARLIG", "2024")]);

        Assert.Equal("2024", Assert.Single(rows).Period);
        Assert.Equal(new SourceProblem(null, field, reason), Assert.Single(rejected));
    }

    [Fact]
    public void The_current_period_is_taken_on_Swedens_wall_clock()
    {
        // 23:30 UTC on New Year's Eve is already 2027 in Stockholm.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 1, 1), RowResolver.Today(time));
    }
}
