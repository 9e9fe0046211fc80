namespace Integration.Abstractions.FollowUps;

/// <summary>
/// Tells the host's follow-up engine that something happened to a participant of the current tenant, so that the
/// follow-up policies triggered by the event (<see cref="FollowUpPolicy.TriggerEvent"/>) create their follow-ups and
/// those stopped by it (<see cref="FollowUpPolicy.StopEvent"/>) cancel theirs. A module raises its own events
/// (<c>mentoring.match.started</c>); the host raises <c>enrolment.exited</c>.
/// </summary>
/// <remarks>
/// Raising the same event twice for the same subject creates nothing new: each follow-up has a key made of the policy,
/// the subject and its place in the series. The follow-ups are saved at once, in their own transaction.
/// </remarks>
public interface IFollowUpEvents
{
    /// <summary>Applies the tenant's policies to the event and returns what it created and cancelled.</summary>
    /// <exception cref="ArgumentException">The participant is not in the tenant, or the event name is empty.</exception>
    Task<FollowUpEventResult> RaiseAsync(FollowUpEvent followUpEvent, CancellationToken cancellationToken);
}

/// <summary>Something that happened to a participant.</summary>
/// <param name="Name">The event, <c>{moduleId}.{subject}.{what}</c>.</param>
/// <param name="ParticipantId">The participant.</param>
/// <param name="OccurredOn">When it happened; offsets count from this date.</param>
/// <param name="ModuleId">The module the event belongs to; its follow-ups are held while the tenant has it disabled.</param>
/// <param name="EnrolmentId">The enrolment the follow-ups belong to, if any.</param>
/// <param name="SubjectId">What the event is about within the module (a match, a course), so that a stop event cancels
/// the follow-ups of that subject only; defaults to the enrolment or, without one, the participant.</param>
public sealed record FollowUpEvent(
    string Name,
    Guid ParticipantId,
    DateOnly OccurredOn,
    string? ModuleId = null,
    Guid? EnrolmentId = null,
    string? SubjectId = null);

/// <summary>What an event did.</summary>
/// <param name="Created">Follow-ups created.</param>
/// <param name="Cancelled">Open follow-ups cancelled by a stop event.</param>
/// <param name="NotScheduledReason">Why nothing was created although a policy applies (the participant withdrew consent
/// to follow-up contact), or null.</param>
public sealed record FollowUpEventResult(int Created, int Cancelled, string? NotScheduledReason);
