using Dapper;
using Indicators.Core.Formatting;
using Npgsql;

namespace Indicators.Data.Areas;

/// <summary>An area of the catalogue as the Områden page lists it: Kolada id, SCB code and the län it belongs to.</summary>
public sealed record AreaListing(string Id, string Name, string ShortName, string Kind, string? ScbCode, string? CountyCode, string? CountyName);

/// <summary>A comparison group with its members (id and name) in the areas' order, and the row version a form saves against.</summary>
public sealed record AreaGroupListing(int Id, string Name, string? Description, string RowVersion, IReadOnlyList<AreaMember> Members);

public sealed record AreaMember(string Id, string Name);

/// <summary>Reads the area catalogue and the comparison groups.</summary>
public sealed class AreaQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Every area: riket and the regions first (in their order), then the kommuner by kommunkod (SCB's order, by län), then the rest.</summary>
    public async Task<IReadOnlyList<AreaListing>> ListAreasAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.id, a.name, a.short_name, a.kind, a.scb_code, a.county_code, r.name as CountyName
            from area a
            left join area r on r.kind = 'region' and r.scb_code = a.county_code
            order by case a.kind when 'country' then 0 when 'region' then 1 when 'municipality' then 2 else 3 end,
                     case when a.kind in ('country', 'region') then a.sort_order end, a.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<AreaListing>(new CommandDefinition(sql, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every comparison group by name (Swedish order), with its members.</summary>
    public async Task<IReadOnlyList<AreaGroupListing>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select g.id, g.name, g.description, g.xmin::text as RowVersion from area_group g order by g.id;
            select m.group_id, a.id, a.name
            from area_group_member m join area a on a.id = m.area_id
            order by a.sort_order, a.id;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var groups = (await results.ReadAsync<GroupRow>()).AsList();
        var members = (await results.ReadAsync<MemberRow>()).ToLookup(m => m.GroupId, m => new AreaMember(m.Id, m.Name));
        return [.. groups.Select(g => new AreaGroupListing(g.Id, g.Name, g.Description, g.RowVersion, [.. members[g.Id]]))
            .OrderBy(g => g.Name, StringComparer.Create(SwedishFormat.Culture, ignoreCase: true))];
    }

    sealed record GroupRow(int Id, string Name, string? Description, string RowVersion);

    sealed record MemberRow(int GroupId, string Id, string Name);
}
