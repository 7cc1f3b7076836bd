using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Indicators.Web.Tests.Oidc;

/// <summary>How the next id_token is spoiled, to see the app refuse it.</summary>
public enum Tampering
{
    None,
    WrongSignature,
    WrongIssuer,
    WrongNonce,
}

/// <summary>
/// A minimal OpenID Connect provider on 127.0.0.1, shaped like Entra ID's v2.0 endpoints: discovery, JWKS, an
/// authorize endpoint that answers with form_post (as ASP.NET Core asks by default), a token endpoint that checks the
/// client secret and the PKCE verifier and returns an RS256 id_token with a <c>roles</c> array and the nonce echoed,
/// and an end-session endpoint.
/// </summary>
public sealed class OidcProviderStub : IAsyncDisposable
{
    public const string ClientId = "indicators-test-client";
    public const string ClientSecret = "stub-client-secret";
    const string KeyId = "stub-key-1";

    readonly WebApplication app;
    readonly RSA key = RSA.Create(2048);
    readonly RSA otherKey = RSA.Create(2048);
    readonly ConcurrentDictionary<string, (string Nonce, string Challenge, string RedirectUri)> codes = new();
    readonly ConcurrentQueue<string> endSessions = new();

    OidcProviderStub(WebApplication app) => this.app = app;

    /// <summary>http://127.0.0.1:port, without a trailing slash: the issuer and the authority.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Who signs in next.</summary>
    public string Subject { get; set; } = "sub-0001";

    public string UserName { get; set; } = "karin.karlsson@region.example";

    public string DisplayName { get; set; } = "Karin Karlsson";

    public IReadOnlyList<string> Roles { get; set; } = [];

    public Tampering Tamper { get; set; }

    /// <summary>Answer the next sign-in with error=access_denied, as when the user cancels or is not assigned the app.</summary>
    public bool Deny { get; set; }

    /// <summary>The query strings the end-session endpoint received.</summary>
    public IReadOnlyList<string> EndSessions => [.. endSessions];

    public static async Task<OidcProviderStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OidcProviderStub(app);
        app.MapGet("/.well-known/openid-configuration", stub.Discovery);
        app.MapGet("/jwks", stub.Jwks);
        app.MapGet("/authorize", stub.Authorize);
        app.MapPost("/token", (Delegate)stub.TokenAsync);
        app.MapGet("/logout", stub.EndSession);
        await app.StartAsync();
        stub.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return stub;
    }

    IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["end_session_endpoint"] = $"{Issuer}/logout",
        ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
        ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    });

    IResult Jwks()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", kid = KeyId, alg = "RS256", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["nonce"]) || !$"{query["scope"]}".Split(' ').Contains("openid"))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var redirectUri = query["redirect_uri"].ToString();
        codes[code] = (query["nonce"].ToString(), query["code_challenge"].ToString(), redirectUri);
        var state = query["state"].ToString();
        var (name, value) = Deny ? ("error", "access_denied") : ("code", code);
        if (query["response_mode"] != "form_post")
        {
            return Results.Redirect($"{redirectUri}?{name}={value}&state={Uri.EscapeDataString(state)}");
        }

        // What Entra ID sends: a page whose script posts the form back to the app.
        var html = $"""
            <html><body onload="document.forms[0].submit()">
            <form method="post" action="{WebUtility.HtmlEncode(redirectUri)}">
            <input type="hidden" name="{name}" value="{value}" />
            <input type="hidden" name="state" value="{WebUtility.HtmlEncode(state)}" />
            </form></body></html>
            """;
        return Results.Content(html, "text/html");
    }

    async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (clientId, secret) = ClientCredentials(context.Request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var verifierHash = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (verifierHash != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
        }

        return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "opaque-access-token", id_token = IdToken(grant.Nonce) });
    }

    static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    string IdToken(string nonce)
    {
        var now = DateTime.UtcNow;
        var signingKey = new RsaSecurityKey(Tamper == Tampering.WrongSignature ? otherKey : key) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Tamper == Tampering.WrongIssuer ? "https://login.evil.example/v2.0" : Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Subject,
                ["nonce"] = Tamper == Tampering.WrongNonce ? "a-nonce-from-another-sign-in" : nonce,
                ["name"] = DisplayName,
                ["preferred_username"] = UserName,
                ["email"] = UserName,
                ["roles"] = Roles.ToArray(),
                ["tid"] = "00000000-0000-0000-0000-000000000001",
            },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    IResult EndSession(HttpContext context)
    {
        endSessions.Enqueue(context.Request.QueryString.Value ?? "");
        var back = context.Request.Query["post_logout_redirect_uri"].ToString();
        var state = context.Request.Query["state"].ToString();
        return string.IsNullOrEmpty(back) ? Results.Ok() : Results.Redirect($"{back}?state={Uri.EscapeDataString(state)}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        key.Dispose();
        otherKey.Dispose();
    }
}
