using Hangfire;
using Integration.Abstractions.Jobs;

namespace Integration.Host.Jobs;

/// <summary>Queues module jobs as <see cref="ModuleJobRunner"/> calls: Hangfire stores only host types and plain values.</summary>
internal sealed class ModuleJobScheduler(IBackgroundJobClient jobs, IEnumerable<ModuleJobRegistration> registrations) : IModuleJobScheduler
{
    public string Enqueue(string moduleId, string jobName, Guid tenantId, string? argument = null)
    {
        EnsureRegistered(moduleId, jobName);
        return jobs.Enqueue<ModuleJobRunner>(r => r.RunAsync(moduleId, jobName, tenantId, argument, CancellationToken.None));
    }

    public string Schedule(string moduleId, string jobName, Guid tenantId, DateTimeOffset runAt, string? argument = null)
    {
        EnsureRegistered(moduleId, jobName);
        return jobs.Schedule<ModuleJobRunner>(r => r.RunAsync(moduleId, jobName, tenantId, argument, CancellationToken.None), runAt);
    }

    private void EnsureRegistered(string moduleId, string jobName)
    {
        if (!registrations.Any(r => r.ModuleId == moduleId && r.JobName == jobName))
        {
            throw new ArgumentException($"No job '{jobName}' is registered by module '{moduleId}'.", nameof(jobName));
        }
    }
}
