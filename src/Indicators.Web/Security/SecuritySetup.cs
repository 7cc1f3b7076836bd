using Indicators.Data;
using Indicators.Data.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Indicators.Web.Security;

public static class SecuritySetup
{
    /// <summary>Cookie sign-in with local accounts (and OpenID Connect when configured), the role policies, and authorisation by default for everything.</summary>
    public static IHostApplicationBuilder AddIndicatorsSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/logga-in";
                options.AccessDeniedPath = "/ingen-behorighet";
                options.Cookie.Name = "indicators.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            })
            // Single sign-on beside the local accounts, when Authentication:Oidc is configured.
            .AddIndicatorsOidc(builder.Configuration);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>
    /// Makes sure someone can sign in: demo users per role with the demo plan, and otherwise a first administrator
    /// whose password comes from Admin:InitialPassword or is generated once and written to the log.
    /// </summary>
    public static async Task EnsureAccountsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<UserStore>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Indicators.Accounts");
        var hasher = new PasswordHasher<AppUser>();
        var placeholder = new AppUser(0, "", "", null, 0, null, true);

        if (services.GetRequiredService<DatabaseSettings>().LoadDemoPlan)
        {
            foreach (var demo in DemoUsers)
            {
                if (!await users.ExistsAsync(demo.UserName, cancellationToken))
                {
                    await users.CreateAsync(demo.UserName, demo.DisplayName, hasher.HashPassword(placeholder, DemoPassword),
                        [(demo.Role, demo.Committee)], isDemo: true, createdBy: "system", cancellationToken);
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
        await users.CreateAsync("admin", "Administratör", hasher.HashPassword(placeholder, password),
            [(Roles.Administrator, null)], isDemo: false, createdBy: "system", cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            // Shown once, to whoever started the system; it is stored only as a hash.
            logger.LogWarning("Created the administrator 'admin' with the one-time password {Password}. Sign in and change it.", password);
        }
        else
        {
            logger.LogInformation("Created the administrator 'admin' with the password from Admin:InitialPassword");
        }
    }

    /// <summary>The demo users' shared password: only ever created together with the demo plan.</summary>
    public const string DemoPassword = "demo-2025";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Committee)> DemoUsers =
    [
        ("ledning", "Lena Ledning (demo)", Roles.Management, null),
        ("analytiker", "Anders Analytiker (demo)", Roles.Analyst, null),
        ("hsn", "Hanna HSN (demo)", Roles.Committee, "HSN"),
        ("admin.demo", "Adam Administratör (demo)", Roles.Administrator, null),
    ];
}
