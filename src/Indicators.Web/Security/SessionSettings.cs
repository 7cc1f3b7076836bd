namespace Indicators.Web.Security;

/// <summary>How long a session lasts, from <c>Authentication:Session</c> (README, Security).</summary>
public sealed class SessionSettings
{
    public const string Section = "Authentication:Session";

    /// <summary>A session unused for this long ends (sliding: every request, and an open page's revalidation, count as use).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>However much it is used, a session ends this long after its sign-in.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open interactive page checks that its session still holds (a save always checks at once).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(15);

    public static SessionSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<SessionSettings>() ?? new SessionSettings();
        if (settings.IdleTimeout <= TimeSpan.Zero || settings.AbsoluteLifetime <= TimeSpan.Zero || settings.RevalidationInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: IdleTimeout, AbsoluteLifetime and RevalidationInterval must be longer than zero.");
        }

        return settings;
    }
}

/// <summary>Limits on sign-in attempts, from <c>Authentication:SignInLimits</c> (README, Security).</summary>
public sealed class SignInLimitSettings
{
    public const string Section = "Authentication:SignInLimits";

    /// <summary>Sign-in posts one address may make per <see cref="Window"/>, whatever the accounts.</summary>
    public int PerAddress { get; set; } = 30;

    /// <summary>Sign-in posts for one user name per <see cref="Window"/> in this process, whatever the addresses.</summary>
    public int PerAccount { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed sign-ins without an account are counted per address over this window and audited as one row.</summary>
    public TimeSpan AuditWindow { get; set; } = TimeSpan.FromMinutes(5);

    public static SignInLimitSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<SignInLimitSettings>() ?? new SignInLimitSettings();
        if (settings.PerAddress < 1 || settings.PerAccount < 1 || settings.Window <= TimeSpan.Zero || settings.AuditWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: PerAddress and PerAccount must be at least 1, Window and AuditWindow longer than zero.");
        }

        return settings;
    }
}
