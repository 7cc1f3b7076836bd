using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Indicators.TestSupport.Sources;

/// <summary>A table variable: its code, its values in order, and its json-stat2 role ("time", "metric" or none).</summary>
public sealed record PxWebVariable(string Code, IReadOnlyList<string> Values, string? Role = null);

/// <summary>A table as the stub serves it; variables in the table's own order.</summary>
public sealed record PxWebTable(string Id, string Label, IReadOnlyList<PxWebVariable> Variables);

/// <summary>A cell: a number, or none with SCB's symbol ("..", "x", ".").</summary>
public sealed record PxWebCell(decimal? Value, string? Symbol = null);

/// <summary>A request to the PxWeb stub: <c>config</c>, or <c>data</c> for a table with the selected value codes.</summary>
public sealed record PxWebCall(string Kind, string? Table, IReadOnlyDictionary<string, IReadOnlyList<string>>? Selection, StubRequest Raw);

/// <summary>
/// SCB's PxWebApi 2 on 127.0.0.1 (data-sources.md §2): <c>GET /api/v2/config</c> with the host's limits and
/// <c>POST /api/v2/tables/{id}/data?outputFormat=json-stat2</c> with a selection, answered as json-stat2 (row-major, the
/// last variable fastest; cells without a number are null with a symbol in <c>status</c>). Value expressions <c>*</c>,
/// <c>TOP(n)</c>, <c>BOTTOM(n)</c>, <c>RANGE(a,b)</c> and <c>prefix*</c> are understood. A selection over
/// <c>maxDataCells</c> gets SCB's 403, an unknown table 404, an unknown variable or value 400 (RFC 7807 bodies).
/// Every request passes <see cref="Intercept"/> first.
/// </summary>
public sealed class PxWebStub : IAsyncDisposable
{
    readonly Dictionary<string, PxWebTable> tables;
    readonly Func<string, IReadOnlyDictionary<string, string>, PxWebCell> cells;
    readonly int maxDataCells;
    StubServer server = null!;

    PxWebStub(IEnumerable<PxWebTable> tables, Func<string, IReadOnlyDictionary<string, string>, PxWebCell> cells, int maxDataCells)
    {
        this.tables = tables.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        this.cells = cells;
        this.maxDataCells = maxDataCells;
    }

    /// <summary>Base URL for the client (Sources:PxWeb:BaseUrl): http://127.0.0.1:port/api/v2.</summary>
    public Uri BaseUrl => new(server.Root, "api/v2");

    public StubServer Server => server;

    /// <summary>Called before each request is answered, with a function that makes the healthy answer's body; see <see cref="KoladaStub.Intercept"/>.</summary>
    public Func<PxWebCall, Func<string>, CancellationToken, Task<StubResponse?>>? Intercept { get; set; }

    /// <param name="tables">The tables served.</param>
    /// <param name="cells">A cell's content given the table id and a value code per variable.</param>
    /// <param name="maxDataCells">What /config says; SCB says 150 000.</param>
    public static async Task<PxWebStub> StartAsync(
        IEnumerable<PxWebTable> tables, Func<string, IReadOnlyDictionary<string, string>, PxWebCell> cells, int maxDataCells = 150_000)
    {
        var stub = new PxWebStub(tables, cells, maxDataCells);
        stub.server = await StubServer.StartAsync(stub.AnswerAsync);
        return stub;
    }

    public string Config => string.Create(CultureInfo.InvariantCulture, $$"""
        {"apiVersion": "2.3.2", "appVersion": "2.3.2", "defaultLanguage": "sv", "languages": [{"id": "sv", "label": "Svenska"}],
         "maxDataCells": {{maxDataCells}}, "maxCallsPerTimeWindow": 30, "timeWindow": 10,
         "license": "https://creativecommons.org/publicdomain/zero/1.0/", "dataFormats": ["json-stat2", "csv", "px", "xlsx", "html", "json-px"]}
        """);

    async Task<StubResponse> AnswerAsync(StubRequest request, CancellationToken cancellationToken)
    {
        var segments = request.Path.Trim('/').Split('/');
        PxWebCall call;
        if (request.Method == "GET" && segments is ["api", "v2", "config"])
        {
            call = new PxWebCall("config", null, null, request);
        }
        else if (request.Method == "POST" && segments is ["api", "v2", "tables", var table, "data"])
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>>? selection;
            try
            {
                selection = ReadSelection(request.Body);
            }
            catch (JsonException)
            {
                return Problem(400, "Parameter error", "The body is not a selection.");
            }

            call = new PxWebCall("data", Uri.UnescapeDataString(table), selection, request);
        }
        else
        {
            return Problem(404, "Not found", "No such endpoint.");
        }

        StubResponse Healthy() => call.Kind == "config" ? StubResponse.Json(Config) : Data(call.Table!, call.Selection!);
        if (Intercept is { } intercept && await intercept(call, () => Healthy().Body, cancellationToken) is { } instead)
        {
            return instead;
        }

