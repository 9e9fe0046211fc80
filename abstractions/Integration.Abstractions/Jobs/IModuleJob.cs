namespace Integration.Abstractions.Jobs;

/// <summary>
/// A background job of a module. The host runs it on Hangfire in its own lifetime scope, with the tenant context set
/// to <see cref="ModuleJobContext.TenantId"/>, and only while that tenant has the module enabled.
/// </summary>
/// <remarks>
/// Hangfire stores only host types and the job's key, so a stored job still runs after the plugin is rebuilt (with a
/// durable job storage, also after a restart; the embedded default keeps its queue in memory).
/// A job may run more than once (retries, two instances): make it idempotent, for example with a conditional update.
/// </remarks>
public interface IModuleJob
{
    /// <summary>Does the work.</summary>
    Task ExecuteAsync(ModuleJobContext context, CancellationToken cancellationToken);
}

/// <summary>What a module job is run with.</summary>
/// <param name="ModuleId">The module's id.</param>
/// <param name="JobName">The job's name within the module.</param>
/// <param name="TenantId">The tenant the job works for.</param>
/// <param name="Argument">A plain value given when the job was enqueued (an id, a date), or null.</param>
public sealed record ModuleJobContext(string ModuleId, string JobName, Guid TenantId, string? Argument);

/// <summary>A job the host runs on a schedule for every tenant that has enabled the module.</summary>
/// <param name="JobName">The registered job name (<see cref="ModuleJobRegistrationExtensions.RegisterModuleJob{TJob}"/>).</param>
/// <param name="Cron">A cron expression in UTC, for example <c>0 2 * * *</c> for 02:00 every night.</param>
public sealed record ModuleRecurringJob(string JobName, string Cron);
