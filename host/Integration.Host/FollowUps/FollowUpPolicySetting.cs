using Integration.Abstractions.Data;

namespace Integration.Host.FollowUps;

/// <summary>A tenant's change to a follow-up policy: on or off, other offsets or interval. No row: the policy's defaults.</summary>
public sealed class FollowUpPolicySetting : ITenantOwned
{
    public Guid TenantId { get; set; }

    public required string PolicyId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The offsets, written as in the API (<c>4 weeks, 6 months</c>); null keeps the policy's.</summary>
    public string? Offsets { get; set; }

    /// <summary>The interval of a repeating policy (<c>14 days</c>); null keeps the policy's.</summary>
    public string? RepeatEvery { get; set; }

    public Guid? UpdatedById { get; set; }

    public DateTime UpdatedAt { get; set; }
}
