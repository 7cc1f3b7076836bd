using System.Collections.Concurrent;
using Indicators.TestSupport;
using Indicators.TestSupport.Sources;

namespace Indicators.Campaign.World;

/// <summary>A request of one source held by a stub until released (the run is then reading, waiting for it).</summary>
public sealed class Hold
{
    readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="skip">Requests of the source to let through before the one held.</param>
    public Hold(int skip) => Skip = skip;

    public int Skip { get; private set; }

    /// <summary>Completes when the held request has arrived.</summary>
    public Task Held => held.Task;

    public void Release() => released.TrySetResult();

    internal bool TakeTurn()
    {
        if (Skip-- > 0)
        {
            return false;
        }

        held.TrySetResult();
        return true;
    }

    internal Task WaitAsync(CancellationToken cancellationToken) => released.Task.WaitAsync(cancellationToken);
}

/// <summary>
/// The Kolada and PxWeb stubs serving the campaign's sources, each at its current generation, with per-source faults
/// (<see cref="ArmFault"/>) and holds (<see cref="ArmHold"/>). A fault applies to a source's data requests: the first
/// <c>skip</c> pass, the next <c>count</c> get the fault.
/// </summary>
public sealed class CampaignStubs : IAsyncDisposable
{
    readonly Dictionary<string, (CampaignSource Source, string Code)> byKpi = new(StringComparer.Ordinal);
    readonly Dictionary<string, CampaignSource> byTable = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<int, FaultPlan> faults = new();
    readonly ConcurrentDictionary<int, Hold> holds = new();
    readonly ConcurrentDictionary<int, int> served = new();

    CampaignStubs(KoladaStub kolada, PxWebStub pxWeb)
    {
        Kolada = kolada;
        PxWeb = pxWeb;
    }

    public KoladaStub Kolada { get; }

    public PxWebStub PxWeb { get; }

    sealed class FaultPlan(SourceFault fault, int skip, int count)
    {
        int skip = skip;
        int count = count;

        public SourceFault Fault => fault;

        public int Injected { get; private set; }

        public bool TakeTurn()
        {
            lock (this)
            {
                if (skip > 0)
                {
                    skip--;
                    return false;
                }

                if (count <= 0)
                {
                    return false;
                }

                count--;
                Injected++;
                return true;
            }
        }
    }

    public static async Task<CampaignStubs> StartAsync(IReadOnlyList<CampaignSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        CampaignStubs? stubs = null;
        var kolada = await KoladaStub.StartAsync((kpi, area, year) =>
            stubs!.byKpi.TryGetValue(kpi, out var owner) ? SourceData.Kolada(owner.Code, area, year, owner.Source.Generation) : [],
            pointsPerPage: 1000);
        var tables = sources.Where(s => s.Table is not null).Select(s => new PxWebTable(s.Table!, $"Kampanjens tabell {s.Table}",
        [
            new PxWebVariable("Region", [.. SourceData.Areas.Select(a => a[2..])]),
            new PxWebVariable("ContentsCode", [.. s.Indicators.Keys.Select(CampaignDatabase.ContentsCode)], "metric"),
            new PxWebVariable("Kon", ["1", "2", "1+2"]),
            new PxWebVariable("Tid", [.. SourceData.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))], "time"),
        ])).ToList();
        // A small maxDataCells: each source's selection is split into five requests, as a big table's would be.
        var pxWeb = await PxWebStub.StartAsync(tables, (table, cell) =>
        {
            var source = stubs!.byTable[table];
            var code = source.Indicators.Keys.First(c => CampaignDatabase.ContentsCode(c) == cell["ContentsCode"]);
            return SourceData.PxWeb(code, cell["Region"], cell["Kon"], cell["Tid"], source.Generation);
        }, maxDataCells: 2_500);
        stubs = new CampaignStubs(kolada, pxWeb);
        foreach (var source in sources)
        {
            if (source.Kind == "kolada")
            {
                foreach (var code in source.Indicators.Keys)
                {
                    stubs.byKpi[CampaignDatabase.KpiOf(code)] = (source, code);
                }
            }
            else if (source.Table is { } table)
            {
                stubs.byTable[table] = source;
            }
        }

        kolada.Intercept = (request, healthy, ct) =>
            stubs.byKpi.TryGetValue(request.Kpis.Count > 0 ? request.Kpis[0] : "", out var owner) ? stubs.InterceptAsync(owner.Source.Id, healthy, ct) : Task.FromResult<StubResponse?>(null);
        pxWeb.Intercept = (call, healthy, ct) =>
            call.Table is { } t && stubs.byTable.TryGetValue(t, out var source) ? stubs.InterceptAsync(source.Id, healthy, ct) : Task.FromResult<StubResponse?>(null);
        return stubs;
    }

    /// <summary>From now on, the source's data requests after the first <paramref name="skip"/> get the fault, <paramref name="count"/> times.</summary>
    public void ArmFault(int sourceId, SourceFault fault, int skip, int count) => faults[sourceId] = new FaultPlan(fault, skip, count);

    /// <summary>How many answers carried the source's armed fault; the plan is removed.</summary>
    public int DisarmFault(int sourceId) => faults.TryRemove(sourceId, out var plan) ? plan.Injected : 0;

    /// <summary>Holds the source's data request after the first <paramref name="skip"/> until released.</summary>
    public Hold ArmHold(int sourceId, int skip)
    {
        var hold = new Hold(skip);
        holds[sourceId] = hold;
        return hold;
    }

    public void DisarmHold(int sourceId)
    {
        if (holds.TryRemove(sourceId, out var hold))
        {
            hold.Release();
        }
    }

    /// <summary>Data requests answered for the source so far.</summary>
    public int Served(int sourceId) => served.GetValueOrDefault(sourceId);

    async Task<StubResponse?> InterceptAsync(int sourceId, Func<string> healthy, CancellationToken cancellationToken)
    {
        served.AddOrUpdate(sourceId, 1, (_, n) => n + 1);
        if (holds.TryGetValue(sourceId, out var hold) && hold.TakeTurn())
        {
            holds.TryRemove(sourceId, out _);
            await hold.WaitAsync(cancellationToken);
        }

        return faults.TryGetValue(sourceId, out var plan) && plan.TakeTurn() ? SourceFaults.Answer(plan.Fault, healthy()) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Kolada.DisposeAsync();
        await PxWeb.DisposeAsync();
    }
}
