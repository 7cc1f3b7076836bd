using System.Net;
using System.Text.Json;

namespace Indicators.Ingestion.Sources.PxWeb;

/// <summary>
/// SCB's PxWebApi 2 (https://statistikdatabasen.scb.se/api/v2), a typed HttpClient whose resilience is set up by
/// <see cref="SourceHttp.AddIndicatorsSourceClients"/>. Reads the host's limits from /config, splits a selection that
/// would exceed maxDataCells, and reads each part as json-stat2.
/// </summary>
public sealed class PxWebClient(HttpClient http)
{
    const string SourceName = "SCB";

    public async Task<PxWebConfig> GetConfigAsync(CancellationToken cancellationToken)
    {
        using var body = await SourceHttpCall.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, "config"), SourceName, static (_, _) => null, cancellationToken);
        PxWebConfigBody? config;
        try
        {
            config = JsonSerializer.Deserialize(body.Span, PxWebJsonContext.Default.PxWebConfigBody);
        }
        catch (JsonException e)
        {
            throw new SourceReadException($"SCB:s inställningar ({new Uri(http.BaseAddress!, "config")}) är inte läsbar JSON: {e.Message}", e);
        }

        return new PxWebConfig(
            config?.MaxDataCells ?? 150_000,
            config?.MaxCallsPerTimeWindow ?? SourceHttp.DefaultPxWebCallsPerWindow,
            config?.TimeWindow ?? (int)SourceHttp.DefaultPxWebTimeWindow.TotalSeconds);
    }

    public async Task<SourceReadResult> ReadAsync(PxWebQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Validate(query);
        var config = await GetConfigAsync(cancellationToken);
        var rows = new List<SourceRow>();
        var warningReasons = new HashSet<string>(StringComparer.Ordinal);
        var warnings = new List<SourceProblem>();
        var rejected = new List<SourceProblem>();
        var relative = $"tables/{Uri.EscapeDataString(query.TableId)}/data?lang=sv&outputFormat=json-stat2";
        foreach (var selection in PxWebRequestSplitter.Split(query, config.MaxDataCells))
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(
                new PxWebDataRequest(selection.Select(s => new PxWebSelectionBody(s.VariableCode, s.ValueCodes, s.Codelist)).ToList()),
                PxWebJsonContext.Default.PxWebDataRequest);
            var cells = selection.Aggregate(1L, (product, s) => product * s.ValueCodes.Count);
            using var body = await SourceHttpCall.SendAsync(
                http,
                () => new HttpRequestMessage(HttpMethod.Post, relative) { Content = JsonBody(payload) },
                SourceName,
                (status, url) => Explain(status, url, query.TableId, cells, config.MaxDataCells),
                cancellationToken);
            try
            {
                using var document = JsonDocument.Parse(body.Memory);
                JsonStat2Reader.Read(document.RootElement, query, rows, warningReasons, warnings, rejected);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new SourceReadException($"Svaret från SCB-tabell {query.TableId} ({new Uri(http.BaseAddress!, relative)}) är inte läsbar json-stat2: {e.Message}", e);
            }
        }

        return new SourceReadResult(rows, warnings, rejected);
    }

    static ByteArrayContent JsonBody(byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    static string? Explain(HttpStatusCode status, Uri url, string table, long cells, int maxCells) => status switch
    {
        HttpStatusCode.Forbidden =>
            $"SCB avvisade frågan mot tabell {table} med 403 ({SourceUrl.Summary(url)}): frågan gav för många celler ({cells} begärda, högst {maxCells} per anrop) "
            + "eller för många anrop under tidsfönstret. Välj färre värden eller vänta och försök igen.",
        HttpStatusCode.NotFound => $"SCB hittar inte tabell {table} ({SourceUrl.Summary(url)}) – fel tabell-id, eller har tabellen fått nytt id?",
        HttpStatusCode.BadRequest => $"SCB förstod inte frågan mot tabell {table} ({SourceUrl.Summary(url)}); kontrollera variabler, värdekoder och kodlistor.",
        _ => null,
    };

    static void Validate(PxWebQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.TableId))
        {
            throw new ArgumentException("En SCB-fråga behöver ett tabell-id.", nameof(query));
        }

        foreach (var variable in new[] { query.RegionVariable, query.TimeVariable, query.ContentsVariable })
        {
            if (!query.Selection.Any(s => string.Equals(s.VariableCode, variable, StringComparison.Ordinal) && s.ValueCodes.Count > 0))
            {
                throw new ArgumentException($"Urvalet mot SCB-tabell {query.TableId} saknar värden för variabeln {variable}.", nameof(query));
            }
        }

        if (query.GenderVariable is not null && query.GenderMap is null)
        {
            throw new ArgumentException("En könsvariabel behöver en översättning till T, K och M.", nameof(query));
        }
    }
}
