using Integration.Abstractions.Kernel;

namespace Integration.Modules.DemocracyDialogue.Attendance;

/// <summary>
/// Attendance at a held event. Each line replaces the line of the same participant (or of the same gender and age band)
/// recorded before; lines not named stay as they are.
/// </summary>
/// <param name="Participants">Registered participants, each enrolled in democracy dialogue in the event's programme on its day.</param>
/// <param name="HeadCounts">Anonymous visitors of an open event by gender and age band; a count of 0 removes the line.</param>
public sealed record AttendanceRequest(IReadOnlyList<AttendeeRequest?>? Participants, IReadOnlyList<HeadCountRequest?>? HeadCounts);

/// <summary>A registered participant at the event.</summary>
/// <param name="InfluenceScore">The self-assessment "I know how to raise an issue with the municipality", 1 (not at all) to 5 (fully), if asked at this event.</param>
public sealed record AttendeeRequest(Guid? ParticipantId, int? InfluenceScore);

/// <summary>Anonymous visitors of one gender and age band.</summary>
public sealed record HeadCountRequest(Gender? Gender, AgeBand? AgeBand, int? Count);

/// <summary>An event's attendance; <see cref="Version"/> is the event's ETag.</summary>
/// <param name="Total">Registered and anonymous together.</param>
public sealed record AttendanceResponse(
    Guid EventId,
    bool Open,
    IReadOnlyList<AttendeeResponse> Participants,
    IReadOnlyList<HeadCountResponse> HeadCounts,
    int Registered,
    int Anonymous,
    int Total,
    long Version);

/// <summary>A registered participant at the event.</summary>
/// <param name="DisplayName">The participant's name from the host's register (the read is audited).</param>
public sealed record AttendeeResponse(Guid ParticipantId, string? DisplayName, int? InfluenceScore);

/// <summary>Anonymous visitors of one gender and age band.</summary>
public sealed record HeadCountResponse(Gender Gender, AgeBand AgeBand, int Count);
