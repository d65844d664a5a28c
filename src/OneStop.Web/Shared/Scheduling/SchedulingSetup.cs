using OneStop.Web.Shared.Persistence;
using Quartz;

namespace OneStop.Web.Shared.Scheduling;

/// <summary>The <c>Scheduling</c> section of the configuration.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Whether this instance runs scheduled jobs at all; tests turn it off and drive the jobs themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether the scheduler creates its own tables on PostgreSQL when they are missing (see ADR 0013).
    /// Turn it off where the application's database account may not create tables and run Quartz's
    /// <c>tables_postgres.sql</c> once instead.
    /// </summary>
    public bool ProvisionSchema { get; set; } = true;

    /// <summary>How often a clustered instance tells the others it is alive; a silent one's jobs are taken over.</summary>
    public int CheckinSeconds { get; set; } = 15;

    public static SchedulingOptions From(IConfiguration configuration)
    {
        var options = new SchedulingOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}

/// <summary>
/// The Quartz scheduler of the application. On PostgreSQL its jobs and triggers live in the database
/// and every instance joins one cluster, so that a recurring job runs on one instance at a time however
/// many are started; on the embedded SQLite database (a single instance by design) they live in memory
/// and are declared again at every start.
/// </summary>
public static class SchedulingSetup
{
    public const string SchedulerName = "OneStop";

    public static IServiceCollection AddOneStopScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = SchedulingOptions.From(configuration);
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                // AUTO: host name and a time stamp, distinct per instance, so the run logs tell instances apart.
                scheduler.GenerateInstanceId = true;
            });
            // Firing and cluster check-ins run on the machine's clock, never on the registered TimeProvider:
            // a clock moved for a test or a demo would stop the triggers and fail the other nodes out.
            quartz.UseTimeProvider(TimeProvider.System);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var connectionString = configuration.GetConnectionString("OneStop")
                    ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:OneStop is not set.");
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    // Instance ids are generated (host name and a time stamp), so two instances never share one.
                    store.UseClustering(cluster => cluster.CheckinInterval = TimeSpan.FromSeconds(options.CheckinSeconds));
                    if (options.ProvisionSchema)
                    {
                        store.ProvisionSchema();
                    }
                });
            }
            else
            {
                quartz.UseInMemoryStore();
            }
        });

        if (options.Enabled)
        {
            services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>
    /// Declares a job that repeats every <paramref name="interval"/>, first at start-up. A capability calls
    /// it from its module, before or after <see cref="AddOneStopScheduling"/>.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IJob
    {
        services.ConfigureAllQuartzSchedulers(quartz => quartz.ScheduleJob<TJob>(
            trigger => trigger
                .WithIdentity(name)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever()),
            job => job.WithIdentity(name)));
        return services;
    }

    public static JobKey JobKeyOf(string name) => new(name);
}
