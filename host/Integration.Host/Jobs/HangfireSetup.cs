using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Integration.Abstractions.Jobs;
using Integration.Host.Configuration;
using Integration.Host.Modules;
using Npgsql;

namespace Integration.Host.Jobs;

/// <summary>Hangfire: storage, server, the module job bridge and the dashboard.</summary>
internal static class HangfireSetup
{
    public static void AddIntegrationJobs(this IServiceCollection services, IntegrationSettings settings)
    {
        // This host's own storage and activator, registered before AddHangfire so that its defaults (the static
        // JobStorage.Current) are not used: two hosts in one process (tests) keep separate queues and containers.
        // The embedded default keeps the queue in memory; anything that must survive a restart is a database row.
        // On PostgreSQL the queue is shared by every host instance, so that they spread the jobs between them.
        services.AddSingleton<JobStorage>(_ => settings.DatabaseProvider == DatabaseProvider.PostgreSql
            ? SharedStorage(settings.ConnectionString)
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogProvider.Instance);
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            HangfireLogProvider.Instance.Use(loggers);
            provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => HangfireLogProvider.Instance.Release(loggers));
        });
        services.AddHangfireServer((_, options) =>
        {
            options.WorkerCount = settings.JobWorkerCount;
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddScoped<ModuleJobRunner>();
        services.AddScoped<ParticipantImports.ParticipantImportJob>();
        services.AddScoped<Data.DatabaseMaintenanceJob>();
        services.AddScoped<IModuleJobScheduler, ModuleJobScheduler>();
    }

    private static PostgreSqlStorage SharedStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,

            // An enqueued job (an on-demand rollup, an import) wakes a worker at once through LISTEN/NOTIFY, and
            // queues are polled every second besides, not every 15 (the default). Needs session-level connections: a
            // pgbouncer in between must run in session mode.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),

            // A long job keeps its claim while its server lives; a dead server's job goes back to the queue after the timeout.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(2),
        };

        // The storage installs or upgrades its schema as it is made. Instances that start together would run the
        // install script side by side and trip over each other's half-made constraints, so they take turns.
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_advisory_lock(727002)";
        command.ExecuteNonQuery();
        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }
        finally
        {
            command.CommandText = "SELECT pg_advisory_unlock(727002)";
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Registers the host's and each module's recurring jobs (module jobs under the stable id <c>{moduleId}:{jobName}</c>).</summary>
    public static void RegisterRecurringJobs(this IServiceProvider services, ModuleCatalog catalog, ILogger logger)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<Data.DatabaseMaintenanceJob>(Data.DatabaseMaintenanceJob.RecurringId, j => j.RunAsync(CancellationToken.None), "30 3 * * *");
        recurring.AddOrUpdate<Rollups.RollupJob>(Rollups.RollupJob.NightlyId, j => j.NightlyAsync(CancellationToken.None), "0 2 * * *");
        RegisterFollowUpDispatcher(recurring, services.GetRequiredService<Configuration.IntegrationSettings>().FollowUps.DispatchCron);
        foreach (var module in catalog.Available)
        {
            foreach (var job in module.Module.RecurringJobs)
            {
                var moduleId = module.Id;
                var jobName = job.JobName;
                recurring.AddOrUpdate<ModuleJobRunner>(
                    ModuleJobRegistrationExtensions.JobKey(moduleId, jobName),
                    r => r.FanOutAsync(moduleId, jobName, CancellationToken.None),
                    job.Cron);
                logger.LogInformation("Recurring job {JobKey} registered ({Cron})", ModuleJobRegistrationExtensions.JobKey(moduleId, jobName), job.Cron);
            }
        }
    }

    private static void RegisterFollowUpDispatcher(IRecurringJobManager recurring, string? cron)
    {
        if (cron is null)
        {
            recurring.RemoveIfExists(FollowUps.FollowUpDispatcher.RecurringId);
            return;
        }

        try
        {
            recurring.AddOrUpdate<FollowUps.FollowUpDispatcher>(FollowUps.FollowUpDispatcher.RecurringId, d => d.RunAsync(CancellationToken.None), cron);
        }
        catch (ArgumentException ex)
        {
            throw new Configuration.ConfigurationException("Integration:FollowUps:DispatchCron", $"'{cron}' is not a cron expression Hangfire accepts: {ex.Message}");
        }
    }

    public static void MapJobDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new DashboardAuthorizationFilter()],
            DashboardTitle = "Integration platform jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Identity.Policies.Dashboard);
    }
}
