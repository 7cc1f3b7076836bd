using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Indicators.Benchmarks;

/// <summary>
/// The dashboard benchmark's database: a plan of 200 indicators (4 målområden × 5 mål × 10 indicators, målvärden for each
/// plan year) over 22 areas × 3 genders × 15 years, and 5 000 000 further outcomes of indicators outside the plan, monthly,
/// so the observation table is as big as a region's after years of Kolada and its own files. Outcomes go in by binary COPY.
/// </summary>
sealed record DashboardFill(int PlanIndicators, int Years, long OtherObservations)
{
    public const string PlanName = "Regionplan 2025–2027 (prestandatest)";
    public const int PlanStartYear = 2025;
    public const int PlanEndYear = 2027;
    const int GoalAreas = 4;
    const int GoalsPerArea = 5;

    /// <summary>Annual statistics lag a year: the plan's outcomes end with the plan's first year, as in a delårsrapport.</summary>
    public int LastYear => PlanStartYear;

    public int FirstYear => LastYear - Years + 1;

    public long PlanObservations => (long)PlanIndicators * Areas.Length * Genders.Length * Years;

    public static readonly string[] Areas =
    [
        "0000", "0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0012",
        "0013", "0014", "0017", "0018", "0019", "0020", "0021", "0022", "0023", "0024", "0025",
    ];

    static readonly string[] Genders = ["T", "K", "M"];

