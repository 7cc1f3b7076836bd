namespace Indicators.Core.Formatting;

/// <summary>
/// The Swedish name of each stored role code (app_role.name), in one place for the pages and the audit log; and how the
/// user writers record a role with its nämnd ("Namnd:HSN#3", code and id) or an older entry did ("Namnd (HSN)").
/// </summary>
public static class RoleNames
{
    /// <summary>"Nämnd" for "Namnd", "Administratör" for "Administrator"; an unknown code as it is.</summary>
    public static string SwedishName(string role) => Known(role) ?? role;

    static string? Known(string role) => role switch
    {
        "Ledning" => "Ledning",
        "Analytiker" => "Analytiker",
        "Namnd" => "Nämnd",
        "Granskare" => "Granskare",
        "Administrator" => "Administratör",
        _ => null,
    };

    /// <summary>A recorded role in Swedish: "Namnd:HSN#3" and "Namnd (HSN)" read "Nämnd (HSN)"; null when the role is unknown.</summary>
    public static string? Recorded(string recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var end = recorded.IndexOfAny([':', ' ']);
        var role = end < 0 ? recorded : recorded[..end];
        if (Known(role) is not { } name || end < 0)
        {
            return Known(role);
        }

        var rest = recorded[end..];
        return name + (rest.StartsWith(':') ? $" ({rest[1..].Split('#')[0]})" : rest);
    }
}
