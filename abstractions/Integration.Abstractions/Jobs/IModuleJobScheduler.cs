namespace Integration.Abstractions.Jobs;

/// <summary>
/// Queues module jobs on the host's job server, for the tenant of the current request or job: a module cannot queue work
/// for another tenant.
/// </summary>
/// <remarks>
/// On the embedded default the job queue lives in memory: a job that has not run when the host stops is gone. Work that
/// must survive a restart is a database row that a job (or a recurring job) picks up again.
/// </remarks>
public interface IModuleJobScheduler
{
    /// <summary>Queues a job to run as soon as a worker is free.</summary>
    /// <param name="moduleId">The module that registered the job.</param>
    /// <param name="jobName">The registered job name.</param>
    /// <param name="argument">A plain value for the job (an id, a date): never an entity.</param>
    /// <returns>The job server's id of the queued job.</returns>
    /// <exception cref="ArgumentException">No job of that name is registered by the module.</exception>
    /// <exception cref="InvalidOperationException">The current request or job has no tenant.</exception>
    string Enqueue(string moduleId, string jobName, string? argument = null);

    /// <summary>Queues a job to run at <paramref name="runAt"/> (or at once if that has passed).</summary>
    /// <inheritdoc cref="Enqueue" />
    string Schedule(string moduleId, string jobName, DateTimeOffset runAt, string? argument = null);
}