    /// <summary>Plan, goals, indicators, targets, comparison areas, sources and a year of daily runs per source.</summary>
    public async Task ArrangeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var otherIndicators = (int)Math.Ceiling(OtherObservations / (double)(Areas.Length * Genders.Length * OtherMonths().Count));
        await connection.ExecuteAsync(new CommandDefinition(ArrangeSql, new
        {
            Areas,
            PlanName,
            PlanStartYear,
            PlanEndYear,
            GoalAreas,
            GoalsPerArea,
            PlanIndicators,
            OtherIndicators = otherIndicators,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>All outcomes by binary COPY in one transaction; returns the rows written.</summary>
    public async Task<long> CopyObservationsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var indicators = (await connection.QueryAsync<(int Id, bool InPlan, int RunId)>(new CommandDefinition("""
            select i.id, i.code like 'PLAN%', (select min(r.id) from ingestion_run r where r.source_id = si.source_id and r.status = 'succeeded')::int
            from indicator i join source_indicator si on si.indicator_id = i.id
            order by i.code
            """, cancellationToken: cancellationToken))).AsList();
        var years = Enumerable.Range(FirstYear, Years).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var months = OtherMonths();
        var random = new Random(20261123);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long written = 0, others = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy observation (indicator_id, period, area_id, gender, value, status, run_id) from stdin (format binary)", cancellationToken))
        {
            foreach (var (id, inPlan, runId) in indicators)
            {
                var periods = inPlan ? years : months;
                var level = 40 + random.Next(50);
                foreach (var area in Areas)
                {
                    var areaLevel = level + random.Next(-8, 9);
                    for (var p = 0; p < periods.Count; p++)
                    {
                        foreach (var gender in Genders)
                        {
                            if (!inPlan && others == OtherObservations)
                            {
                                break;
                            }

                            // The synchronous writes take no token; Ctrl+C must still stop the fill promptly.
                            if (++written % 100_000 == 0)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                            }

                            others += inPlan ? 0 : 1;
                            importer.StartRow();
                            importer.Write(id, NpgsqlDbType.Integer);
                            importer.Write(periods[p], NpgsqlDbType.Text);
                            importer.Write(area, NpgsqlDbType.Text);
                            importer.Write(gender, NpgsqlDbType.Char);
                            if (random.Next(200) == 0)
                            {
                                // About one in 200 is streckad at the source, as in Kolada.
                                importer.WriteNull();
                                importer.Write("missing", NpgsqlDbType.Text);
                            }
                            else
                            {
                                var value = areaLevel + 0.6m * p * (inPlan ? 1 : 0.1m) + (gender == "K" ? 1.5m : gender == "M" ? -1.5m : 0) + random.Next(-20, 21) / 10m;
                                importer.Write(Math.Round(value, 1), NpgsqlDbType.Numeric);
                                importer.Write("ok", NpgsqlDbType.Text);
                            }

                            importer.Write((long)runId, NpgsqlDbType.Bigint);
                        }
                    }
                }
            }

            importer.Complete();
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Months up to August 2026: the other indicators are monthly, from the region's own systems.</summary>
    static IReadOnlyList<string> OtherMonths() =>
        [.. Enumerable.Range(0, 12 * 12 + 8).Select(m => $"{2014 + m / 12}-{m % 12 + 1:00}")];

    const string ArrangeSql = """
        insert into area (id, name, short_name, kind, sort_order)
        select id, case when id = '0000' then 'Riket' else 'Region ' || id end,
               case when id = '0000' then 'Riket' else id end,
               case when id = '0000' then 'country' else 'region' end, ord
        from unnest(@Areas::text[]) with ordinality as a (id, ord) on conflict (id) do nothing;

        insert into committee (area_id, code, name) values
            ('0022', 'RS', 'Regionstyrelsen'), ('0022', 'HSN', 'Hälso- och sjukvårdsnämnden'), ('0022', 'RUN', 'Regionala utvecklingsnämnden');

        insert into plan (area_id, name, vision, start_year, end_year) values ('0022', @PlanName, 'Liv, hälsa och hållbar utveckling', @PlanStartYear, @PlanEndYear);
        insert into plan_version (plan_id, name, kind, is_current) select id, 'Fastställd plan', 'adopted', true from plan;

        insert into goal_area (plan_version_id, code, name, description, kind, sort_order)
        select v.id, a::text, 'Målområde ' || a, 'Beskrivning av målområde ' || a || ' så som planen formulerar det.',
               case when a = @GoalAreas then 'prerequisite' else 'goal_area' end, a
        from plan_version v cross join generate_series(1, @GoalAreas) a;

        insert into goal (goal_area_id, code, name, description, owner_committee_id, sort_order)
        select ga.id, ga.code || '.' || g, 'Mål ' || ga.code || '.' || g || ': vi förbättrar verksamheten',
               'Planens text för mål ' || ga.code || '.' || g || '.', (select id from committee order by id offset g % 3 limit 1), g
        from goal_area ga cross join generate_series(1, @GoalsPerArea) g;

        -- The other indicators first: a plan is made after years of ingestion, so its indicators have the highest ids
        -- (and do not sit at the start of every index on indicator_id).
        insert into indicator (area_id, code, name, unit, decimals, direction, frequency, gender_split, primary_area_id)
        select '0022', 'OVRIG' || lpad(n::text, 4, '0'), 'Övrig månadsindikator ' || n, '%', 1, 'higher', 'month', true, '0022'
        from generate_series(1, @OtherIndicators) n;

        -- A third lower-is-better, two thirds split by gender, owned by the three committees in turn.
        insert into indicator (area_id, code, name, description, unit, decimals, direction, frequency, gender_split,
                               owner_committee_id, primary_area_id, tolerance, tolerance_kind, trend_min_difference, kpi_id)
        select '0022', 'PLAN' || lpad(n::text, 3, '0'), 'Planindikator ' || n, 'Definition av planindikator ' || n || '.', '%', 1,
               case when n % 3 = 0 then 'lower' else 'higher' end, 'year', n % 3 <> 2,
               (select id from committee order by id offset n % 3 limit 1), '0022', 3, 'absolute', 0.5, 'N' || lpad(n::text, 5, '0')
        from generate_series(1, @PlanIndicators) n;

        -- Ten indicators per mål, in code order.
        insert into goal_indicator (goal_id, indicator_id, sort_order)
        select g.id, i.id, (i.rn - 1) % 10 + 1
        from (select id, row_number() over (order by code) as rn from indicator where code like 'PLAN%') i
        join (select g.id, row_number() over (order by ga.sort_order, g.sort_order) as rn
              from goal g join goal_area ga on ga.id = g.goal_area_id) g on g.rn = (i.rn - 1) / 10 + 1;

        insert into target (plan_version_id, indicator_id, year, value, provenance, is_example)
        select v.id, i.id, y, 60 + (i.id % 30) + 2 * (y - @PlanStartYear), 'Exempel', true
        from plan_version v cross join indicator i cross join generate_series(@PlanStartYear, @PlanEndYear) y
        where i.code like 'PLAN%';

        insert into indicator_comparison_area (indicator_id, area_id)
        select i.id, a.id from indicator i cross join area a where i.code like 'PLAN%' and a.id <> '0022';

        insert into source (name, kind, cron, full_refresh_cron, settings) values
            ('Kolada', 'kolada', '0 6 * * *', '0 3 * * 0', '{}'),
            ('SCB', 'pxweb', '0 7 * * 1', null, '{"table": "TAB638"}'),
            ('Regionens egna uppgifter', 'file', '0 5 * * *', null, '{"folder": "inbox"}'),
            ('Ekonomisystemet', 'file', '0 5 * * *', null, '{"folder": "ekonomi"}');

        -- Plan indicators: half Kolada, a quarter SCB, a quarter the region's file; the others from the two files.
        insert into source_indicator (source_id, indicator_id)
        select (select id from source where name = case
                    when i.code like 'PLAN%' and i.n % 4 in (0, 1) then 'Kolada'
                    when i.code like 'PLAN%' and i.n % 4 = 2 then 'SCB'
                    when i.code like 'PLAN%' or i.n % 2 = 0 then 'Regionens egna uppgifter'
                    else 'Ekonomisystemet' end), i.id
        from (select id, code, substring(code from '[0-9]+')::int as n from indicator) i;

        -- A year of daily runs per source, every 17th failed; SCB's latest run failed, so the dashboard has one to mark.
        insert into ingestion_run (source_id, trigger, status, started_at, finished_at, rows_read, rows_done, inserted, unchanged, message)
        select s.id, 'scheduled', case when d % 17 = 5 or (s.kind = 'pxweb' and d = 0) then 'failed' else 'succeeded' end,
               now() - make_interval(days => d, mins => 5), now() - make_interval(days => d),
               1000, 1000, case when d = 364 then 1000 else 0 end, case when d = 364 then 0 else 1000 end,
               case when d % 17 = 5 or (s.kind = 'pxweb' and d = 0) then 'Kunde inte nå källan.' end
        from source s cross join generate_series(0, 364) d;
        """;
}
