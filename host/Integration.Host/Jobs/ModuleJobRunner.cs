using Autofac;
using Hangfire;
using Hangfire.Server;
using Integration.Abstractions.Jobs;
using Integration.Host.Data;
using Integration.Host.Modules;
using Integration.Host.Tenancy;

namespace Integration.Host.Jobs;

/// <summary>
/// The host type Hangfire stores for every module job: it names the job by module id and job name, so no plugin type
/// is ever serialised and a stored job still runs after the plugin is rebuilt. Before running a module's job it checks
/// that the module is loaded and enabled for the tenant, sets the tenant of the job's lifetime scope, and records the
/// run for the tenant's admins (<see cref="JobRun"/>).
/// </summary>
/// <remarks>Resolved by Hangfire's activator in its own Autofac lifetime scope per job; keep its method signatures stable.</remarks>
public sealed class ModuleJobRunner(
    ILifetimeScope scope,
    CurrentTenant tenant,
    ModuleCatalog catalog,
    ModuleEnablement enablement,
    StartupGate startup,
    IntegrationDbContext db,
    TimeProvider clock,
    IBackgroundJobClient jobs,
    ILogger<ModuleJobRunner> logger)
{
    /// <summary>Runs one module job for one tenant.</summary>
    /// <param name="moduleId">The module.</param>
    /// <param name="jobName">The job, as the module registered it.</param>
    /// <param name="tenantId">The tenant the job works for.</param>
    /// <param name="argument">The plain value the job was queued with.</param>
    /// <param name="context">Supplied by Hangfire when the job runs (queue it with null).</param>
    /// <param name="cancellationToken">Supplied by Hangfire: the server is stopping.</param>
    [JobDisplayName("{0}:{1} (tenant {2})")]
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(string moduleId, string jobName, Guid tenantId, string? argument, PerformContext? context, CancellationToken cancellationToken)
    {
        await startup.WhenReady.WaitAsync(cancellationToken);
        var run = new JobRun
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            ModuleId = moduleId,
            JobName = jobName,
            BackgroundJobId = context?.BackgroundJob.Id,
            State = JobRunState.Running,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.JobRuns.Add(run);

        var key = ModuleJobRegistrationExtensions.JobKey(moduleId, jobName);
        IModuleJob? job = null;
        var skipped = !catalog.IsAvailable(moduleId) ? $"module {moduleId} is not loaded"
            : !await enablement.IsEnabledAsync(tenantId, moduleId, cancellationToken) ? "the tenant has not enabled the module"
            : !scope.TryResolveKeyed(key, out job) ? "the module no longer registers this job"
            : null;
        if (skipped is not null)
        {
            logger.LogInformation("Job {JobKey} for tenant {TenantId} skipped: {Reason}", key, tenantId, skipped);
            await FinishAsync(run, JobRunState.Skipped, skipped);
            return;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        tenant.Use(tenantId);
        using (logger.BeginScope(new Dictionary<string, object> { ["ModuleId"] = moduleId, ["JobName"] = jobName, ["TenantId"] = tenantId }))
        {
            try
            {
                await job!.ExecuteAsync(new ModuleJobContext(moduleId, jobName, tenantId, argument), cancellationToken);
            }
            catch (Exception ex)
            {
                await FinishAsync(run, JobRunState.Failed, $"{ex.GetType().Name}: {ex.Message}");
                throw;
            }
        }

        await FinishAsync(run, JobRunState.Succeeded, null);
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
            jobs.Enqueue<ModuleJobRunner>(r => r.RunAsync(moduleId, jobName, tenantId, null, null, CancellationToken.None));
        }
    }

    private async Task FinishAsync(JobRun run, JobRunState state, string? detail)
    {
        run.State = state;
        run.Detail = detail is { Length: > 2000 } ? detail[..2000] : detail;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;

        // The bookkeeping must not be lost with a cancelled job, so it does not take the job's token.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
