using Integration.Abstractions.Data;

namespace Integration.Host.FollowUps;

/// <summary>
/// A planned contact with a participant (uppföljning): a row with a due date and a state. The database is the truth;
/// the dispatcher job only moves rows from one state to the next with conditional updates.
/// </summary>
public sealed class FollowUp : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>What kind of follow-up it is (<c>exit-4-weeks</c>, <c>mentoring-check-in</c>), shown in the worklist.</summary>
    public required string Kind { get; set; }

    /// <summary>
    /// Unique per tenant: the policy, subject and place in the series for policy follow-ups
    /// (<c>core:exit|{enrolment}|2</c>), the batch and enrolment for scheduled cohorts. Makes every way of creating a
    /// follow-up safe to repeat.
    /// </summary>
    public required string Key { get; set; }

    public Guid ParticipantId { get; set; }

    public Guid? EnrolmentId { get; set; }

    /// <summary>The module whose follow-up this is; held while the tenant has the module disabled.</summary>
    public string? ModuleId { get; set; }

    /// <summary>The policy that created it, if any.</summary>
    public string? PolicyId { get; set; }

    /// <summary>The subject a stop event cancels the policy's follow-ups for.</summary>
    public string? SubjectId { get; set; }

    /// <summary>Place in a repeating series (1, 2, ...) or among a policy's offsets.</summary>
    public int Sequence { get; set; }

    /// <summary>The admin's schedule request that created it, if any.</summary>
    public Guid? BatchId { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>The staff user who makes the contact; unassigned follow-ups show in every case worker's worklist.</summary>
    public Guid? AssigneeId { get; set; }

    public FollowUpState State { get; set; }

    /// <summary>Why the dispatcher did not make a due follow-up due (module disabled, consent withdrawn); null otherwise.</summary>
    public FollowUpHoldReason? HoldReason { get; set; }

    /// <summary>When the dispatcher made it due.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>When the dispatcher found it still open past the grace period.</summary>
    public DateTime? OverdueAt { get; set; }

    /// <summary>Whether the participant was reached; set when it is done or missed.</summary>
    public bool? Reached { get; set; }

    /// <summary>The outcome recorded when it was completed, if any.</summary>
    public Guid? OutcomeId { get; set; }

    public string? Note { get; set; }

    public DateTime? ClosedAt { get; set; }

    public Guid? ClosedById { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>The dispatcher run that last moved it (made it due or overdue): how a run finds the rows its conditional update claimed.</summary>
    public Guid? ClaimToken { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsOpen => State is FollowUpState.Scheduled or FollowUpState.Due;
}

/// <summary>Where a follow-up is: scheduled → due → done, missed or cancelled.</summary>
public enum FollowUpState
{
    /// <summary>Planned; not yet due.</summary>
    Scheduled = 1,

    /// <summary>Due: in the assignee's worklist, notified.</summary>
    Due = 2,

    /// <summary>Made: the participant was reached.</summary>
    Done = 3,

    /// <summary>Not made: the participant was not reached, or the follow-up stayed open past its window.</summary>
    Missed = 4,

    /// <summary>Cancelled by an admin, a stop event or a merge.</summary>
    Cancelled = 5,
}

/// <summary>Why a follow-up that has come due is not dispatched.</summary>
public enum FollowUpHoldReason
{
    /// <summary>The tenant has disabled the follow-up's module.</summary>
    ModuleDisabled = 1,

    /// <summary>The participant has withdrawn consent to follow-up contact.</summary>
    ConsentWithdrawn = 2,
}
