using System.Net;
using Indicators.Data;
using Microsoft.AspNetCore.HttpOverrides;

namespace Indicators.Web.Security;

/// <summary>
/// Behind a TLS proxy (a load balancer, an ingress) the app sees the proxy's address and plain http. With the proxies
/// named in ForwardedHeaders:KnownProxies (addresses) or ForwardedHeaders:KnownNetworks (CIDR), their X-Forwarded-For
/// and X-Forwarded-Proto give the client's real address (audit log, sign-in throttling) and scheme (Secure cookies,
/// HSTS, redirects). Off unless configured: then those headers from anyone are ignored, as they could be forged.
/// </summary>
public static class ForwardedHeadersSetup
{
    const string Section = "ForwardedHeaders";

    public static IHostApplicationBuilder AddIndicatorsForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var proxies = Entries(builder.Configuration, "KnownProxies").Select(entry =>
            IPAddress.TryParse(entry, out var address) ? address : throw Invalid("KnownProxies", entry)).ToList();
        var networks = Entries(builder.Configuration, "KnownNetworks").Select(entry =>
            System.Net.IPNetwork.TryParse(entry, out var network) ? network : throw Invalid("KnownNetworks", entry)).ToList();
        if (proxies.Count > 0 || networks.Count > 0)
        {
            builder.Services.AddSingleton(new TrustedProxies(proxies, networks));
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Only the configured ones: the defaults trust loopback, and a proxy on the same host is not a given.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
                // Through every trusted proxy in a chain, back to the first address that is not one: the client.
                options.ForwardLimit = null;
            });
        }

        // The antiforgery cookie is never Secure by default; like the sign-in cookie, it is Secure whenever the request
        // is https, which behind a trusted TLS proxy it now is.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseIndicatorsForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<TrustedProxies>() is null ? app : app.UseForwardedHeaders();

    /// <summary>The proxies whose forwarded headers are believed.</summary>
    public sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks);

    /// <summary>A list (Key:0, Key:1 …) or one value with several entries separated by commas or spaces (an environment variable).</summary>
    static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        return new[] { section.Value }.Concat(section.GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    static DatabaseStartupException Invalid(string key, string entry) => new(
        $"{Section}:{key} innehåller \"{entry}\", som inte är en {(key == "KnownProxies" ? "IP-adress" : "nätverksadress (CIDR, t.ex. 10.0.0.0/8)")}. " +
        $"/ {Section}:{key}: \"{entry}\" is not {(key == "KnownProxies" ? "an IP address" : "a network in CIDR notation")}.");
}