        return Healthy();
    }

    static Dictionary<string, IReadOnlyList<string>> ReadSelection(string body)
    {
        using var document = JsonDocument.Parse(body);
        var selection = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var variable in document.RootElement.GetProperty("selection").EnumerateArray())
        {
            var code = variable.GetProperty("variableCode").GetString() ?? throw new JsonException("variableCode");
            selection[code] = [.. variable.GetProperty("valueCodes").EnumerateArray().Select(v => v.GetString() ?? "")];
        }

        return selection;
    }

    StubResponse Data(string tableId, IReadOnlyDictionary<string, IReadOnlyList<string>> selection)
    {
        if (!tables.TryGetValue(tableId, out var table))
        {
            return Problem(404, "Parameter error", "Non-existent table");
        }

        if (selection.Keys.FirstOrDefault(k => table.Variables.All(v => v.Code != k)) is { } unknown)
        {
            return Problem(400, "Parameter error", $"Non-existent variable {unknown}");
        }

        var chosen = new List<string[]>();
        foreach (var variable in table.Variables)
        {
            var asked = selection.GetValueOrDefault(variable.Code);
            if (asked is null)
            {
                if (variable.Values.Count != 1)
                {
                    return Problem(400, "Parameter error", $"Missing selection for mandatory variable {variable.Code}");
                }

                chosen.Add([variable.Values[0]]);
                continue;
            }

            var values = new List<string>();
            foreach (var expression in asked)
            {
                if (Expand(expression, variable.Values) is not { } expanded)
                {
                    return Problem(400, "Parameter error", $"Non-existent value {expression} for variable {variable.Code}");
                }

                values.AddRange(expanded.Where(v => !values.Contains(v)));
            }

            chosen.Add([.. variable.Values.Where(values.Contains)]);
        }

        var total = chosen.Aggregate(1L, (product, values) => product * values.Length);
        if (total > maxDataCells)
        {
            return Problem(403, "Forbidden", "The query resulted in cell that exceeds the number of allowed.");
        }

        return StubResponse.Json(JsonStat2(table, chosen, total));
    }

    static IEnumerable<string>? Expand(string expression, IReadOnlyList<string> values)
    {
        var text = expression.Trim();
        if (text == "*")
        {
            return values;
        }

        if (Function(text, "TOP") is { } top)
        {
            return values.TakeLast(top);
        }

        if (Function(text, "BOTTOM") is { } bottom)
        {
            return values.Take(bottom);
        }

        if (text.StartsWith("RANGE(", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')') && text[6..^1].Split(',') is [var from, var to])
        {
            var start = values.ToList().IndexOf(from.Trim());
            var end = values.ToList().IndexOf(to.Trim());
            return start < 0 || end < start ? null : values.Skip(start).Take(end - start + 1);
        }

        if (text.Length > 1 && text.EndsWith('*'))
        {
            return values.Where(v => v.StartsWith(text[..^1], StringComparison.Ordinal));
        }

        return values.Contains(text) ? [text] : null;
    }

    static int? Function(string text, string name) =>
        text.StartsWith(name + "(", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')')
        && int.TryParse(text[(name.Length + 1)..^1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    string JsonStat2(PxWebTable table, List<string[]> chosen, long total)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "2.0");
            json.WriteString("class", "dataset");
            json.WriteString("label", table.Label);
            json.WriteString("source", "Statistikmyndigheten SCB");
            json.WriteString("updated", "2025-02-21T07:00:00Z");
            json.WriteStartObject("role");
            foreach (var role in new[] { "time", "metric" })
            {
                json.WriteStartArray(role);
                foreach (var variable in table.Variables.Where(v => v.Role == role))
                {
                    json.WriteStringValue(variable.Code);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartArray("id");
            foreach (var variable in table.Variables)
            {
                json.WriteStringValue(variable.Code);
            }

            json.WriteEndArray();
            json.WriteStartArray("size");
            foreach (var values in chosen)
            {
                json.WriteNumberValue(values.Length);
            }

            json.WriteEndArray();
            json.WriteStartObject("dimension");
            for (var d = 0; d < table.Variables.Count; d++)
            {
                json.WriteStartObject(table.Variables[d].Code);
                json.WriteString("label", table.Variables[d].Code.ToLowerInvariant());
                json.WriteStartObject("category");
                json.WriteStartObject("index");
                for (var i = 0; i < chosen[d].Length; i++)
                {
                    json.WriteNumber(chosen[d][i], i);
                }

                json.WriteEndObject();
                json.WriteStartObject("label");
                foreach (var code in chosen[d])
                {
                    json.WriteString(code, code);
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            var symbols = new List<(long Cell, string Symbol)>();
            json.WriteStartArray("value");
            var coordinate = new int[chosen.Count];
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            for (long cell = 0; cell < total; cell++)
            {
                for (var d = 0; d < chosen.Count; d++)
                {
                    named[table.Variables[d].Code] = chosen[d][coordinate[d]];
                }

                var content = cells(table.Id, named);
                if (content.Value is { } value)
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue();
                    if (content.Symbol is { } symbol)
                    {
                        symbols.Add((cell, symbol));
                    }
                }

                for (var d = chosen.Count - 1; d >= 0; d--)
                {
                    if (++coordinate[d] < chosen[d].Length) break;
                    coordinate[d] = 0;
                }
            }

            json.WriteEndArray();
            if (symbols.Count > 0)
            {
                json.WriteStartObject("status");
                foreach (var (cell, symbol) in symbols)
                {
                    json.WriteString(cell.ToString(CultureInfo.InvariantCulture), symbol);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static StubResponse Problem(int status, string type, string title) =>
        new(status, JsonSerializer.Serialize(new { type, title, status }), "application/problem+json");

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
