using Indicators.Core.Editing;
using Indicators.Data.Editing;

namespace Indicators.Data.Users;

/// <summary>
/// The user_organisation table's writes (issue 21): the organisations an account is limited to, replaced as a whole and
/// audited before → after (an update of the user, field "organisations"); none is every organisation.
/// </summary>
static class UserOrganisationWriter
{
    /// <summary>
    /// Makes <paramref name="areaIds"/> the account's limit after checking each is an organisation of the installation (an
    /// area owning a plan or a nämnd) and that the account's Nämnd and Granskare roles name nämnder inside it. With
    /// <paramref name="anyArea"/> (the system's demo accounts, made before every demo plan may be there) any area will do.
    /// </summary>
    public static async Task ReplaceAsync(AuditedEdit edit, int userId, IReadOnlyList<string> areaIds, bool anyArea = false)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(areaIds);
        var after = areaIds.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var known = (await edit.ListAsync<string>("""
            select a.id from area a
            where a.id = any(@Ids) and (@AnyArea or exists (select 1 from plan p where p.area_id = a.id) or exists (select 1 from committee c where c.area_id = a.id))
            """, new { Ids = after.ToArray(), AnyArea = anyArea })).ToHashSet(StringComparer.Ordinal);
        if (after.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
        {
            throw new InvalidEditException("Organisations", $"Organisationen {unknown} finns inte i systemet (den äger ingen plan och ingen nämnd). Ladda om sidan.");
        }

        var before = (await UserQueries.ReadOrganisationsAsync(edit.Connection, edit.Transaction, userId, edit.CancellationToken)).ToList();
        if (!before.SequenceEqual(after, StringComparer.Ordinal))
        {
            await edit.ExecuteAsync("delete from user_organisation where user_id = @Id", new { Id = userId });
            foreach (var area in after)
            {
                await edit.ExecuteAsync("insert into user_organisation (user_id, area_id) values (@UserId, @AreaId)", new { UserId = userId, AreaId = area });
            }

            await edit.RecordAsync("update", "user", userId, new { organisations = before }, new { organisations = after });
        }

        await RequireRolesInsideAsync(edit, userId);
    }

    /// <summary>Refuses a limit that leaves one of the account's Nämnd or Granskare roles naming a nämnd of another organisation.</summary>
    public static async Task RequireRolesInsideAsync(AuditedEdit edit, int userId)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var outside = await edit.ListAsync<string>("""
            select c.name || ' (' || a.name || ')'
            from user_role r join committee c on c.id = r.committee_id join area a on a.id = c.area_id
            where r.user_id = @UserId
              and exists (select 1 from user_organisation o where o.user_id = @UserId)
              and not exists (select 1 from user_organisation o where o.user_id = @UserId and o.area_id = c.area_id)
            order by 1
            """, new { UserId = userId });
        if (outside.Count > 0)
        {
            throw new InvalidEditException("Organisations", $"Rollens nämnd hör till en organisation som kontot inte är begränsat till: {string.Join(", ", outside)}. "
                + "Välj en nämnd i en tillåten organisation, eller lägg till dess organisation.");
        }
    }
}
