using Indicators.Core.Formatting;

namespace Indicators.Web.Assignments;

/// <summary>How the uppdrag pages write dates: ISO, as the rest of the app does in sv-SE ("2027-12-31").</summary>
public static class AssignmentTexts
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", SwedishFormat.Culture);

    /// <summary>"2025-01-01 – 2027-12-31", "från 2025-01-01", "till 2027-12-31" or "Ingen tidsram".</summary>
    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } s, { } e) => $"{Date(s)} – {Date(e)}",
        ({ } s, null) => $"från {Date(s)}",
        (null, { } e) => $"till {Date(e)}",
        _ => "Ingen tidsram",
    };
}
