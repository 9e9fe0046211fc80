using Integration.Host.Outcomes;

namespace Integration.Host.FollowUps;

/// <summary>A follow-up a case worker plans by hand.</summary>
/// <param name="Kind">What kind of contact (<c>phone-call</c>, <c>after-exit</c>): lower-case letters, digits and dashes.</param>
/// <param name="AssigneeId">The staff user who makes it; the creator when left out.</param>
public sealed record CreateFollowUpRequest(Guid? ParticipantId, Guid? EnrolmentId, string? Kind, DateOnly? DueOn, Guid? AssigneeId, string? Note);

/// <summary>The result of a follow-up: reached (done) or not (missed), with a note and optionally an outcome.</summary>
/// <param name="Outcome">An outcome to record for the participant in the same request.</param>
public sealed record CompleteFollowUpRequest(bool? Reached, string? Note, OutcomeRequest? Outcome);

/// <summary>A new due date or assignee for one follow-up (admins).</summary>
/// <param name="Unassign">True to leave it unassigned (listed in every case worker's worklist).</param>
public sealed record ChangeFollowUpRequest(DateOnly? DueOn, Guid? AssigneeId, bool? Unassign);

/// <summary>Why a follow-up or batch is cancelled.</summary>
public sealed record CancelFollowUpRequest(string? Reason);
