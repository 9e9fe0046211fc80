using Integration.Abstractions.Data;

namespace Integration.Host.Rollups;

/// <summary>
/// A rollup run for one tenant: a row first, so that a run queued or cut off by a restart is picked up again; Hangfire
/// executes it. Recomputing is safe: each period is replaced as a whole.
/// </summary>
public sealed class RollupRun : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The programme, or null for every programme of the tenant.</summary>
    public Guid? ProgrammeId { get; set; }

    /// <summary>The period, or null for the default set (this and last month, this quarter, this year, programme to date).</summary>
    public string? Period { get; set; }

    public RollupRunState State { get; set; }

    public RollupTrigger Trigger { get; set; }

    /// <summary>Programme periods to compute.</summary>
    public int Total { get; set; }

    /// <summary>Programme periods computed and published.</summary>
    public int Done { get; set; }

    public string? Error { get; set; }

    public Guid? RequestedById { get; set; }

    public string? BackgroundJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

/// <summary>Where a rollup run is.</summary>
public enum RollupRunState
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}

/// <summary>Who started a run.</summary>
public enum RollupTrigger
{
    /// <summary>An admin, with <c>POST /api/rollups/run</c>.</summary>
    OnDemand = 1,

    /// <summary>The nightly recurring job.</summary>
    Nightly = 2,
}
