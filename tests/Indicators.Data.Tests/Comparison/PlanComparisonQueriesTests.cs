using Dapper;
using Indicators.Core.Attainment;
using Indicators.Core.Comparison;
using Indicators.Core.Editing;
using Indicators.Core.FollowUp;
using Indicators.Core.Organisations;
using Indicators.Core.Plans;
using Indicators.Data.Audit;
using Indicators.Data.Comparison;
using Indicators.Data.Demo;
using Indicators.Data.Plans;
using Indicators.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Indicators.Data.Tests.Comparison;

/// <summary>
/// The comparison of the demo's adopted plan with a copy of it (issue 21): aligned by code and by an analyst's match, the
/// målvärden side by side and today's outcomes judged under each version; refused outside the user's organisations.
/// </summary>
public class PlanComparisonQueriesTests
{
    static readonly Actor Analyst = new("analytiker.test", "127.0.0.1");
    static readonly FollowUpPeriod Year2025 = FollowUpPeriod.WholeYear(2025);

    sealed record Demo(NpgsqlDataSource DataSource, string ConnectionString, int PlanId, int AdoptedId, int CopyId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => DataSource.DisposeAsync();

        public async Task ExecuteAsync(string sql, object? parameters = null)
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            await connection.ExecuteAsync(sql, parameters);
        }

