namespace Indicators.Web.Health;

/// <summary>
/// `Indicators.Web health [url]`: asks the running app's /health/ready and exits 0 when it answers 200, else 1. For a
/// container's healthcheck: the ASP.NET Core runtime image has no curl or wget. The url defaults to this container's
/// first port in ASPNETCORE_HTTP_PORTS (8080 in the image) on 127.0.0.1.
/// </summary>
public static class HealthProbeCommand
{
    public static bool Handles(string[] args) => args is ["health", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            await output.WriteLineAsync($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await output.WriteLineAsync($"{url}: {e.Message}");
            return 1;
        }
    }

    static string DefaultUrl()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return $"http://127.0.0.1:{port}{HealthEndpoints.ReadyPath}";
    }
}
