namespace Indicators.Core.Organisations;

/// <summary>
/// The organisations (their area ids, e.g. "0022" Region Västernorrland, "0024" Region Västerbotten) a user may see. An
/// account with no limit sees every organisation of the installation (<see cref="All"/>); an account limited to one or
/// more sees only their plans, nämnder, indicators, reports, uppdrag and åtgärdsplaner (issue 21). Reads and writes in
/// the store take the scope and filter or refuse by it; pages only pass it on.
/// </summary>
public sealed record OrganisationScope
{
    OrganisationScope(IReadOnlyList<string>? areaIds) => AreaIds = areaIds;

    /// <summary>Every organisation: accounts without a limit, and the background jobs.</summary>
    public static OrganisationScope All { get; } = new((IReadOnlyList<string>?)null);

    /// <summary>Limited to these organisations (none at all: sees nothing).</summary>
    public static OrganisationScope Only(IEnumerable<string> areaIds)
    {
        ArgumentNullException.ThrowIfNull(areaIds);
        return new([.. areaIds.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The organisations' area ids, or null for every organisation.</summary>
    public IReadOnlyList<string>? AreaIds { get; }

    public bool IsLimited => AreaIds is not null;

    public bool Allows(string areaId) => AreaIds is null || AreaIds.Contains(areaId, StringComparer.Ordinal);

    /// <summary>For SQL: <c>(@Organisations::text[] is null or x.area_id = any(@Organisations))</c>.</summary>
    public string[]? SqlParameter => AreaIds?.ToArray();

    public bool Equals(OrganisationScope? other) =>
        other is not null && (AreaIds is null ? other.AreaIds is null : other.AreaIds is not null && AreaIds.SequenceEqual(other.AreaIds));

    public override int GetHashCode() => AreaIds is null ? 0 : AreaIds.Aggregate(17, (h, a) => HashCode.Combine(h, a));
}
