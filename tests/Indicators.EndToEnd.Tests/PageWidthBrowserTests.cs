using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Indicators.TestSupport;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace Indicators.EndToEnd.Tests;

/// <summary>
/// Every page fits a phone, a tablet and two desktop screens for every role: the page never scrolls sideways, the
/// header's sign-out button stays on screen and its links do not overlap, and axe-core finds nothing at any width.
/// The pages are the app's own routes (every Razor page), so a new page is measured without being listed here.
/// </summary>
[Collection(BrowserTests.Name)]
public class PageWidthBrowserTests(Browser browser, ITestOutputHelper output)
{
    /// <summary>Widest first: each page loads once and is narrowed step by step, as a person resizing a window.</summary>
    static readonly int[] Widths = [1440, 1280, 768, 390];

    const int Height = 900;

    static readonly Lock TraceLock = new();

    static readonly string TracePath = Path.Combine(Browser.OutputFolder, "page-widths.log");

    /// <summary>The demo's users, one per role (anonymous: the pages anyone may open).</summary>
    static readonly (string Role, string? UserName)[] Visitors =
    [
        ("Administratör", "admin.demo"),
        ("Analytiker", "analytiker"),
        ("Ledning", "ledning"),
        ("Nämnd", "hsn"),
        ("Anonym", null),
    ];

    /// <summary>
    /// Pages with route parameters, opened at a concrete address in the demo data: route pattern → SQL giving the
    /// address. Where there is a choice, the fullest: the goal with the most indicators, the Kolada source's settings.
    /// </summary>
    static readonly Dictionary<string, string> ConcretePaths = new()
    {
        ["/indikator/{Id:int}"] = "select '/indikator/' || id from indicator where area_id = '0022' and code = 'N79173'",
        ["/indikatorer/{Id:int}/redigera"] = "select '/indikatorer/' || id || '/redigera' from indicator where area_id = '0022' and code = 'N79173'",
        ["/mal/{Id:int}"] = "select '/mal/' || goal_id from goal_indicator group by goal_id order by count(*) desc, goal_id limit 1",
        ["/malomrade/{Id:int}"] = "select '/malomrade/' || g.goal_area_id from goal g group by g.goal_area_id order by count(*) desc, g.goal_area_id limit 1",
        ["/namnd/{Id:int}"] = "select '/namnd/' || id from committee where area_id = '0022' and code = 'HSN'",
        ["/atgardsplan/{Id:int}"] = "select '/atgardsplan/' || min(id) from action_plan",
        ["/planer/{PlanId:int}/namndplaner"] = "select '/planer/' || min(id) || '/namndplaner' from plan",
        ["/uppdrag/{Id:int}"] = "select '/uppdrag/' || id from assignment where code = 'RF-2025-1'",
        ["/uppdrag/{Id:int}/redigera"] = "select '/uppdrag/' || id || '/redigera' from assignment where code = 'RF-2025-1'",
        ["/admin/anvandare/{Id:int}"] = "select '/admin/anvandare/' || id from app_user where user_name = 'hsn'",
        ["/kallor/{Id:int}"] = "select '/kallor/' || id from source where kind = 'kolada' order by id limit 1",
        ["/kallor/{Id:int}/redigera"] = "select '/kallor/' || id || '/redigera' from source where kind = 'kolada' order by id limit 1",
        // The file source: its preview reads the local inbox (the others would try the internet, which tests lack).
        ["/kallor/{Id:int}/forhandsgranskning"] = "select '/kallor/' || id || '/forhandsgranskning' from source where kind = 'file' order by id limit 1",
        // A quarantined upload with a long rejected row: the file page at its fullest.
        ["/kallor/{Id:int}/filer/{FileId:long}"] = """
            with f as (
                insert into source_file (source_id, origin, file_name, content, sha256, size, uploaded_by, quarantined_at,
                                         quarantine_reason, rejected_rows, rows_read)
                select id, 'upload', 'hyrpersonal-med-ett-mycket-långt-filnamn-2025-augusti.csv', '\x00', sha256('\x00'), 1, 'analytiker',
                       now(), '1 av 5 datarader i filen avvisades, fler än de 10 % regeln tillåter.',
                       '[{"row": 3, "column": "Värde", "value": "ettmycketlångtvärdeutanmellanslagsomintefårgetvärsscroll", "reason": "Inte ett tal."}]',
                       5
                from source where kind = 'file' order by id limit 1
                returning id, source_id)
            select '/kallor/' || source_id || '/filer/' || id from f
            """,
        ["/kallor/korningar/{RunId:long}"] = "select '/kallor/korningar/' || max(id) from ingestion_run",
        ["/planer/{PlanId:int}"] = "select '/planer/' || min(id) from plan",
        ["/rapporter/{PeriodId:int}"] = "select '/rapporter/' || id from report_period where kind = 'interim' order by year desc limit 1",
        ["/rapporter/{PeriodId:int}/namnd/{CommitteeId:int}"] = """
            select '/rapporter/' || p.id || '/namnd/' || c.id from report_period p, committee c
            where p.kind = 'interim' and c.area_id = '0022' and c.code = 'HSN' order by p.year desc limit 1
            """,
    };

