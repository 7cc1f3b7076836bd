using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Indicators.Web.Security;

/// <summary>
/// Single sign-on with OpenID Connect: authorization code flow with PKCE; the provider's roles become ours when the
/// token is validated, and our own cookie is the session afterwards, exactly as for a local account.
/// </summary>
public static class OidcSignIn
{
    /// <summary>Where the sign-in button goes; it challenges the provider.</summary>
    public const string ChallengePath = "/konto/logga-in-extern";

    public static AuthenticationBuilder AddIndicatorsOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OidcSettings.Section).Get<OidcSettings>() ?? new OidcSettings();
        authentication.Services.AddSingleton(settings);
        authentication.Services.TryAddSingleton<SingleSignOnAccounts>();
        if (!settings.Enabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(OidcSettings.Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            // Claims keep the names the token gives them ("roles", "sub"), not WS-Federation URIs.
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            // Only the id_token is kept (below), for the provider's sign-out; access tokens are not needed here.
            options.SaveTokens = false;
            options.Scope.Add("email");
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
            options.SignedOutRedirectUri = "/logga-in";
            options.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = KeepIdToken,
                // Not at TokenValidated: for the token endpoint's id_token the nonce is checked only after that event.
                OnTicketReceived = context => TicketReceivedAsync(context, settings),
                OnRemoteFailure = RemoteFailureAsync,
                OnAccessDenied = AccessDeniedAsync,
            };
        });
    }

    /// <summary>Keeps the id_token on the session: the provider's sign-out wants it as id_token_hint.</summary>
    static Task KeepIdToken(TokenValidatedContext context)
    {
        var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken;
        if (idToken is not null)
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// After every check has passed: maps the provider's roles to ours, records the account and the sign-in, and
    /// refuses a user without a role.
    /// </summary>
    static async Task TicketReceivedAsync(TicketReceivedContext context, OidcSettings settings)
    {
        var token = context.Principal!;
        var subject = token.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            context.Fail("The id_token has no sub claim.");
            return;
        }

        var issuer = token.FindFirst("iss")?.Value ?? settings.Authority!;
        var email = token.FindFirst("email")?.Value;
        var userName = token.FindFirst(settings.UserNameClaim)?.Value ?? email ?? subject;
        var displayName = token.FindFirst("name")?.Value ?? userName;
        var roles = settings.MapRoles(token.FindAll(settings.RoleClaim).Select(c => c.Value));

        var store = context.HttpContext.RequestServices.GetRequiredService<SingleSignOnAccounts>();
        var result = await store.SignInAsync(
            new ExternalIdentity($"{issuer}|{subject}", userName, displayName, email), roles, settings.Organisation,
            context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
        if (result.Outcome != ExternalSignInOutcome.SignedIn)
        {
            // Refused, not signed in with nothing: the access-denied page says why, in Swedish.
            context.Response.Redirect(AccessDeniedFor(result.Outcome));
            context.HandleResponse();
            return;
        }

        // Our own session from here on, as for a local account: the roles are read from the account on every request.
        context.Principal = SessionPrincipal.SignIn(result.UserId!.Value, result.UserName, result.DisplayName, OidcSettings.Scheme);
    }

    public static string AccessDeniedFor(ExternalSignInOutcome outcome) => outcome switch
    {
        ExternalSignInOutcome.NoRole => "/ingen-behorighet?orsak=ingen-roll",
        ExternalSignInOutcome.Inactive => "/ingen-behorighet?orsak=inaktiv",
        ExternalSignInOutcome.NameTaken => "/ingen-behorighet?orsak=namn-upptaget",
        ExternalSignInOutcome.AmbiguousCommittee => "/ingen-behorighet?orsak=tvetydig-namnd",
        _ => "/ingen-behorighet",
    };

    /// <summary>A token that failed validation (signature, issuer, nonce, state …): audited, and back to the sign-in page.</summary>
    static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var failure = context.Failure;
        // The exception's own message (IdentityModel hides personal data in it by default), shortened; never the token.
        var reason = failure is null ? "unknown" : $"{failure.GetType().Name}: {failure.Message}";
        if (reason.Length > 300)
        {
            reason = reason[..300];
        }

        // Counted per address and window, not a row each: anyone can send the callback a spoiled answer.
        await context.HttpContext.RequestServices.GetRequiredService<SignInFailures>().RecordAsync(context.HttpContext, null, OidcSettings.Scheme, reason);
        context.Response.Redirect("/logga-in?fel=oidc");
        context.HandleResponse();
    }

    /// <summary>The provider answered access_denied (the user cancelled or was not allowed): audited, and said so.</summary>
    static async Task AccessDeniedAsync(AccessDeniedContext context)
    {
        await context.HttpContext.RequestServices.GetRequiredService<SignInFailures>().RecordAsync(context.HttpContext, null, OidcSettings.Scheme, "access_denied");
        // Not AccessDeniedPath: it is a path, and would escape the query that says why.
        context.Response.Redirect("/ingen-behorighet?orsak=nekad");
        context.HandleResponse();
    }

    /// <summary>Whether the provider publishes an end_session_endpoint, so that signing out can end its session too.</summary>
    public static async Task<bool> ProviderCanSignOutAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcSettings.Scheme);
        if (options.ConfigurationManager is null)
        {
            return false;
        }

        try
        {
            var configuration = await options.ConfigurationManager.GetConfigurationAsync(context.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (InvalidOperationException)
        {
            // Provider unreachable: the local session is ended anyway.
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
