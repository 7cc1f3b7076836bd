namespace Indicators.Core.Observations;

/// <summary>Kön as the sources report it: T (totalt), K (kvinnor), M (män).</summary>
public enum Gender
{
    T,
    K,
    M,
}

public static class GenderCodes
{
    public static string ToCode(this Gender gender) => gender switch
    {
        Gender.T => "T",
        Gender.K => "K",
        Gender.M => "M",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };

    public static bool TryParse(string? code, out Gender gender)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "T": gender = Gender.T; return true;
            case "K": gender = Gender.K; return true;
            case "M": gender = Gender.M; return true;
            default: gender = Gender.T; return false;
        }
    }

    public static string SwedishName(this Gender gender) => gender switch
    {
        Gender.T => "Totalt",
        Gender.K => "Kvinnor",
        Gender.M => "Män",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };
}
