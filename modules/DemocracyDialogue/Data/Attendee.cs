using Integration.Abstractions.Data;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.DemocracyDialogue.Data;

/// <summary>A registered participant at an event (one line per participant and event), with the self-assessment if asked.</summary>
internal sealed class Attendee : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EventId { get; set; }

    public Guid ParticipantId { get; set; }

    /// <summary>"I know how to raise an issue with the municipality", 1 (not at all) to 5 (fully), when asked at this event.</summary>
    public int? InfluenceScore { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>Anonymous visitors at an open event, counted by gender and age band (one line per pair and event).</summary>
internal sealed class HeadCount : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EventId { get; set; }

    public Gender Gender { get; set; }

    public AgeBand AgeBand { get; set; }

    public int Count { get; set; }
}
