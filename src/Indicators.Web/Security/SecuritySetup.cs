using Indicators.Data;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Indicators.Web.Security;

public static class SecuritySetup
{
    /// <summary>
    /// Cookie sign-in with local accounts (and OpenID Connect when configured) over server-side sessions, the role
    /// policies, authorisation by default for everything, and the sign-in rate limits.
    /// </summary>
    public static IHostApplicationBuilder AddIndicatorsSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        var sessions = SessionSettings.From(builder.Configuration);
        builder.Services.AddSingleton(sessions);
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/logga-in";
                options.AccessDeniedPath = "/ingen-behorighet";
                options.Cookie.Name = "indicators.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // The cookie only names a server-side session; the session's idle timeout and absolute lifetime are
                // checked on every request (SessionCookie), the cookie's own expiry is the idle timeout as well.
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = sessions.IdleTimeout;
                options.Events = SessionCookie.Events();
            })
            // Single sign-on beside the local accounts, when Authentication:Oidc is configured.
            .AddIndicatorsOidc(builder.Configuration);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
        // Interactive pages check their session again while they are open (and a save checks it at once).
        builder.Services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        builder.Services.AddSignInLimits(SignInLimitSettings.From(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Makes sure someone can sign in: demo users per role with the demo plan, and otherwise a first administrator
    /// whose password comes from Admin:InitialPassword or is generated once and written to the log.
    /// </summary>
    public static async Task EnsureAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserQueries>();
        var editor = services.GetRequiredService<UserEditor>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Indicators.Accounts");
        var hasher = new PasswordHasher<AppUser>();
        var placeholder = new AppUser(0, "", "", null, 0, null, true);

        if (services.GetRequiredService<DatabaseSettings>().LoadDemoPlan)
        {
            foreach (var demo in DemoUsers)
            {
                if (!await users.ExistsAsync(demo.UserName, cancellationToken))
                {
                    // The demo nämnd is the demo organisation's: another organisation may use the same code.
                    var committee = demo.Committee is null ? null : await users.FindCommitteeAsync(demo.Committee, DemoOrganisation, cancellationToken);
                    await editor.CreateAsync(demo.UserName, demo.DisplayName, hasher.HashPassword(placeholder, DemoPassword),
                        [(demo.Role, committee)], isDemo: true, createdBy: "system",
                        organisations: DemoUserOrganisations.TryGetValue(demo.UserName, out var area) ? [area] : null, cancellationToken: cancellationToken);
                }
            }
        }

        if (await users.AnyAdministratorAsync(cancellationToken))
        {
            return;
        }

        var configured = services.GetRequiredService<IConfiguration>()["Admin:InitialPassword"];
        var password = string.IsNullOrEmpty(configured)
            ? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(15))
            : configured;
        // A generated password is a one-time password: whoever signs in with it first chooses their own.
        await editor.CreateAsync("admin", "Administratör", hasher.HashPassword(placeholder, password),
            [(Roles.Administrator, null)], isDemo: false, createdBy: "system",
            mustChangePassword: string.IsNullOrEmpty(configured), cancellationToken: cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            // Shown once, to whoever started the system; it is stored only as a hash.
            logger.LogWarning("Created the administrator 'admin' with the one-time password {Password}. It must be changed at the first sign-in.", password);
        }
        else
        {
            logger.LogInformation("Created the administrator 'admin' with the password from Admin:InitialPassword");
        }
    }

    /// <summary>The demo plan's organisation (Region Västernorrland), whose nämnd the demo Nämnd user belongs to.</summary>
    const string DemoOrganisation = "0022";

    /// <summary>The demo users' shared password: only ever created together with the demo plan.</summary>
    public const string DemoPassword = "demo-2025";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Committee)> DemoUsers =
    [
        ("ledning", "Lena Ledning (demo)", Roles.Management, null),
        ("analytiker", "Anders Analytiker (demo)", Roles.Analyst, null),
        ("hsn", "Hanna HSN (demo)", Roles.Committee, "HSN"),
        ("granskare", "Greta Granskare (demo)", Roles.Reviewer, "HSN"),
        ("admin.demo", "Adam Administratör (demo)", Roles.Administrator, null),
        ("vasterbotten", "Vera Västerbotten (demo)", Roles.Management, null),
    ];

    /// <summary>Demo users limited to one organisation (issue 21): Vera sees only Region Västerbotten.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoUserOrganisations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vasterbotten"] = "0024",
    };
}
