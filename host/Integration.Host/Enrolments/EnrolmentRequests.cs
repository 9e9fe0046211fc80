using Integration.Abstractions.Participants;

namespace Integration.Host.Enrolments;

/// <summary>Enrols a participant in one module of one programme.</summary>
/// <param name="Status"><c>referred</c> (the default), <c>waitlisted</c> or <c>active</c>.</param>
/// <param name="ReferredOn">When the participant was referred; today when left out.</param>
/// <param name="StartDate">The first day as active; required when the status is active.</param>
/// <param name="PlannedEndDate">When the activity is planned to end.</param>
public sealed record CreateEnrolmentRequest(
    Guid? ParticipantId,
    Guid? ProgrammeId,
    string? ModuleId,
    EnrolmentStatus? Status,
    DateOnly? ReferredOn,
    DateOnly? StartDate,
    DateOnly? PlannedEndDate);

/// <summary>Changes the planned end of an enrolment.</summary>
public sealed record UpdateEnrolmentRequest(DateOnly? PlannedEndDate);

/// <summary>Moves an enrolment to another status.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Date">When it happened; today when left out.</param>
/// <param name="ExitReason">Required when exiting: <c>completed</c>, <c>employment</c>, <c>studies</c>, <c>moved</c>, <c>droppedOut</c>, <c>other</c>.</param>
public sealed record ChangeEnrolmentStatusRequest(EnrolmentStatus? Status, DateOnly? Date, ExitReason? ExitReason);

/// <summary>An enrolment.</summary>
public sealed record EnrolmentResponse(
    Guid Id,
    Guid ParticipantId,
    Guid ProgrammeId,
    string ModuleId,
    EnrolmentStatus Status,
    DateOnly ReferredOn,
    DateOnly? StartDate,
    DateOnly? PlannedEndDate,
    DateOnly? ExitDate,
    ExitReason? ExitReason,
    IReadOnlyList<EnrolmentStatus> AllowedNext,
    long Version)
{
    internal static EnrolmentResponse From(Enrolment e) => new(
        e.Id, e.ParticipantId, e.ProgrammeId, e.ModuleId, e.Status, e.ReferredOn, e.StartDate, e.PlannedEndDate, e.ExitDate, e.ExitReason,
        EnrolmentRules.From(e.Status), e.Version);
}
