namespace Indicators.Data.Assignments;

/// <summary>Conversions of the uppdrag queries' rows: Npgsql reads a <c>date</c> as a <see cref="DateTime"/>.</summary>
static class AssignmentRows
{
    public static DateOnly? Date(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
