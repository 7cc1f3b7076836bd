using System.Globalization;
using System.Text.RegularExpressions;

namespace Indicators.Ingestion.Sources;

/// <summary>
/// A source's URL as messages show it: host and the start of the path, with the page when there is one
/// ("api.kolada.se/v3/data/kpi/… (sida 3)"). A Kolada data URL lists KPIs, areas and years and runs to hundreds of
/// characters; quoted whole it made a run page 2 446 px wide and said nothing a reader needs.
/// </summary>
public static partial class SourceUrl
{
    /// <summary>Path segments kept before the ellipsis: "v3/data/kpi", "api/v2/tables".</summary>
    const int KeptSegments = 3;

    public static string Summary(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return url.OriginalString.Length <= 60 ? url.OriginalString : url.OriginalString[..60] + "…";
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shortened = segments.Length > KeptSegments || url.Query.Length > 1;
        var path = string.Join('/', segments.Take(KeptSegments));
        var text = url.Authority + (path.Length > 0 ? "/" + path : "") + (shortened ? "/…" : "");
        return Page(url.Query) is { } page ? $"{text} (sida {page.ToString(CultureInfo.InvariantCulture)})" : text;
    }

    /// <summary>Every http(s) URL in a text summarised; the rest of the text as it was.</summary>
    public static string SummariseIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AnyUrl().Replace(text, match =>
        {
            // A URL quoted in a sentence ends before its closing bracket or full stop.
            var value = match.Value.TrimEnd('.', ',', ')', ';', ':');
            var rest = match.Value[value.Length..];
            return Uri.TryCreate(value, UriKind.Absolute, out var url) ? Summary(url) + rest : match.Value;
        });
    }

    static int? Page(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "page" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            {
                return page;
            }
        }

        return null;
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex AnyUrl();
}
