namespace Integration.Host.FollowUps;

/// <summary>A follow-up.</summary>
/// <param name="ParticipantName">The participant's name, in the worklist only (the read is audited).</param>
/// <param name="Overdue">Still open past the grace period.</param>
/// <param name="Version">Send it as <c>If-Match: "{version}"</c> with a change.</param>
/// <param name="HoldReason">Why a follow-up that has come due is not dispatched: <c>moduleDisabled</c> or <c>consentWithdrawn</c>.</param>
public sealed record FollowUpResponse(
    Guid Id,
    string Kind,
    Guid ParticipantId,
    string? ParticipantName,
    Guid? EnrolmentId,
    string? ModuleId,
    string? PolicyId,
    int Sequence,
    Guid? BatchId,
    DateOnly DueOn,
    Guid? AssigneeId,
    FollowUpState State,
    bool Overdue,
    FollowUpHoldReason? HoldReason,
    DateTime? DueAt,
    DateTime? OverdueAt,
    bool? Reached,
    Guid? OutcomeId,
    string? Note,
    DateTime? ClosedAt,
    string? CancelReason,
    DateTime CreatedAt,
    long Version)
{
    internal static FollowUpResponse From(FollowUp f, string? participantName = null) => new(
        f.Id, f.Kind, f.ParticipantId, participantName, f.EnrolmentId, f.ModuleId, f.PolicyId, f.Sequence, f.BatchId, f.DueOn, f.AssigneeId,
        f.State, f.State == FollowUpState.Due && f.OverdueAt is not null, f.HoldReason, f.DueAt, f.OverdueAt, f.Reached, f.OutcomeId, f.Note,
        f.ClosedAt, f.CancelReason, f.CreatedAt, f.Version);
}
