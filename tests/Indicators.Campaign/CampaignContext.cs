using Indicators.Campaign.Processes;
using Indicators.Campaign.Web;
using Indicators.Campaign.World;
using Npgsql;

namespace Indicators.Campaign;

/// <summary>Everything the phases share: options, ledger, database, stubs, processes, sessions, and the step under way.</summary>
public sealed class CampaignContext(CampaignOptions options, Ledger ledger, string folder, string connectionString)
{
    string step = "setup";

    public CampaignOptions Options => options;

    public Ledger Ledger => ledger;

    /// <summary>The campaign's folder under /var/tmp: logs, the watched folders' root.</summary>
    public string Folder => folder;

    public string LogFolder => Path.Combine(folder, "logs");

    public string FilesRoot => Path.Combine(folder, "files");

    public string ConnectionString => connectionString;

    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = "campaign",
        // A restart ends every session; the pool must not hand out dead ones afterwards.
        ConnectionLifetime = 30,
    }.ConnectionString);

    /// <summary>What is happening now, named in every failure: "kill 17 (mid-COPY) of source 4 'Kampanj Kolada 4'".</summary>
    public string Step
    {
        get => Volatile.Read(ref step);
        set => Volatile.Write(ref step, value);
    }

    public List<CampaignSource> Sources { get; set; } = [];

    public CampaignSource FuzzFiles { get; set; } = null!;

    public CampaignSource FuzzSettings { get; set; } = null!;

    public PageIds Pages { get; set; } = null!;

    public CampaignStubs Stubs { get; set; } = null!;

    public Fleet Fleet { get; set; } = null!;

    public WebSession Analyst { get; set; } = null!;

    public WebSession Admin { get; set; } = null!;

    public StuckWatch StuckWatch { get; set; } = null!;

    /// <summary>The campaign's choices (sources, aims, delays) follow the seed; only one phase draws from it at a time.</summary>
    public Random Random { get; } = new(options.Seed);

    /// <summary>A draw for phases whose tasks run side by side (Random is not thread-safe).</summary>
    public int Next(int maxValue)
    {
        lock (Random)
        {
            return Random.Next(maxValue);
        }
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => await DataSource.OpenConnectionAsync(cancellationToken);
}
