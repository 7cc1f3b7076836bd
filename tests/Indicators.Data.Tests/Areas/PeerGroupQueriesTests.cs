using Dapper;
using Indicators.Data.Demo;
using Indicators.Data.Indicators;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests.Areas;

/// <summary>The indicator page's peer comparison with a comparison group: its members and riket instead of all regions.</summary>
public class PeerGroupQueriesTests
{
    [Fact]
    public async Task With_Norra_sjukvårdsregionen_the_peers_are_its_four_regions_and_riket()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<int>("select id from indicator where area_id = '0022' and code = 'N79173'");
        var norra = await connection.ExecuteScalarAsync<int>("select id from area_group where name = 'Norra sjukvårdsregionen'");
        var queries = new IndicatorQueries(dataSource);

        var all = (await queries.GetPageAsync(id, null))!;
        var grouped = (await queries.GetPageAsync(id, null, norra))!;

        // The demo's outcomes cover riket and some regions: the group keeps exactly those of them in Norra sjukvårdsregionen.
        string[] norraAndRiket = ["0000", "0022", "0023", "0024", "0025"];
        Assert.Contains(all.Peers, p => !norraAndRiket.Contains(p.AreaId));
        Assert.Equal(all.Peers.Select(p => p.AreaId).Where(norraAndRiket.Contains).Order(StringComparer.Ordinal),
            grouped.Peers.Select(p => p.AreaId).Order(StringComparer.Ordinal));
        Assert.Contains(grouped.Peers, p => p.AreaId == "0024");
        Assert.Equal(all.PeerPeriod, grouped.PeerPeriod);
        Assert.Equal(all.Peers.Single(p => p.AreaId == "0024").Value, grouped.Peers.Single(p => p.AreaId == "0024").Value);
    }
}
