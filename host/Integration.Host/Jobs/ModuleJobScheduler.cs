using Hangfire;
using Integration.Abstractions.Jobs;
using Integration.Abstractions.Tenancy;

namespace Integration.Host.Jobs;

/// <summary>
/// Queues module jobs as <see cref="ModuleJobRunner"/> calls for the current tenant: Hangfire stores only host types and
/// plain values.
/// </summary>
internal sealed class ModuleJobScheduler(IBackgroundJobClient jobs, IEnumerable<ModuleJobRegistration> registrations, ITenantContext tenant) : IModuleJobScheduler
{
    public string Enqueue(string moduleId, string jobName, string? argument = null)
    {
        EnsureRegistered(moduleId, jobName);
        var tenantId = tenant.RequiredTenantId;
        return jobs.Enqueue<ModuleJobRunner>(r => r.RunAsync(moduleId, jobName, tenantId, argument, null, CancellationToken.None));
    }

    public string Schedule(string moduleId, string jobName, DateTimeOffset runAt, string? argument = null)
    {
        EnsureRegistered(moduleId, jobName);
        var tenantId = tenant.RequiredTenantId;
        return jobs.Schedule<ModuleJobRunner>(r => r.RunAsync(moduleId, jobName, tenantId, argument, null, CancellationToken.None), runAt);
    }

    private void EnsureRegistered(string moduleId, string jobName)
    {
        if (!registrations.Any(r => r.ModuleId == moduleId && r.JobName == jobName))
        {
            throw new ArgumentException($"No job '{jobName}' is registered by module '{moduleId}'.", nameof(jobName));
        }
    }
}
