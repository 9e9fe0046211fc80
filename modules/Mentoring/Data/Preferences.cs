using Integration.Abstractions.Data;
using Integration.Abstractions.Kernel;

namespace Integration.Modules.Mentoring.Data;

/// <summary>
/// What a participant wishes of a mentor, stored by the module; the participant's languages come from the host's
/// participant record (<c>IParticipantDirectory</c>).
/// </summary>
internal sealed class Preferences : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public List<Sector> SectorWishes { get; set; } = [];

    /// <summary>The gender the participant wishes the mentor to have (for example their own), if any.</summary>
    public Gender? PreferredMentorGender { get; set; }

    public MentorKind? PreferredMentorKind { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public DateTime UpdatedAt { get; set; }
}
