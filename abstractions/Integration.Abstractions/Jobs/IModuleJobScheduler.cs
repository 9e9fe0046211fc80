namespace Integration.Abstractions.Jobs;

/// <summary>Queues module jobs on the host's job server.</summary>
public interface IModuleJobScheduler
{
    /// <summary>Queues a job to run as soon as a worker is free.</summary>
    /// <param name="moduleId">The module that registered the job.</param>
    /// <param name="jobName">The registered job name.</param>
    /// <param name="tenantId">The tenant the job works for.</param>
    /// <param name="argument">A plain value for the job (an id, a date): never an entity.</param>
    /// <returns>The job server's id of the queued job.</returns>
    /// <exception cref="ArgumentException">No job of that name is registered by the module.</exception>
    string Enqueue(string moduleId, string jobName, Guid tenantId, string? argument = null);

    /// <summary>Queues a job to run at <paramref name="runAt"/> (or at once if that has passed).</summary>
    /// <inheritdoc cref="Enqueue" />
    string Schedule(string moduleId, string jobName, Guid tenantId, DateTimeOffset runAt, string? argument = null);
}
