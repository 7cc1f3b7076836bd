using Indicators.Data.Demo;
using Indicators.Data.Migrations;
using Indicators.Data.Plans;
using Indicators.Data.Protection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Indicators.Data;

/// <summary>How this process reaches its database.</summary>
/// <param name="Embedded">True when the app started its own PostgreSQL cluster.</param>
/// <param name="LoadDemoPlan">Whether an empty database gets the demo plan.</param>
public sealed record DatabaseSettings(bool Embedded, bool LoadDemoPlan);

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Indicators";

    /// <summary>
    /// Uses ConnectionStrings:Indicators when it is set. Otherwise, given <paramref name="startOwnDatabase"/> (the web app
    /// passes the embedded cluster's), starts that server in Database:DataFolder (default: .data beside Indicators.sln) and
    /// loads the demo plan unless DemoPlan:Enabled says otherwise; without it, a missing connection string is an error.
    /// </summary>
    public static IHostApplicationBuilder AddIndicatorsDatabase(this IHostApplicationBuilder builder, StartOwnDatabase? startOwnDatabase = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var embedded = string.IsNullOrWhiteSpace(connectionString);
        if (embedded)
        {
            if (startOwnDatabase is null)
            {
                throw new DatabaseStartupException(
                    $"Ange en anslutningssträng i ConnectionStrings:{ConnectionStringName} (miljövariabeln ConnectionStrings__{ConnectionStringName}). " +
                    $"/ Configure ConnectionStrings:{ConnectionStringName}: this process shares the web app's database and starts none of its own.");
            }

            var own = startOwnDatabase(builder, builder.Configuration["Database:DataFolder"] ?? DefaultDataFolder(builder.Environment.ContentRootPath));
            builder.Services.AddSingleton(own);
            connectionString = own.ConnectionString;
        }

        var loadDemoPlan = builder.Configuration.GetValue<bool?>("DemoPlan:Enabled") ?? embedded;
        builder.Services.AddSingleton(new DatabaseSettings(embedded, loadDemoPlan));
        builder.Services.AddNpgsqlDataSource(connectionString!);
        builder.Services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<NpgsqlDataSource>(), MigrationScript.Embedded(), sp.GetRequiredService<ILogger<MigrationRunner>>()));
        builder.Services.AddSingleton<DemoPlanLoader>();
        builder.Services.AddSingleton<PlanQueries>();
        builder.Services.AddSingleton<Organisations.OrganisationOwnership>();
        builder.Services.AddSingleton<Indicators.IndicatorQueries>();
        builder.Services.AddSingleton<Indicators.IndicatorEditor>();
        builder.Services.AddSingleton<Indicators.IndicatorEditQueries>();
        builder.Services.AddSingleton<GoalQueries>();
        builder.Services.AddSingleton<PlanEditor>();
        builder.Services.AddSingleton<TargetHistoryQueries>();
        builder.Services.AddSingleton<GoalAreaEditor>();
        builder.Services.AddSingleton<GoalEditor>();
        builder.Services.AddSingleton<PlanEditQueries>();
        builder.Services.AddSingleton<Assignments.AssignmentEditor>();
        builder.Services.AddSingleton<Assignments.AssignmentQueries>();
        builder.Services.AddSingleton<GoalRuleEditor>();
        builder.Services.AddSingleton<CommitteePlans.CommitteePlanEditor>();
        builder.Services.AddSingleton<CommitteePlans.CommitteePlanQueries>();
        builder.Services.AddSingleton<CommitteeEditor>();
        builder.Services.AddSingleton<Areas.AreaQueries>();
        builder.Services.AddSingleton<Areas.AreaGroupEditor>();
        builder.Services.AddSingleton<ActionPlans.ActionPlanQueries>();
        builder.Services.AddSingleton<ActionPlans.ActionPlanEditor>();
        builder.Services.AddSingleton<Reports.ReportQueries>();
        builder.Services.AddSingleton<Reports.ReportPeriodEditor>();
        builder.Services.AddSingleton<Reports.GoalAssessmentEditor>();
        builder.Services.AddSingleton<Reports.IndicatorCommentEditor>();
        builder.Services.AddSingleton<Assignments.AssignmentFollowUpEditor>();
        builder.Services.AddSingleton<Assignments.AssignmentReportQueries>();
        builder.Services.AddSingleton<ActionPlans.ActionMeasureFollowUpEditor>();
        builder.Services.AddSingleton<Reports.ReportSubmission>();
        builder.Services.AddSingleton<Reports.ReportReview>();
        builder.Services.AddSingleton<Reports.DecidedAssessmentQueries>();
        builder.Services.AddSingleton<Users.UserQueries>();
        builder.Services.AddSingleton<Users.UserEditor>();
        builder.Services.AddSingleton<Users.UserAdministration>();
        builder.Services.AddSingleton<Users.SignInAttempts>();
        builder.Services.AddSingleton<Audit.AuditQueries>();
        builder.Services.AddSingleton<Sources.SourceQueries>();
        builder.Services.AddSingleton<Sources.SourceRunQueries>();
        builder.Services.AddSingleton<PlanCode.PlanExporter>();
        builder.Services.AddSingleton<Comparison.PlanComparisonQueries>();
        builder.Services.AddSingleton<Comparison.ComparisonMatchEditor>();
        builder.Services.AddSingleton<Sources.SourceEditor>();

        // Keys for cookies, antiforgery tokens and source secrets live in the shared database, encrypted with a
        // certificate when DataProtection:Certificate is configured.
        builder.AddIndicatorsKeyRing();
        return builder;
    }

    /// <summary>Brings the schema up to date and, when configured, loads the demo plan into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        services.GetService<OwnDatabase>()?.HandToContainer(services);

        services.ReportKeyRingEncryption();
        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.LoadDemoPlan)
        {
            if (!settings.Embedded)
            {
                // Asked for explicitly, but the demo users' password is public: say so where operators look.
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Indicators.DemoPlan").LogWarning(
                    "DemoPlan:Enabled is on for a configured database: the demo users, whose password is public, can sign in. Turn it off outside a trial.");
            }

            await services.GetRequiredService<DemoPlanLoader>().LoadIfEmptyAsync(cancellationToken);
        }
    }

    /// <summary>.data beside Indicators.sln when run from a checkout (git-ignored), else .data in the content root.</summary>
    public static string DefaultDataFolder(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Indicators.sln")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }

        return Path.Combine(contentRoot, ".data");
    }
}
