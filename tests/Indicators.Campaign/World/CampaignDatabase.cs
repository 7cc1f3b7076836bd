using System.Globalization;
using System.Text.Json;
using Dapper;
using Indicators.Data.Demo;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Campaign.World;

/// <summary>Ids of the demo plan's pages, for the placeholders of hostile requests.</summary>
public sealed record PageIds(IReadOnlyDictionary<string, string> Values)
{
    public string Fill(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (name, value) in Values)
        {
            target = target.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return target;
    }
}

/// <summary>
/// The campaign's database: migrated, with the demo plan (so every page has something to show), and the campaign's own
/// sources — 8 Kolada, 6 SCB PxWeb and 4 file sources of 10–15 indicators each — plus two sources hostile input goes
/// through, and three users. Schedules are yearly, so only the campaign starts runs.
/// </summary>
public static class CampaignDatabase
{
    public const string AnalystUser = "kampanj-analytiker";
    public const string AdminUser = "kampanj-admin";
    public const string ThrowawayUser = "kampanj-slask";
    public const int KoladaSources = 8;
    public const int PxWebSources = 6;
    public const int KoladaIndicators = 15;
    public const int PxWebIndicators = 15;
    public const int FileIndicators = 10;

    /// <summary>A cron that does not fire during a campaign (03:00 on 1 January).</summary>
    const string Yearly = "0 3 1 1 *";

    public static async Task<(List<CampaignSource> Sources, CampaignSource FuzzFiles, CampaignSource FuzzSettings, PageIds Pages)> ArrangeAsync(
        string connectionString, string filesRoot, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        if (!await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The demo plan was not loaded into the campaign's fresh database.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The demo's sources stay, switched off: their pages are read, their runs are not the campaign's.
        await connection.ExecuteAsync(new CommandDefinition("update source set enabled = false, cron = @Yearly, full_refresh_cron = null", new { Yearly }, cancellationToken: cancellationToken));
        await EnsureAreasAsync(connection, cancellationToken);
        var sources = new List<CampaignSource>();
        for (var k = 1; k <= KoladaSources; k++)
        {
            sources.Add(await CreateKoladaSourceAsync(connection, k, cancellationToken));
        }

        for (var p = 1; p <= PxWebSources; p++)
        {
            var codes = Enumerable.Range(1, PxWebIndicators).Select(i => Code("S", p, i)).ToList();
            var table = Table(p);
            var settings = JsonSerializer.Serialize(new
            {
                table,
                selection = new Dictionary<string, string[]>
                {
                    ["Region"] = [.. SourceData.Areas.Select(a => a[2..])],
                    ["ContentsCode"] = [.. codes.Select(ContentsCode)],
                    ["Kon"] = ["1", "2", "1+2"],
                    ["Tid"] = [.. SourceData.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))],
                },
                codelists = new Dictionary<string, string> { ["Region"] = "vs_RegionLän07" },
                contents = codes.ToDictionary(ContentsCode, c => c),
                genderVariable = "Kon",
                genderMap = new Dictionary<string, string> { ["1"] = "M", ["2"] = "K", ["1+2"] = "T" },
            });
            sources.Add(await CreateAsync(connection, $"Kampanj SCB {p}", "pxweb", settings, codes, _ => null, FileDelivery.None, null, table, cancellationToken));
        }

        var deliveries = new[] { FileDelivery.FolderCsv, FileDelivery.FolderCsv, FileDelivery.FolderXlsx, FileDelivery.Upload };
        for (var f = 1; f <= deliveries.Length; f++)
        {
            sources.Add(await CreateFileSourceAsync(connection, f, deliveries[f - 1], filesRoot, cancellationToken));
        }

        var fuzzFiles = await CreateFuzzFilesAsync(connection, cancellationToken);
        // Hostile settings are stored in this one, one at a time; switched off so no folder watcher lists its folder.
        var fuzzSettings = await CreateAsync(connection, "Kampanj fientliga inställningar", "kolada", "{}", ["Z01"], _ => "N99001", FileDelivery.None, null, null, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("update source set enabled = false where id = @Id", new { fuzzSettings.Id }, cancellationToken: cancellationToken));

