using Integration.Abstractions.Participants;
using Integration.Abstractions.Data;

namespace Integration.Host.Enrolments;

/// <summary>A participant in one module of one programme (inskrivning).</summary>
public sealed class Enrolment : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid ProgrammeId { get; set; }

    public required string ModuleId { get; set; }

    public EnrolmentStatus Status { get; set; }

    public DateOnly ReferredOn { get; set; }

    /// <summary>The first day as active.</summary>
    public DateOnly? StartDate { get; set; }

    public DateOnly? PlannedEndDate { get; set; }

    public DateOnly? ExitDate { get; set; }

    public ExitReason? ExitReason { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One status change of an enrolment, kept for counting who was active when.</summary>
public sealed class EnrolmentChange : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid EnrolmentId { get; set; }

    public EnrolmentStatus Status { get; set; }

    public DateOnly Date { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// A participant's taking part in a programme, as ESF+ counts it: one per participant and programme however often they
/// leave and come back (first start, last exit), with the situation at entry.
/// </summary>
public sealed class Participation : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid ProgrammeId { get; set; }

    public DateOnly? FirstStart { get; set; }

    /// <summary>Set when every enrolment of the participant in the programme has exited.</summary>
    public DateOnly? LastExit { get; set; }

    public Participants.ParticipantStatus Entry { get; set; } = new();

    /// <summary>Changes with every recount: two enrolments exiting at once cannot both write a stale last exit.</summary>
    public long Version { get; set; }
}
