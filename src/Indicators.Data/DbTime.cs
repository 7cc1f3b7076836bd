namespace Indicators.Data;

/// <summary>Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>; the read models carry <see cref="DateTimeOffset"/>.</summary>
internal static class DbTime
{
    public static DateTimeOffset? Utc(DateTime? at) => at is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : null;
}
