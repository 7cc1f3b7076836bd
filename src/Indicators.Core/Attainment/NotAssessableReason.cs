using Indicators.Core.Observations;

namespace Indicators.Core.Attainment;

/// <summary>Why a rule could not judge.</summary>
public enum NotAssessableReason
{
    /// <summary>The outcome has no value although the source reported it as ok.</summary>
    NoValue,
    /// <summary>The source suppressed the value (too few observations).</summary>
    Suppressed,
    /// <summary>The source reports the value as missing.</summary>
    MissingAtSource,
    /// <summary>The source has not yet published data for the period.</summary>
    NotYetPublished,
    /// <summary>The source retracted the value.</summary>
    Retracted,
    /// <summary>No målvärde (or band) exists for the outcome's year.</summary>
    NoTarget,
    /// <summary>Fewer values than the rule needs (e.g. fewer than two years).</summary>
    TooFewValues,
    /// <summary>The method's formula is undefined for these values (zero base, negative values, required growth 0).</summary>
    UndefinedForValues,
}

public static class NotAssessableReasonNames
{
    public static string SwedishText(this NotAssessableReason reason) => reason switch
    {
        NotAssessableReason.NoValue => "utfall saknas",
        NotAssessableReason.Suppressed => "utfallet är skyddat hos källan (för få observationer)",
        NotAssessableReason.MissingAtSource => "utfallet saknas hos källan",
        NotAssessableReason.NotYetPublished => "data för perioden är ännu inte publicerade",
        NotAssessableReason.Retracted => "utfallet är återkallat av källan",
        NotAssessableReason.NoTarget => "målvärde saknas för året",
        NotAssessableReason.TooFewValues => "för få värden",
        NotAssessableReason.UndefinedForValues => "metoden går inte att använda för dessa värden",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>The reason an observation without a usable value gives, or null when it has a value.</summary>
    public static NotAssessableReason? ReasonFor(ObservationStatus status, decimal? value) => status switch
    {
        ObservationStatus.Suppressed => NotAssessableReason.Suppressed,
        ObservationStatus.Missing => NotAssessableReason.MissingAtSource,
        ObservationStatus.NotPublished => NotAssessableReason.NotYetPublished,
        ObservationStatus.Retracted => NotAssessableReason.Retracted,
        _ => value is null ? NotAssessableReason.NoValue : null,
    };
}
