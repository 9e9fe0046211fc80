using Integration.Abstractions.Data;
using Integration.Abstractions.Participants;

namespace Integration.Host.Outcomes;

/// <summary>Something that happened to a participant (utfall), dated and sourced.</summary>
public sealed class Outcome : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public OutcomeType Type { get; set; }

    public OutcomeDetail? Detail { get; set; }

    public DateOnly Date { get; set; }

    public OutcomeSource Source { get; set; }

    public Guid? EnrolmentId { get; set; }

    /// <summary>The module that recorded it, or null when staff recorded it through the API.</summary>
    public string? RecordedByModule { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAt { get; set; }
}