        await CreateUsersAsync(connectionString);
        return (sources, fuzzFiles, fuzzSettings, await PageIdsAsync(connection, fuzzFiles, cancellationToken));
    }

    /// <summary>The campaign's users: an analyst, an administrator, and one whose session hostile posts may end.</summary>
    public static async Task CreateUsersAsync(string connectionString)
    {
        await TestUsers.CreateAsync(connectionString, AnalystUser, "Analytiker");
        await TestUsers.CreateAsync(connectionString, AdminUser, "Administrator");
        await TestUsers.CreateAsync(connectionString, ThrowawayUser, "Analytiker");
    }

    /// <summary>The 21 regions and riket the sources deliver for (the demo plan has most of them already).</summary>
    public static Task EnsureAreasAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            insert into area (id, name, short_name, kind)
            select id, 'Region ' || id, id, case when id = '0000' then 'country' else 'region' end from unnest(@Areas::text[]) as a (id)
            on conflict (id) do nothing
            """, new { SourceData.Areas }, cancellationToken: cancellationToken));

    /// <summary>Kolada source k: 15 indicators K{k}-01… with KPIs N9{k}01…, all regions and riket from 2015.</summary>
    public static Task<CampaignSource> CreateKoladaSourceAsync(NpgsqlConnection connection, int k, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(1, KoladaIndicators).Select(i => Code("K", k, i)).ToList();
        var settings = JsonSerializer.Serialize(new { areas = SourceData.Areas, fromYear = SourceData.FirstYear });
        return CreateAsync(connection, $"Kampanj Kolada {k}", "kolada", settings, codes, c => KpiOf(c), FileDelivery.None, null, null, cancellationToken);
    }

    /// <summary>File source f: 10 indicators F{f}-01…, from a watched folder under <paramref name="filesRoot"/> or from uploads.</summary>
    public static Task<CampaignSource> CreateFileSourceAsync(NpgsqlConnection connection, int f, FileDelivery delivery, string filesRoot, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(1, FileIndicators).Select(i => Code("F", f, i)).ToList();
        var folder = delivery == FileDelivery.Upload ? null : $"kampanj-{f}";
        if (folder is not null)
        {
            Directory.CreateDirectory(Path.Combine(filesRoot, folder));
        }

        var settings = FileSettings(folder, delivery == FileDelivery.FolderXlsx ? "*.xlsx" : "*.csv");
        return CreateAsync(connection, $"Kampanj fil {f}", "file", settings, codes, _ => null, delivery,
            folder is null ? null : Path.Combine(filesRoot, folder), null, cancellationToken);
    }

    /// <summary>The source hostile files are uploaded to: uploads only; the hostile generators' rows name indicators P01–P05.</summary>
    public static Task<CampaignSource> CreateFuzzFilesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        CreateAsync(connection, "Kampanj fientliga filer", "file", FileSettings(null, null),
            [.. Enumerable.Range(1, 5).Select(i => $"P0{i}")], _ => null, FileDelivery.Upload, null, null, cancellationToken);

    /// <summary>Ids for the placeholders of hostile requests: the demo plan's first plan, indicator, mål, nämnd, period, source.</summary>
    public static async Task<PageIds> PageIdsAsync(NpgsqlConnection connection, CampaignSource fuzzFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(fuzzFiles);
        var pages = await connection.QuerySingleAsync<(int Plan, int Version, int Indicator, int Goal, int GoalArea, int Committee, int Period, int Source)>(new CommandDefinition("""
            select (select min(id) from plan), (select min(id) from plan_version), (select min(id) from indicator where is_demo),
                   (select min(id) from goal), (select min(id) from goal_area), (select min(id) from committee),
                   (select min(id) from report_period), (select min(id) from source where is_demo)
            """, cancellationToken: cancellationToken));
        var ids = new Dictionary<string, string>
        {
            ["plan"] = Text(pages.Plan), ["version"] = Text(pages.Version), ["indicator"] = Text(pages.Indicator), ["goal"] = Text(pages.Goal),
            ["goalArea"] = Text(pages.GoalArea), ["committee"] = Text(pages.Committee), ["period"] = Text(pages.Period),
            ["source"] = Text(pages.Source), ["fileSource"] = Text(fuzzFiles.Id), ["run"] = "1",
        };
        return new PageIds(ids);
    }

    public static string Code(string prefix, int source, int indicator) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{source:00}-{indicator:00}");

    /// <summary>"K03-07" → "N90307".</summary>
    public static string KpiOf(string code) => "N9" + code[1..3] + code[4..6];

    public static string Table(int source) => string.Create(CultureInfo.InvariantCulture, $"TABK{source}");

    /// <summary>"S02-07" → "BE02X07".</summary>
    public static string ContentsCode(string code) => "BE" + code[1..3] + "X" + code[4..6];

    static string FileSettings(string? folder, string? pattern) => JsonSerializer.Serialize(new
    {
        folder,
        pattern,
        mapping = new { indicatorColumn = "indicator", periodColumn = "period", areaColumn = "area", genderColumn = "gender", valueColumn = "value", statusColumn = "status" },
    });

    static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    static async Task<CampaignSource> CreateAsync(
        NpgsqlConnection connection, string name, string kind, string settings, IReadOnlyList<string> codes, Func<string, string?> kpi,
        FileDelivery delivery, string? folder, string? table, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            ids[code] = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
                insert into indicator (area_id, code, name, unit, decimals, direction, frequency, gender_split, primary_area_id, kpi_id)
                values ('0022', @Code, 'Kampanjens nyckeltal ' || @Code, '%', 1, 'higher', 'year', true, '0022', @Kpi)
                returning id
                """, new { Code = code, Kpi = kpi(code) }, cancellationToken: cancellationToken));
        }

        var id = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            insert into source (name, kind, cron, settings) values (@Name, @Kind, @Yearly, @Settings::jsonb) returning id
            """, new { Name = name, Kind = kind, Yearly, Settings = settings }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into source_indicator (source_id, indicator_id) select @Id, unnest(@Indicators)", new { Id = id, Indicators = ids.Values.ToArray() },
            cancellationToken: cancellationToken));
        return new CampaignSource(id, name, kind, ids, delivery, folder, table);
    }
}
