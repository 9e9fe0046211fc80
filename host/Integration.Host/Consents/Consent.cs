using Integration.Abstractions.Data;
using Integration.Abstractions.Participants;

namespace Integration.Host.Consents;

/// <summary>A consent a participant gave for one purpose, and its withdrawal.</summary>
public sealed class Consent : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public ConsentPurpose Purpose { get; set; }

    public DateOnly GivenOn { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAt { get; set; }

    public bool IsInForceOn(DateOnly date) => GivenOn <= date && (WithdrawnOn is null || WithdrawnOn > date);
}
