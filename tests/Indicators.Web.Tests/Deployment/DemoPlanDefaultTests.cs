using Dapper;
using Indicators.TestSupport;
using Npgsql;

namespace Indicators.Web.Tests.Deployment;

/// <summary>The demo plan and its demo users (public passwords) come with the embedded database only, unless asked for.</summary>
public class DemoPlanDefaultTests
{
    [Fact]
    public async Task A_configured_database_gets_no_demo_plan_and_no_demo_users_unless_DemoPlan_Enabled_says_so()
    {
        var connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        // Not set at all (the tests' default sets it to false).
        await using var app = new TestWebApp(connectionString, new Dictionary<string, string?> { ["DemoPlan:Enabled"] = null });
        _ = app.Server;

        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from app_user where is_demo"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from plan"));
        Assert.Equal(["admin"], await connection.QueryAsync<string>("select user_name from app_user"));
    }
}
