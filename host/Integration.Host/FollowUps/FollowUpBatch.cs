using Integration.Abstractions.Data;

namespace Integration.Host.FollowUps;

/// <summary>
/// One admin schedule request (<c>POST /api/follow-ups/schedule</c>), kept by its idempotency key so that sending the
/// same request again answers with the first result and creates nothing.
/// </summary>
public sealed class FollowUpBatch : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>The request as JSON, to refuse the same key with a different request.</summary>
    public required string Request { get; set; }

    public required string Kind { get; set; }

    public int Matched { get; set; }

    public int Created { get; set; }

    public int SkippedConsentWithdrawn { get; set; }

    public int SkippedNoExitDate { get; set; }

    public int SkippedAlreadyScheduled { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}
