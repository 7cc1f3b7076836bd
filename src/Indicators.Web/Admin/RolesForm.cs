using Indicators.Data.Users;
using Indicators.Web.Security;

namespace Indicators.Web.Admin;

/// <summary>
/// An account's roles as the form chooses them: a box per role, the nämnd of a Nämnd role (required, by id: codes
/// repeat across organisations), and for Granskare one nämnd or all. The store checks what is chosen
/// (<see cref="UserAdministration"/>), so the rules are written once.
/// </summary>
public sealed class RolesForm
{
    /// <summary>The Granskare scope that means every nämnd.</summary>
    public const string AllCommittees = "";

    public HashSet<string> Chosen { get; } = new(StringComparer.Ordinal);

    public int? CommitteeId { get; set; }

    /// <summary><see cref="AllCommittees"/> or a committee's id.</summary>
    public string ReviewerScope { get; set; } = AllCommittees;

    public bool Has(string role) => Chosen.Contains(role);

    public void Set(string role, bool chosen)
    {
        if (chosen)
        {
            Chosen.Add(role);
        }
        else
        {
            Chosen.Remove(role);
        }
    }

    public static RolesForm From(IEnumerable<AssignedRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var form = new RolesForm();
        foreach (var role in roles)
        {
            form.Chosen.Add(role.Role);
            if (role.Role == Roles.Committee)
            {
                form.CommitteeId ??= role.CommitteeId;
            }
            else if (role.Role == Roles.Reviewer)
            {
                form.ReviewerScope = role.CommitteeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? AllCommittees;
            }
        }

        return form;
    }

    public List<RoleGrant> ToGrants() =>
    [
        .. Roles.All.Where(Chosen.Contains).Select(role => new RoleGrant(role, role switch
        {
            Roles.Committee => CommitteeId,
            Roles.Reviewer => int.TryParse(ReviewerScope, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null,
            _ => null,
        })),
    ];
}
