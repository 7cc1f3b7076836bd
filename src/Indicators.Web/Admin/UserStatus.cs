using Indicators.Data.Users;

namespace Indicators.Web.Admin;

/// <summary>An account's state and way of signing in, in words (never by colour alone).</summary>
public static class UserStatus
{
    public static string Describe(UserListing user, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsActive ? "Inaktiverad"
            : user.LockoutEnd > utcNow ? "Aktiv, spärrad en stund efter misslyckade inloggningar"
            : user.MustChangePassword ? "Aktiv, ska byta engångslösenordet"
            : "Aktiv";
    }

    public static string SignIn(UserListing user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsExternal ? "Organisationens inloggning" : "Lösenord";
    }
}
