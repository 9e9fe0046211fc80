namespace Integration.Abstractions.Participants;

/// <summary>
/// A module's read access to the host's enrolments, for the current tenant: a module checks that a participant is
/// enrolled in it before it records activity (a course place, a match, a pathway) and attributes outcomes to the enrolment.
/// </summary>
public interface IEnrolmentDirectory
{
    /// <summary>The enrolment, or null when there is none with that id in the tenant.</summary>
    Task<EnrolmentSummary?> FindAsync(Guid enrolmentId, CancellationToken cancellationToken);

    /// <summary>The participant's enrolments in <paramref name="moduleId"/>, newest first (a merged record's id gives the survivor's).</summary>
    Task<IReadOnlyList<EnrolmentSummary>> ListAsync(Guid participantId, string moduleId, CancellationToken cancellationToken);
}

/// <summary>What a module may know of an enrolment.</summary>
/// <param name="Id">The enrolment.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="ModuleId">The module the participant is enrolled in.</param>
/// <param name="Status">Where the enrolment is.</param>
/// <param name="ReferredOn">When the participant was referred.</param>
/// <param name="StartDate">The first day as active, once started.</param>
/// <param name="PlannedEndDate">The planned end, if any.</param>
/// <param name="ExitDate">The exit date, once exited.</param>
/// <param name="ExitReason">Why the participant left, once exited.</param>
public sealed record EnrolmentSummary(
    Guid Id,
    Guid ParticipantId,
    Guid ProgrammeId,
    string ModuleId,
    EnrolmentStatus Status,
    DateOnly ReferredOn,
    DateOnly? StartDate,
    DateOnly? PlannedEndDate,
    DateOnly? ExitDate,
    ExitReason? ExitReason)
{
    /// <summary>True while the participant takes part (active or paused).</summary>
    public bool IsOngoing => Status is EnrolmentStatus.Active or EnrolmentStatus.Paused;
}
