namespace Indicators.Web.Security;

/// <summary>
/// Single sign-on through OpenID Connect (Entra ID or any provider), from <c>Authentication:Oidc</c>. Off unless
/// <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The handler's scheme name; also how an account's sign-in source is recorded on the session.</summary>
    public const string Scheme = "oidc";

    /// <summary>Claim on our session naming how the user signed in (<see cref="Scheme"/> for single sign-on).</summary>
    public const string SignedInWithClaim = "indicators:signed-in-with";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: bound from configuration only, never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The id_token claim holding the user's roles (Entra ID app roles: <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Our role → the claim value that grants it, e.g. <c>Analytiker = "Indicators.Analytiker"</c>. When nothing is
    /// configured each role is granted by a claim value equal to its own name (Ledning, Analytiker, Administrator);
    /// when anything is configured, only what is configured.
    /// </summary>
    public Dictionary<string, string>? RoleMap { get; set; }

    /// <summary>A role claim value <c>{prefix}{committee code}</c> grants the Nämnd role for that committee, e.g. <c>Namnd.HSN</c>.</summary>
    public string CommitteeRolePrefix { get; set; } = "Namnd.";

    /// <summary>
    /// The organisation (its area id, e.g. <c>0022</c>) whose nämnder the provider's committee codes name. Rights go by
    /// committee, and two organisations may both have an <c>HSN</c>: with this set a code is looked up among this
    /// organisation's committees only; without it, a code that several organisations share refuses the sign-in.
    /// </summary>
    public string? Organisation { get; set; }

    /// <summary>The claim shown as the user name (falls back to email, then the subject).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Text of the sign-in button.</summary>
    public string DisplayName { get; set; } = "Logga in med organisationens konto";

    /// <summary>Only for a provider on plain http in tests; production metadata is always https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The roles the provider's role claim values grant, with the committee code of a Nämnd role.</summary>
    public IReadOnlyList<(string Role, string? CommitteeCode)> MapRoles(IEnumerable<string> claimValues)
    {
        // Configuration keys are case-insensitive, so role names in the map are too; Nämnd goes by the prefix instead.
        var map = RoleMap is { Count: > 0 } configured
            ? configured.Where(r => !string.IsNullOrWhiteSpace(r.Value))
                .Select(r => (Role: Roles.All.FirstOrDefault(role => string.Equals(role, r.Key, StringComparison.OrdinalIgnoreCase)), Value: r.Value.Trim()))
                .Where(r => r.Role is not null && r.Role != Roles.Committee)
                .Select(r => (Role: r.Role!, r.Value))
                .ToList()
            : [.. Roles.All.Where(r => r != Roles.Committee).Select(r => (Role: r, Value: r))];
        var roles = new List<(string Role, string? CommitteeCode)>();
        foreach (var value in claimValues)
        {
            roles.AddRange(map.Where(m => string.Equals(m.Value, value, StringComparison.Ordinal)).Select(m => (m.Role, (string?)null)));
            if (CommitteeRolePrefix.Length > 0 && value.Length > CommitteeRolePrefix.Length && value.StartsWith(CommitteeRolePrefix, StringComparison.Ordinal))
            {
                roles.Add((Roles.Committee, value[CommitteeRolePrefix.Length..]));
            }
        }

        return [.. roles.Distinct()];
    }
}
