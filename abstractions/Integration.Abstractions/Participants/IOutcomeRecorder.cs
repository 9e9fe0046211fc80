namespace Integration.Abstractions.Participants;

/// <summary>
/// Records an outcome for a participant of the current tenant from a module (registering a company records
/// <see cref="OutcomeType.SelfEmployed"/>; an internship that ends with a job records <see cref="OutcomeType.Employed"/>).
/// The outcome is validated as the API validates it and written to the audit log.
/// </summary>
public interface IOutcomeRecorder
{
    /// <summary>Records the outcome and returns its id.</summary>
    /// <exception cref="ArgumentException">The outcome is not valid (the message names the field), or the participant is not in the tenant.</exception>
    Task<Guid> RecordAsync(OutcomeToRecord outcome, CancellationToken cancellationToken);
}

/// <summary>An outcome a module records.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Type">What happened.</param>
/// <param name="Detail">The kind of employment or studies, if any.</param>
/// <param name="Date">When it happened.</param>
/// <param name="Source">Where the information comes from.</param>
/// <param name="ModuleId">The recording module.</param>
/// <param name="EnrolmentId">The enrolment it is attributed to, if any.</param>
/// <param name="Note">A short note.</param>
public sealed record OutcomeToRecord(
    Guid ParticipantId,
    OutcomeType Type,
    OutcomeDetail? Detail,
    DateOnly Date,
    OutcomeSource Source,
    string ModuleId,
    Guid? EnrolmentId = null,
    string? Note = null);