    sealed record Measure(int ScrollWidth, int ClientWidth, bool? SignOutOnScreen, string Overlaps, string Culprit);

    /// <summary>What the page measures of itself; the culprit is the element reaching furthest right when it overflows.</summary>
    const string MeasureScript = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const signOut = document.querySelector('.site-header .sign-out button');
            const box = signOut && signOut.getBoundingClientRect();
            const items = [...document.querySelectorAll('.site-header a:not(.skip-link), .site-header button, .site-header .tagline')]
                .filter(e => e.offsetParent !== null)
                .map(e => ({ text: e.textContent.trim(), box: e.getBoundingClientRect() }));
            const overlaps = [];
            for (let i = 0; i < items.length; i++)
                for (let j = i + 1; j < items.length; j++) {
                    const a = items[i].box, b = items[j].box;
                    if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
                        overlaps.push(items[i].text + ' / ' + items[j].text);
                }
            let culprit = '';
            if (root.scrollWidth > width) {
                let furthest = 0;
                // A scroll box clips what it holds, so that cannot widen the page; an absolutely positioned element
                // whose containing block lies outside the box escapes it (a visually hidden text in a far column).
                const clipped = e => {
                    if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
                    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
                        if (getComputedStyle(a).overflowX !== 'visible') return true;
                    return false;
                };
                for (const e of document.body.querySelectorAll('*')) {
                    const right = e.getBoundingClientRect().right + window.scrollX;
                    if (right > furthest && !clipped(e)) {
                        furthest = right;
                        culprit = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' → ' + Math.round(right);
                    }
                }
            }
            return JSON.stringify({
                ScrollWidth: root.scrollWidth, ClientWidth: width,
                SignOutOnScreen: box ? box.left >= 0 && box.right <= width && box.width > 0 : null,
                Overlaps: overlaps.join('; '), Culprit: culprit });
        }
        """;

    [Fact]
    public async Task Every_page_fits_390_768_1280_and_1440_px_for_every_role_with_the_header_on_screen_and_no_axe_violations()
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = "true" });
        var baseUrl = app.StartKestrel();
        var paths = await PagePathsAsync(app, connectionString);
        File.Delete(TracePath);

        // The same markup at the same width gives axe the same answer: a page's content is checked once per width,
        // whichever role comes first, and each role's header once per width (roles mostly differ only in the header).
        var checkedMarkup = new ConcurrentDictionary<(int Width, string Markup), bool>();
        var sweeps = await Task.WhenAll(Visitors.Select(v => SweepAsync(v.Role, v.UserName, baseUrl, paths, checkedMarkup, clock)));

        var lines = sweeps.Select(s => s.Line).Append(
            $"{sweeps.Sum(s => s.Visits)} page visits × {Widths.Length} widths ({checkedMarkup.Count} distinct headers and contents for axe) in {clock.Elapsed.TotalSeconds:0} s").ToList();
        var failures = sweeps.SelectMany(s => s.Failures).ToList();
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        await File.WriteAllLinesAsync(Path.Combine(Browser.OutputFolder, "page-widths.txt"), lines.Concat(failures));
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n{string.Join("\n", failures)}\n\nWidest page per role and width:\n{string.Join("\n", lines)}");
    }

    /// <summary>One role's visit of every page it may open, each narrowed through the widths; in its own browser context.</summary>
    async Task<(string Line, int Visits, List<string> Failures)> SweepAsync(
        string role, string? userName, string baseUrl, IReadOnlyList<string> paths,
        ConcurrentDictionary<(int Width, string Markup), bool> checkedMarkup, Stopwatch clock)
    {
        var failures = new List<string>();
        var reported = 0;
        var visits = 0;
        var widest = Widths.ToDictionary(w => w, _ => (Excess: 0, Path: "–"));
        await using var context = await browser.Instance.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = Widths[0], Height = Height } });
        var page = await context.NewPageAsync();
        if (userName is not null)
        {
            await PageChecks.SignInAsync(page, baseUrl, userName, "demo-2025");
        }

        foreach (var path in paths)
        {
            await page.SetViewportSizeAsync(Widths[0], Height);
            await page.GotoAsync(baseUrl + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // A page the role may not open sends it elsewhere (no right, sign in, or the start page): measured there.
            if (new Uri(page.Url).AbsolutePath != path)
            {
                continue;
            }

            await ChartsDrawnAsync(page);
            visits++;
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, Height);
                await SettledAsync(page);
                var measure = JsonSerializer.Deserialize<Measure>(await page.EvaluateAsync<string>(MeasureScript))!;
                var excess = measure.ScrollWidth - measure.ClientWidth;
                var where = $"{role} {width} px {path}";
                if (excess > widest[width].Excess)
                {
                    widest[width] = (excess, $"{path} ({measure.ScrollWidth} px)");
                }

                if (excess > 0)
                {
                    failures.Add($"{where}: the page is {measure.ScrollWidth} px wide in {measure.ClientWidth} px (furthest right: {measure.Culprit})");
                }

                if (measure.SignOutOnScreen == false)
                {
                    failures.Add($"{where}: \"Logga ut\" is outside the screen");
                }

                if (measure.Overlaps.Length > 0)
                {
                    failures.Add($"{where}: header items overlap: {measure.Overlaps}");
                }

                var markup = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>(MarkupScript))!;
                var newHeader = checkedMarkup.TryAdd((width, "header " + Hash(markup[0])), true);
                if (checkedMarkup.TryAdd((width, "content " + Hash(markup[1])), true))
                {
                    failures.AddRange((await PageChecks.ViolationsAsync(page)).Select(v => $"{where}: axe {v}"));
                }
                else if (newHeader)
                {
                    failures.AddRange((await PageChecks.ViolationsAsync(page.Locator("header.site-header"))).Select(v => $"{where}: axe {v}"));
                }
            }

            // Progress and problems so far, for whoever watches a slow run: test output shows only at the end.
            lock (TraceLock)
            {
                File.AppendAllText(TracePath, $"{clock.Elapsed.TotalSeconds,6:0.0} s {role} {path}\n"
                    + string.Concat(failures.Skip(reported).Select(f => $"    {f}\n")));
            }

            reported = failures.Count;
        }

        return ($"{role,-14}" + string.Join("  ", Widths.Select(w => $"{w}: {widest[w].Path}")), visits, failures);
    }

    /// <summary>
    /// The header's markup and the rest of the page's, without what differs per request or per user: tokens, Blazor's
    /// markers, the user's name.
    /// </summary>
    const string MarkupScript = """
        () => {
            const copy = document.body.cloneNode(true);
            copy.querySelectorAll('input[type=hidden], .site-header .user').forEach(e => e.remove());
            const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
            const comments = [];
            while (walker.nextNode()) comments.push(walker.currentNode);
            comments.forEach(c => c.remove());
            const header = copy.querySelector('header.site-header');
            const headerMarkup = header ? header.outerHTML : '';
            if (header) header.remove();
            return JSON.stringify([headerMarkup, copy.innerHTML]);
        }
        """;

    static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Every Razor page of the app, parameters filled from the demo data; a page with parameters not in
    /// <see cref="ConcretePaths"/> fails the test, so it cannot go unmeasured.</summary>
    static async Task<List<string>> PagePathsAsync(TestWebApp app, string connectionString)
    {
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var unknown = patterns.Where(p => p.Contains('{', StringComparison.Ordinal) && !ConcretePaths.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, $"Pages without a concrete address in {nameof(ConcretePaths)}: {string.Join(", ", unknown)}");
        Assert.True(patterns.Count > 20, $"Only {patterns.Count} pages found: {string.Join(", ", patterns)}");

        await using var connection = new NpgsqlConnection(connectionString);
        var paths = new List<string>();
        foreach (var pattern in patterns)
        {
            paths.Add(ConcretePaths.TryGetValue(pattern, out var sql)
                ? await connection.ExecuteScalarAsync<string>(sql) ?? throw new InvalidOperationException($"The demo data has nothing for {pattern}.")
                : pattern);
        }

        return paths;
    }

    /// <summary>Charts draw once the circuit is up; wait for every chart's drawing before measuring.</summary>
    static async Task ChartsDrawnAsync(IPage page) => await page.WaitForFunctionAsync(
        "() => [...document.querySelectorAll('.js-plotly-plot, [id$=-diagram]')].every(d => d.querySelector('.main-svg'))",
        null, new() { Timeout = 15_000 });

    /// <summary>Lets layout follow a resize: two frames, and Plotly's responsive redraw (debounced) where there are charts.</summary>
    static async Task SettledAsync(IPage page)
    {
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        if (await page.Locator(".js-plotly-plot").CountAsync() > 0)
        {
            await page.WaitForTimeoutAsync(250);
        }
    }
}
