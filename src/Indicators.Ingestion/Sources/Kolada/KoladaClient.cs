using System.Text.Json;
using System.Text.RegularExpressions;
using Indicators.Ingestion.Runs;

namespace Indicators.Ingestion.Sources.Kolada;

/// <summary>
/// Kolada v3 (https://api.kolada.se/v3), a typed HttpClient whose resilience (rate limit, retry, breaker, timeouts) is set
/// up by <see cref="SourceHttp.AddIndicatorsSourceClients"/>. Reads values per KPI, area and year, following next_url.
/// </summary>
public sealed partial class KoladaClient(HttpClient http)
{
    const string SourceName = "Kolada";

    /// <summary>The search is for a person picking KPIs: more hits than this are not read.</summary>
    public const int MaxSearchResults = 500;

    /// <summary>Far more pages than any real query has; guards against a next_url that never ends.</summary>
    const int MaxPagesPerRequest = 10_000;

    public Task<SourceReadResult> ReadAsync(KoladaQuery query, CancellationToken cancellationToken) =>
        ReadAsync(query, null, cancellationToken);

    /// <summary>
    /// Reads the query's values, reporting the rows read after every page. A KPI that gives no values at all is a warning
    /// ("unknown or removed KPI?") only when the whole history was asked for: with <see cref="KoladaQuery.UpdatedSince"/>
    /// set, an empty answer is what an unchanged KPI gives, and the caller decides (see <see cref="KoladaSourceReader"/>).
    /// </summary>
    public async Task<SourceReadResult> ReadAsync(KoladaQuery query, IProgress<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.KpiIds.Count == 0 || query.AreaIds.Count == 0)
        {
            throw new ArgumentException("En Kolada-fråga behöver minst ett nyckeltal och ett område.", nameof(query));
        }

        var parser = new KoladaPageParser();
        var rows = new List<SourceRow>();
        var rejected = new List<SourceProblem>();
        var kpisSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in KoladaUrls.DataUrls(query))
        {
            Uri? url = new(http.BaseAddress!, relative);
            for (var page = 0; url is not null; page++)
            {
                if (page == MaxPagesPerRequest)
                {
                    throw new SourceReadException($"Kolada gav fler än {MaxPagesPerRequest} sidor för {SourceUrl.Summary(new Uri(http.BaseAddress!, relative))}; läsningen avbröts.");
                }

                var current = url;
                using var body = await SourceHttpCall.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, current), SourceName, static (_, _) => null, cancellationToken);
                string? nextUrl;
                try
                {
                    nextUrl = parser.Parse(body.Span, rows, rejected, kpisSeen);
                }
                catch (JsonException e)
                {
                    throw new SourceReadException($"Svaret från Kolada ({SourceUrl.Summary(current)}) är inte läsbar JSON i Koladas format: {e.Message}", e);
                }

                progress?.Report(new ReadProgress(rows.Count + rejected.Count));
                url = NextPage(nextUrl, current);
            }
        }

        var warnings = new List<SourceProblem>();
        if (query.UpdatedSince is null)
        {
            foreach (var kpi in query.KpiIds.Distinct(StringComparer.Ordinal).Where(k => !kpisSeen.Contains(k)))
            {
                warnings.Add(new SourceProblem(null, "kpi", $"KPI {kpi} gav inga värden från Kolada – okänt eller borttaget nyckeltal?"));
            }
        }

        return new SourceReadResult(rows, warnings, rejected);
    }

    /// <summary>KPIs whose title contains the text, or the one KPI with that id (e.g. "N79224").</summary>
    public async Task<IReadOnlyList<KoladaKpi>> SearchKpisAsync(string titleOrId, CancellationToken cancellationToken)
    {
        var text = titleOrId?.Trim() ?? "";
        if (text.Length == 0)
        {
            return [];
        }

        var relative = KpiId().IsMatch(text)
            ? "kpi/" + Uri.EscapeDataString(text.ToUpperInvariant())
            : "kpi?title=" + Uri.EscapeDataString(text);
        var found = new List<KoladaKpi>();
        Uri? url = new(http.BaseAddress!, relative);
        while (url is not null && found.Count < MaxSearchResults)
        {
            var current = url;
            using var body = await SourceHttpCall.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, current), SourceName, static (_, _) => null, cancellationToken);
            KoladaKpiPage? page;
            try
            {
                page = JsonSerializer.Deserialize(body.Span, KoladaJsonContext.Default.KoladaKpiPage);
            }
            catch (JsonException e)
            {
                throw new SourceReadException($"Svaret från Kolada ({SourceUrl.Summary(current)}) är inte läsbar JSON i Koladas format: {e.Message}", e);
            }

            foreach (var kpi in page?.Values ?? [])
            {
                if (kpi.Id is { Length: > 0 } id && found.Count < MaxSearchResults)
                {
                    found.Add(new KoladaKpi(id, kpi.Title ?? id, kpi.Description, kpi.IsDividedByGender));
                }
            }

            url = NextPage(page?.NextUrl, current);
        }

        return found;
    }

    /// <summary>next_url is followed only on Kolada's own host: a response must not send us (and our User-Agent) elsewhere.</summary>
    Uri? NextPage(string? nextUrl, Uri current)
    {
        if (string.IsNullOrWhiteSpace(nextUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(current, nextUrl, out var next) || next == current)
        {
            throw new SourceReadException($"Kolada gav en nästa sida som inte går att följa ('{nextUrl}') efter {current}.");
        }

        var home = http.BaseAddress!;
        if (!string.Equals(next.Scheme, home.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(next.Authority, home.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new SourceReadException($"Kolada hänvisade nästa sida till en annan adress ({next}) efter {current}; den följs inte.");
        }

        return next;
    }

    [GeneratedRegex("^[A-Za-z][0-9]{5}$")]
    private static partial Regex KpiId();
}
