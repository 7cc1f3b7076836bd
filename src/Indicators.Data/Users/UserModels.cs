namespace Indicators.Data.Users;

/// <summary>A role as stored; a Nämnd role names its committee.</summary>
public sealed record UserRole(string Role, int? CommitteeId, string? CommitteeCode);

/// <summary>A role as the administration pages show it: a Nämnd or Granskare role with its committee's name (none: every nämnd).</summary>
public sealed record AssignedRole(string Role, int? CommitteeId, string? CommitteeName);

/// <summary>
/// A user as the administration pages show it: how they sign in (a local password or single sign-on), whether they
/// must change a one-time password, whether failed sign-ins have locked them out, and their roles.
/// </summary>
public sealed record UserListing(
    int Id, string UserName, string DisplayName, string? Email, bool IsActive, bool IsDemo, bool IsExternal, bool MustChangePassword,
    DateTime? LockoutEnd, DateTime CreatedAt)
{
    public IReadOnlyList<AssignedRole> Roles { get; init; } = [];

    /// <summary>The organisations the account is limited to; none: every organisation (issue 21).</summary>
    public IReadOnlyList<Organisations.Organisation> Organisations { get; init; } = [];
}

public sealed record CommitteeChoice(int Id, string Code, string Name);

public sealed record AppUser(int Id, string UserName, string DisplayName, string? PasswordHash, int FailedSignIns, DateTime? LockoutEnd, bool IsActive);

/// <summary>A counted sign-in attempt: the <see cref="Number"/>th since the last success, and whether its password may be checked.</summary>
public sealed record SignInAttempt(AppUser User, int Number, bool MayCheck);

/// <summary>A committee code that names committees of several organisations, where exactly one was needed.</summary>
public sealed class AmbiguousCommitteeException(string code, IReadOnlyList<CommitteeChoice> matches)
    : Exception($"The committee code '{code}' names {matches.Count} committees (ids {string.Join(", ", matches.Select(m => m.Id))}); name the organisation.")
{
    public string Code { get; } = code;
}
