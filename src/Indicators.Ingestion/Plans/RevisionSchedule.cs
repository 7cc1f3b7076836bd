using Hangfire;
using Indicators.Core.Formatting;
using Indicators.Data.Audit;
using Indicators.Data.Plans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Indicators.Ingestion.Plans;

/// <summary>
/// An adopted revision becomes its plan's current version from its date (README, "Adopted plans: revisions and
/// justeringar"): a daily recurring job, shortly after midnight Stockholm time, in every process with a Hangfire server.
/// </summary>
public static class RevisionSchedule
{
    public const string JobId = "plan-revisions";

    /// <summary>The job acts for nobody (no user, no address), as the other scheduled changes do.</summary>
    public static readonly Actor System = new(null, null);

    public static IHostApplicationBuilder AddIndicatorsPlanRevisions(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTransient<RevisionJob>();
        builder.Services.AddHostedService<Registration>();
        return builder;
    }

    /// <summary>Makes the revisions due today current.</summary>
    public sealed class RevisionJob(PlanEditor editor, TimeProvider time)
    {
        public Task<int> RunAsync(CancellationToken cancellationToken) =>
            editor.MakeDueRevisionsCurrentAsync(
                SwedishFormat.Date(time.GetUtcNow()), System, cancellationToken);
    }

    sealed class Registration(IRecurringJobManager recurringJobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurringJobs.AddOrUpdate<RevisionJob>(JobId, "default", job => job.RunAsync(CancellationToken.None), "5 0 * * *",
                new RecurringJobOptions { TimeZone = SwedishFormat.Stockholm });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