        public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
        }

        public Task<int> GoalAsync(int versionId, string code) => ScalarAsync<int>("""
            select g.id from goal g join goal_area ga on ga.id = g.goal_area_id where ga.plan_version_id = @VersionId and g.code = @Code
            """, new { VersionId = versionId, Code = code });
    }

    /// <summary>The demo with a copy of its adopted version ("Förslag (kopia)"), made by the plan editor.</summary>
    static async Task<Demo> DemoWithCopyAsync()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoPlanLoader(dataSource, NullLogger<DemoPlanLoader>.Instance).LoadIfEmptyAsync();
        await TestUsers.CreateAsync(dataSource, Analyst.UserName!, "Analytiker", null);
        await using var connection = await dataSource.OpenConnectionAsync();
        var (planId, adoptedId) = await connection.QuerySingleAsync<(int, int)>("""
            select p.id, v.id from plan p join plan_version v on v.plan_id = p.id
            where p.area_id = '0022' and p.name = 'Regionplan 2025–2027' and v.name = 'Fastställd plan'
            """);
        var copyId = await new PlanEditor(dataSource).CreateVersionAsync(
            planId, new PlanVersionDraft("Förslag (kopia)", "proposal", "Test", null, false), adoptedId, Analyst);
        return new Demo(dataSource, connectionString, planId, adoptedId, copyId);
    }

    [Fact]
    public async Task A_version_compared_with_its_copy_is_aligned_by_code_and_the_same_throughout()
    {
        await using var demo = await DemoWithCopyAsync();

        var comparison = (await new PlanComparisonQueries(demo.DataSource).CompareAsync(demo.AdoptedId, demo.CopyId, Year2025, OrganisationScope.All))!;

        Assert.Equal(("Fastställd plan", "Förslag (kopia)"), (comparison.Left.VersionName, comparison.Right.VersionName));
        Assert.Equal(("adopted", "proposal", "0022"), (comparison.Left.VersionKind, comparison.Right.VersionKind, comparison.Right.OrganisationId));
        Assert.NotEmpty(comparison.GoalAreas);
        Assert.All(comparison.GoalAreas, a => Assert.Equal((MatchKind.ByCode, Difference.Same), (a.Match, a.Difference)));
        Assert.All(comparison.GoalAreas.SelectMany(a => a.Goals), g => Assert.Equal((MatchKind.ByCode, Difference.Same), (g.Match, g.Difference)));
        Assert.All(comparison.Indicators, i => Assert.Equal(Difference.Same, i.Difference));
        Assert.Equal(comparison.LeftCounts, comparison.RightCounts);
        Assert.Equal(comparison.Indicators.Count, comparison.LeftCounts.Total);
    }

    [Fact]
    public async Task A_changed_mål_text_and_a_stricter_målvärde_show_as_changes_and_fewer_achieved_under_the_stricter_version()
    {
        await using var demo = await DemoWithCopyAsync();
        var queries = new PlanComparisonQueries(demo.DataSource);
        var before = (await queries.CompareAsync(demo.AdoptedId, demo.CopyId, Year2025, OrganisationScope.All))!;
        var achieved = before.Indicators.First(i => i.Left?.Status == AttainmentStatus.Achieved);
        var direction = await demo.ScalarAsync<string>("select direction from indicator where area_id = '0022' and code = @Code", new { achieved.Code });
        Assert.NotEqual("band", direction);
        var goal = before.GoalAreas.SelectMany(a => a.Goals).First();
        await demo.ExecuteAsync("update goal set name = name || ' för alla invånare' where id = @Id", new { Id = goal.RightGoalId });
        // A målvärde no outcome reaches: ten times the old one (higher is better) or a tenth of it (lower is better).
        await demo.ExecuteAsync("""
            update target set value = case when @Direction = 'higher' then value * 10 + 1000 else value / 10 - 1000 end
            where plan_version_id = @CopyId and year = 2025 and gender is null
              and indicator_id = (select id from indicator where area_id = '0022' and code = @Code)
            """, new { Direction = direction, demo.CopyId, achieved.Code });

        var after = (await queries.CompareAsync(demo.AdoptedId, demo.CopyId, Year2025, OrganisationScope.All))!;

        var changedGoal = after.GoalAreas.SelectMany(a => a.Goals).Single(g => g.RightGoalId == goal.RightGoalId);
        Assert.Equal(Difference.Changed, changedGoal.Difference);
        Assert.Equal(new TextPiece("för alla invånare", PieceKind.Added), changedGoal.Name.Pieces[^1]);
        var stricter = after.Indicators.Single(i => i.Code == achieved.Code);
        Assert.Equal(Difference.Changed, stricter.Difference);
        var target = stricter.Targets.Single(t => t.Year == 2025);
        Assert.Equal(target.RightValue - target.LeftValue, target.Difference);
        Assert.NotEqual(0m, target.Difference);
        Assert.Equal((AttainmentStatus.Achieved, AttainmentStatus.NotAchieved), (stricter.Left!.Status, stricter.Right!.Status));
        Assert.Equal(before.LeftCounts, after.LeftCounts);
        Assert.Equal(before.RightCounts.Achieved - 1, after.RightCounts.Achieved);
        Assert.Equal($"{after.LeftCounts.Achieved - 1} av {after.LeftCounts.Total} uppnådda", after.RightCounts.Summary);
    }

    [Fact]
    public async Task An_analysts_match_pairs_a_recoded_mål_in_either_direction_and_removing_it_unpairs_it()
    {
        await using var demo = await DemoWithCopyAsync();
        var queries = new PlanComparisonQueries(demo.DataSource);
        var leftGoal = await demo.GoalAsync(demo.AdoptedId, "1.1");
        var rightGoal = await demo.GoalAsync(demo.CopyId, "1.1");
        await demo.ExecuteAsync("update goal set code = '1.9' where id = @Id", new { Id = rightGoal });
        var unmatched = (await queries.CompareAsync(demo.AdoptedId, demo.CopyId, Year2025, OrganisationScope.All))!;
        Assert.Contains(unmatched.GoalAreas.SelectMany(a => a.Goals), g => g.LeftGoalId == leftGoal && g.Difference == Difference.OnlyLeft);
        Assert.Contains(unmatched.GoalAreas.SelectMany(a => a.Goals), g => g.RightGoalId == rightGoal && g.Difference == Difference.OnlyRight);

        await new ComparisonMatchEditor(demo.DataSource).MatchAsync(rightGoal, leftGoal, OrganisationScope.All, Analyst);

        foreach (var (from, to) in new[] { (demo.AdoptedId, demo.CopyId), (demo.CopyId, demo.AdoptedId) })
        {
            var matched = (await queries.CompareAsync(from, to, Year2025, OrganisationScope.All))!;
            var pair = Assert.Single(matched.GoalAreas.SelectMany(a => a.Goals), g => g.LeftGoalId is { } l && g.RightGoalId is { } r
                && new[] { l, r }.Order().SequenceEqual(new[] { leftGoal, rightGoal }.Order()));
            Assert.Equal((MatchKind.ByAnalyst, Difference.Same), (pair.Match, pair.Difference));
            Assert.DoesNotContain(matched.GoalAreas.SelectMany(a => a.Goals), g => g.Difference is Difference.OnlyLeft or Difference.OnlyRight);
        }

        Assert.Equal(1L, await demo.ScalarAsync<long>(
            "select count(*) from audit_log where entity = 'comparison_match' and action = 'create' and user_name = @Actor", new { Actor = Analyst.UserName }));

        await new ComparisonMatchEditor(demo.DataSource).RemoveAsync(leftGoal, rightGoal, OrganisationScope.All, Analyst);

        var removed = (await queries.CompareAsync(demo.AdoptedId, demo.CopyId, Year2025, OrganisationScope.All))!;
        Assert.Contains(removed.GoalAreas.SelectMany(a => a.Goals), g => g.LeftGoalId == leftGoal && g.Difference == Difference.OnlyLeft);
    }

    [Fact]
    public async Task A_match_within_one_version_of_the_same_code_or_of_a_mål_already_matched_is_refused_in_Swedish_and_nothing_is_written()
    {
        await using var demo = await DemoWithCopyAsync();
        var editor = new ComparisonMatchEditor(demo.DataSource);
        var left11 = await demo.GoalAsync(demo.AdoptedId, "1.1");
        var left12 = await demo.GoalAsync(demo.AdoptedId, "1.2");
        var right11 = await demo.GoalAsync(demo.CopyId, "1.1");
        var right12 = await demo.GoalAsync(demo.CopyId, "1.2");

        var sameVersion = await Assert.ThrowsAsync<InvalidEditException>(() => editor.MatchAsync(left11, left12, OrganisationScope.All, Analyst));
        Assert.Equal("Mål 1.1 och mål 1.2 hör båda till ”Regionplan 2025–2027 – Fastställd plan”. En matchning parar mål i två olika versioner.", sameVersion.Message);
        var sameCode = await Assert.ThrowsAsync<InvalidEditException>(() => editor.MatchAsync(left11, right11, OrganisationScope.All, Analyst));
        Assert.Contains("har samma kod och paras redan efter koden", sameCode.Message, StringComparison.Ordinal);

        await demo.ExecuteAsync("update goal set code = '1.8' where id = @Id", new { Id = right11 });
        await demo.ExecuteAsync("update goal set code = '1.9' where id = @Id", new { Id = right12 });
        await editor.MatchAsync(left11, right11, OrganisationScope.All, Analyst);
        var again = await Assert.ThrowsAsync<InvalidEditException>(() => editor.MatchAsync(right12, left11, OrganisationScope.All, Analyst));
        Assert.Equal("Mål 1.1 i ”Regionplan 2025–2027 – Fastställd plan” är redan matchat med mål 1.8 i ”Regionplan 2025–2027 – Förslag (kopia)”. "
            + "Ta bort den matchningen först.", again.Message);
        Assert.Equal(1L, await demo.ScalarAsync<long>("select count(*) from comparison_match"));
    }

    [Fact]
    public async Task A_user_without_the_analysts_right_may_not_match_mål()
    {
        await using var demo = await DemoWithCopyAsync();
        await TestUsers.CreateAsync(demo.DataSource, "lasare.test", "Ledning", null);
        var left11 = await demo.GoalAsync(demo.AdoptedId, "1.1");
        var right12 = await demo.GoalAsync(demo.CopyId, "1.2");

        var refused = await Assert.ThrowsAsync<InvalidEditException>(() =>
            new ComparisonMatchEditor(demo.DataSource).MatchAsync(left11, right12, OrganisationScope.All, new Actor("lasare.test", null)));

        Assert.Equal("Du har inte behörighet att matcha mål. Det gör analytiker och administratörer.", refused.Message);
        Assert.Equal(0L, await demo.ScalarAsync<long>("select count(*) from comparison_match"));
    }

    [Fact]
    public async Task A_version_of_an_organisation_outside_the_users_scope_or_an_unknown_version_gives_no_comparison()
    {
        await using var demo = await DemoWithCopyAsync();
        await SecondOrganisation.CreateAsync(demo.ConnectionString);
        var otherVersion = await demo.ScalarAsync<int>("select v.id from plan_version v join plan p on p.id = v.plan_id where p.area_id = '0024'");
        var queries = new PlanComparisonQueries(demo.DataSource);
        var vasterbotten = OrganisationScope.Only(["0024"]);

        Assert.Null(await queries.CompareAsync(demo.AdoptedId, otherVersion, null, vasterbotten));
        Assert.Null(await queries.CompareAsync(otherVersion, demo.AdoptedId, null, vasterbotten));
        Assert.Null(await queries.CompareAsync(demo.AdoptedId, int.MaxValue, null, OrganisationScope.All));
        Assert.NotNull(await queries.CompareAsync(otherVersion, otherVersion, null, vasterbotten));
        var across = (await queries.CompareAsync(demo.AdoptedId, otherVersion, null, OrganisationScope.All))!;
        Assert.Equal(("0022", "0024"), (across.Left.OrganisationId, across.Right.OrganisationId));
        Assert.DoesNotContain(await queries.ListVersionsAsync(vasterbotten), v => v.Version.OrganisationId != "0024");
        Assert.Contains(await queries.ListVersionsAsync(OrganisationScope.All), v => v.Version.VersionId == demo.CopyId);
        var (ownGoal, otherGoal) = (await demo.GoalAsync(demo.AdoptedId, "1.1"), await demo.GoalAsync(otherVersion, "1.1"));
        var refused = await Assert.ThrowsAsync<InvalidEditException>(() => new ComparisonMatchEditor(demo.DataSource).MatchAsync(ownGoal, otherGoal, vasterbotten, Analyst));
        Assert.StartsWith("Målet finns inte längre, eller hör till en organisation du inte har tillgång till.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_period_the_left_versions_default_period_is_used()
    {
        await using var demo = await DemoWithCopyAsync();

        var comparison = (await new PlanComparisonQueries(demo.DataSource).CompareAsync(demo.AdoptedId, demo.CopyId, null, OrganisationScope.All))!;

        var overview = (await new PlanQueries(demo.DataSource).GetOverviewAsync(demo.PlanId))!;
        Assert.Equal(overview.Period, comparison.Period);
    }
}
