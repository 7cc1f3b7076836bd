using Dapper;
using Indicators.Data.Migrations;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests.Areas;

/// <summary>
/// The area catalogue of migration V0022: riket, the 21 regions and the 290 kommuner of SCB's code list, with their
/// Kolada ids and SCB codes, on a new installation and on one that already had areas of its own.
/// </summary>
public class AreaCatalogueTests
{
    [Fact]
    public async Task A_new_installation_knows_riket_the_21_regions_and_the_290_kommuner()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();

        var counts = (await connection.QueryAsync<(string Kind, int Count)>("select kind, count(*)::int from area group by kind"))
            .ToDictionary(c => c.Kind, c => c.Count);

        Assert.Equal(new Dictionary<string, int> { ["country"] = 1, ["region"] = 21, ["municipality"] = 290 }, counts);
        Assert.Equal(21, await connection.ExecuteScalarAsync<int>("select count(distinct county_code) from area where kind = 'municipality'"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from area k
            where k.kind = 'municipality' and not exists (select 1 from area r where r.kind = 'region' and r.scb_code = k.county_code)
            """));
    }

    [Theory]
    [InlineData("0000", "Riket", "country", "00", null)]
    [InlineData("0022", "Region Västernorrland", "region", "22", "22")]
    [InlineData("0009", "Region Gotland", "region", "09", "09")]
    [InlineData("0014", "Västra Götalandsregionen", "region", "14", "14")]
    [InlineData("0180", "Stockholm", "municipality", "0180", "01")]
    [InlineData("1480", "Göteborg", "municipality", "1480", "14")]
    [InlineData("1280", "Malmö", "municipality", "1280", "12")]
    [InlineData("2281", "Sundsvall", "municipality", "2281", "22")]
    [InlineData("2480", "Umeå", "municipality", "2480", "24")]
    [InlineData("0980", "Gotland", "municipality", "0980", "09")]
    [InlineData("0114", "Upplands Väsby", "municipality", "0114", "01")]
    [InlineData("0330", "Knivsta", "municipality", "0330", "03")]
    [InlineData("2584", "Kiruna", "municipality", "2584", "25")]
    public async Task Known_areas_have_their_Kolada_id_SCB_code_and_län(string id, string name, string kind, string scbCode, string? countyCode)
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        await using var connection = await dataSource.OpenConnectionAsync();

        var area = await connection.QuerySingleAsync<(string Name, string Kind, string ScbCode, string? CountyCode)>(
            "select name, kind, scb_code, county_code from area where id = @Id", new { Id = id });

        Assert.Equal((name, kind, scbCode, countyCode), area);
    }

    [Fact]
    public async Task An_installation_that_had_areas_keeps_their_names_and_gets_the_codes_and_the_rest()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var before = MigrationScript.Embedded().Where(s => s.Version < 22).ToList();
        await new MigrationRunner(dataSource, before, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await TestPostgres.ExecuteAsync(connectionString, """
            insert into area (id, name, short_name, kind, sort_order) values
                ('0022', 'Regionen', 'RVN', 'region', 1),
                ('0180', 'Stockholms stad', 'Sthlm', 'other', 7),
                ('EGEN', 'Eget område', 'Eget', 'other', 8);
            """);

        await new MigrationRunner(dataSource, MigrationScript.Embedded(), NullLogger<MigrationRunner>.Instance).MigrateAsync();

        await using var connection = await dataSource.OpenConnectionAsync();
        var kept = (await connection.QueryAsync<(string Id, string Name, string ShortName, string Kind, string? ScbCode, string? CountyCode)>(
            "select id, name, short_name, kind, scb_code, county_code from area where id in ('0022', '0180', 'EGEN') order by id")).ToList();
        Assert.Equal([
            ("0022", "Regionen", "RVN", "region", "22", "22"),
            ("0180", "Stockholms stad", "Sthlm", "other", "0180", "01"),
            ("EGEN", "Eget område", "Eget", "other", null, null)], kept);
        Assert.Equal(313, await connection.ExecuteScalarAsync<int>("select count(*) from area"));
    }
}
