using Autofac;
using Hangfire;
using Integration.Abstractions.Jobs;
using Integration.Host.Modules;
using Integration.Host.Tenancy;

namespace Integration.Host.Jobs;

/// <summary>
/// The host type Hangfire stores for every module job: it names the job by module id and job name, so no plugin type
/// is ever serialised, and a queued job survives a restart or a rebuilt plugin. Before running a module's job it checks
/// that the module is loaded and enabled for the tenant, and sets the tenant of the job's lifetime scope.
/// </summary>
/// <remarks>Resolved by Hangfire's activator in its own Autofac lifetime scope per job; keep its method signatures stable.</remarks>
public sealed class ModuleJobRunner(
    ILifetimeScope scope,
    CurrentTenant tenant,
    ModuleCatalog catalog,
    ModuleEnablement enablement,
    StartupGate startup,
    IBackgroundJobClient jobs,
    ILogger<ModuleJobRunner> logger)
{
    /// <summary>Runs one module job for one tenant.</summary>
    [JobDisplayName("{0}:{1} (tenant {2})")]
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(string moduleId, string jobName, Guid tenantId, string? argument, CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);
        if (!catalog.IsAvailable(moduleId))
        {
            logger.LogWarning("Job {ModuleId}:{JobName} for tenant {TenantId} skipped: module {ModuleId} is not loaded", moduleId, jobName, tenantId, moduleId);
            return;
        }

        if (!await enablement.IsEnabledAsync(tenantId, moduleId, cancellationToken))
        {
            logger.LogInformation("Job {ModuleId}:{JobName} for tenant {TenantId} skipped: the tenant has not enabled the module", moduleId, jobName, tenantId);
            return;
        }

        var key = ModuleJobRegistrationExtensions.JobKey(moduleId, jobName);
        if (!scope.TryResolveKeyed<IModuleJob>(key, out var job))
        {
            logger.LogWarning("Job {JobKey} for tenant {TenantId} skipped: the module no longer registers it", key, tenantId);
            return;
        }

        tenant.Use(tenantId);
        using (logger.BeginScope(new Dictionary<string, object> { ["ModuleId"] = moduleId, ["JobName"] = jobName, ["TenantId"] = tenantId }))
        {
            await job.ExecuteAsync(new ModuleJobContext(moduleId, jobName, tenantId, argument), cancellationToken);
        }
    }

    /// <summary>A recurring module job: queues one run per tenant that has the module enabled now.</summary>
    [JobDisplayName("{0}:{1} (all tenants)")]
    [AutomaticRetry(Attempts = 3)]
    public async Task FanOutAsync(string moduleId, string jobName, CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);
        if (!catalog.IsAvailable(moduleId))
        {
            logger.LogWarning("Recurring job {ModuleId}:{JobName} skipped: module {ModuleId} is not loaded", moduleId, jobName, moduleId);
            return;
        }

        foreach (var tenantId in await enablement.TenantsWithModuleAsync(moduleId, cancellationToken))
        {
            jobs.Enqueue<ModuleJobRunner>(r => r.RunAsync(moduleId, jobName, tenantId, null, CancellationToken.None));
        }
    }
}
