using System.Net;
using System.Text.RegularExpressions;
using Indicators.TestSupport;

namespace Indicators.Web.Tests;

public class ProgressRulesPageTests
{
    static string Normalised(string html) => Regex.Replace(WebUtility.HtmlDecode(html).Replace('\u00A0', ' '), @"\s+", " ");

    [Fact]
    public async Task The_rules_page_shows_every_progress_method_with_examples_computed_by_the_engine()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new TestWebApp(connectionString);
        await TestUsers.CreateAsync(connectionString, "nils", "Ledning");
        using var client = app.CreateClient();
        await TestUsers.SignInAsync(client, "nils");

        var html = Normalised(await client.GetStringAsync(new Uri("/sa-bedoms-maluppfyllelse", UriKind.Relative)));

        Assert.Contains("Försämring. Metod: Open SDG:s tillväxtkvot mot målvärdet, på årsvärden. 2024 16,6 % → 2025 12,4 %, målvärde 16,0 % 2027.", html, StringComparison.Ordinal);
        Assert.Contains("värdena är negativa, så en minskning av beloppet räknas som en ökning", html, StringComparison.Ordinal);
        Assert.Contains("I fas. Metod: linjär bana mot målvärdet, på årsvärden. 2024 −600 mnkr → 2025 −362 mnkr, målvärde 0 mnkr 2027", html, StringComparison.Ordinal);
        Assert.Contains("Metod: Open SDG:s tillväxtkvot mot målvärdet, på rullande 12 månader t.o.m. augusti (medelvärde). sep 2023–aug 2024 4,5 % → sep 2025–aug 2026 2,8 %", html, StringComparison.Ordinal);
        Assert.Contains("Metod: Open SDG:s årliga tillväxttakt (utan målvärde), på årsvärden. 2024 241 980 invånare → 2025 241 610 invånare.", html, StringComparison.Ordinal);
        Assert.Contains("Kan ej bedömas: inget värde efter basåret 2024", html, StringComparison.Ordinal);
        Assert.Contains("minst 0,95 <strong>i fas</strong>, minst 0,6 <strong>behöver öka takten</strong>", html, StringComparison.Ordinal);
    }
}
