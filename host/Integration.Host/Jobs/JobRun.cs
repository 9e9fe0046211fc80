namespace Integration.Host.Jobs;

/// <summary>
/// One run of a module job for one tenant, kept so that tenant admins can follow their own runs through the API
/// (the Hangfire dashboard shows every tenant's jobs and is for system admins only).
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ModuleId { get; set; }

    public required string JobName { get; set; }

    /// <summary>Hangfire's id of the job; a retried job has several runs with the same id.</summary>
    public string? BackgroundJobId { get; set; }

    public JobRunState State { get; set; }

    /// <summary>Why a run was skipped, or the error of a failed run.</summary>
    public string? Detail { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

/// <summary>The state of a <see cref="JobRun"/>.</summary>
public enum JobRunState
{
    /// <summary>Running now (or the process stopped while it ran).</summary>
    Running = 1,

    /// <summary>Done.</summary>
    Succeeded = 2,

    /// <summary>Threw; Hangfire retries it as a new run.</summary>
    Failed = 3,

    /// <summary>Not run: the module is not loaded or the tenant has not enabled it.</summary>
    Skipped = 4,
}
