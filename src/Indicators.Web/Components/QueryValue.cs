using System.Globalization;

namespace Indicators.Web.Components;

/// <summary>
/// Query-string values, parsed the one way every page parses them. Blazor's [SupplyParameterFromQuery] on an <c>int?</c>
/// throws on "abc" or "99999999999" before the page runs (a 500 for anyone who edits the address), so pages bind the
/// text and parse it here: what does not parse is ignored, as if it were absent.
/// </summary>
public static class QueryValue
{
    /// <summary>An id or a flag: digits only ("12"), within int; otherwise null.</summary>
    public static int? WholeNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A run's id ("12"): digits only, within long; otherwise null.</summary>
    public static long? LargeWholeNumber(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
