using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Indicators.TestSupport.Sources;

/// <summary>One gender's value of a Kolada data point, as v3 gives it (a null value may carry a status such as "Missing").</summary>
public sealed record KoladaValue(string Gender, decimal? Value, string Status = "", bool IsDeleted = false);

/// <summary>A data request as the Kolada stub understood it: the ids of its path, the page asked for, and the raw request.</summary>
public sealed record KoladaDataRequest(IReadOnlyList<string> Kpis, IReadOnlyList<string> Areas, IReadOnlyList<int> Years, int Page, StubRequest Raw);

/// <summary>
/// Kolada v3's data API on 127.0.0.1 (data-sources.md §1): <c>GET /v3/data/kpi/{kpis}/municipality/{areas}[/year/{years}]</c>
/// answered from a function of KPI, area and year, in pages linked by an absolute <c>next_url</c>. Every data request
/// passes <see cref="Intercept"/> first, which may answer instead (a fault) or wait before letting it through (to hold a
/// run while it reads). Anything else gets Kolada's 404.
/// </summary>
public sealed class KoladaStub : IAsyncDisposable
{
    /// <summary>The values of one KPI, area and year; none: Kolada has no data point for it.</summary>
    public delegate IReadOnlyList<KoladaValue> Values(string kpi, string area, int year);

    readonly Values values;
    readonly int pointsPerPage;
    readonly IReadOnlyList<int> allYears;
    StubServer server = null!;

    KoladaStub(Values values, int pointsPerPage, IReadOnlyList<int> allYears)
    {
        this.values = values;
        this.pointsPerPage = pointsPerPage;
        this.allYears = allYears;
    }

    /// <summary>Base URL for the client (Sources:Kolada:BaseUrl): http://127.0.0.1:port/v3.</summary>
    public Uri BaseUrl => new(server.Root, "v3");

    public StubServer Server => server;

    /// <summary>
    /// Called before each data request is answered, with a function that makes the healthy answer's body: a response to
    /// send instead (a fault made from that body, say), or null to answer normally.
    /// </summary>
    public Func<KoladaDataRequest, Func<string>, CancellationToken, Task<StubResponse?>>? Intercept { get; set; }

    /// <param name="values">The data.</param>
    /// <param name="pointsPerPage">Data points per page; Kolada's own cap is 5000, a smaller page makes more requests.</param>
    /// <param name="allYears">The years a request without a year segment covers.</param>
    public static async Task<KoladaStub> StartAsync(Values values, int pointsPerPage = 1000, IReadOnlyList<int>? allYears = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var stub = new KoladaStub(values, pointsPerPage, allYears ?? [.. Enumerable.Range(1998, 30)]);
        stub.server = await StubServer.StartAsync(stub.AnswerAsync);
        return stub;
    }

    async Task<StubResponse> AnswerAsync(StubRequest request, CancellationToken cancellationToken)
    {
        if (Parse(request) is not { } data)
        {
            return new StubResponse(404, """{"detail": "Not Found"}""");
        }

        if (Intercept is { } intercept && await intercept(data, () => Page(data), cancellationToken) is { } instead)
        {
            return instead;
        }

        return StubResponse.Json(Page(data));
    }

    KoladaDataRequest? Parse(StubRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (request.Method != "GET" || segments is not ["v3", "data", "kpi", var kpis, "municipality", var areas, .. var rest]
            || rest is not ([] or ["year", _]))
        {
            return null;
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var years = rest is ["year", var list]
            ? [.. list.Split(',').Select(y => int.TryParse(y, CultureInfo.InvariantCulture, out var year) ? year : 0).Where(y => y > 0)]
            : allYears;
        return new KoladaDataRequest(Split(kpis), Split(areas), years, page, request);
    }

    static string[] Split(string list) => Uri.UnescapeDataString(list).Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The page's JSON: Kolada v3's {values, count, next_url, previous_url}.</summary>
    string Page(KoladaDataRequest request)
    {
        var points = (from kpi in request.Kpis from area in request.Areas from year in request.Years select (kpi, area, year))
            .Select(p => (p.kpi, p.area, p.year, Values: values(p.kpi, p.area, p.year)))
            .Where(p => p.Values.Count > 0)
            .ToList();
        var pages = Math.Max(1, (points.Count + pointsPerPage - 1) / pointsPerPage);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("values");
            var count = 0;
            foreach (var (kpi, area, year, genders) in points.Skip((request.Page - 1) * pointsPerPage).Take(pointsPerPage))
            {
                count++;
                json.WriteStartObject();
                json.WriteString("kpi", kpi);
                json.WriteString("municipality", area);
                json.WriteNumber("period", year);
                json.WriteStartArray("values");
                foreach (var value in genders)
                {
                    json.WriteStartObject();
                    json.WriteString("gender", value.Gender);
                    json.WriteNumber("count", 1);
                    json.WriteString("status", value.Status);
                    if (value.Value is { } v)
                    {
                        json.WriteNumber("value", v);
                    }
                    else
                    {
                        json.WriteNull("value");
                    }

                    json.WriteBoolean("isdeleted", value.IsDeleted);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("count", count);
            WriteLink(json, "next_url", request, request.Page < pages ? request.Page + 1 : null);
            WriteLink(json, "previous_url", request, request.Page > 1 ? request.Page - 1 : null);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    void WriteLink(Utf8JsonWriter json, string name, KoladaDataRequest request, int? page)
    {
        if (page is not { } number)
        {
            json.WriteNull(name);
            return;
        }

        var query = System.Web.HttpUtility.ParseQueryString(request.Raw.Query);
        query["page"] = number.ToString(CultureInfo.InvariantCulture);
        json.WriteString(name, new Uri(server.Root, request.Raw.Path.TrimStart('/') + "?" + query).ToString());
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
