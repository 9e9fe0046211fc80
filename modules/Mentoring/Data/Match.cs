using Integration.Abstractions.Data;

namespace Integration.Modules.Mentoring.Data;

/// <summary>A participant matched with a mentor: active, paused for a while, or ended.</summary>
internal sealed class Match : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>An id only: no foreign key into the host's tables.</summary>
    public Guid ParticipantId { get; set; }

    /// <summary>The participant's enrolment in the module (host id) the match and its check-ins belong to.</summary>
    public Guid EnrolmentId { get; set; }

    /// <summary>The enrolment's programme, for the rollups.</summary>
    public Guid ProgrammeId { get; set; }

    public Guid MentorId { get; set; }

    public MatchStatus Status { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The first day of the current (or last) active period: the start, or the day it was resumed.</summary>
    public DateOnly ActiveSince { get; set; }

    /// <summary>When it was paused, while paused.</summary>
    public DateOnly? PausedOn { get; set; }

    public DateOnly? EndDate { get; set; }

    public MatchEndReason? EndReason { get; set; }

    public string? Note { get; set; }

    public long Version { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal enum MatchStatus
{
    Active = 1,
    Paused = 2,
    Ended = 3,
}

internal enum MatchEndReason
{
    /// <summary>The goals are reached; the match ran its course.</summary>
    GoalsReached = 1,

    /// <summary>The participant got a job or studies, moved, or left the programme.</summary>
    ParticipantLeft = 2,

    /// <summary>The mentor cannot go on.</summary>
    MentorLeft = 3,

    /// <summary>The match did not work; a new one may be tried.</summary>
    NotAFit = 4,

    Other = 5,
}

/// <summary>A meeting of a match.</summary>
internal sealed class Meeting : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid MatchId { get; set; }

    public Guid ParticipantId { get; set; }

    public DateOnly Date { get; set; }

    public int DurationMinutes { get; set; }

    public MeetingKind Kind { get; set; }

    public string? Note { get; set; }

    public Guid? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal enum MeetingKind
{
    InPerson = 1,
    Phone = 2,
    Video = 3,

    /// <summary>A group activity (a language café, a study visit) the pair took part in together.</summary>
    GroupActivity = 4,
}

/// <summary>A goal the participant and mentor work towards, with its progress.</summary>
internal sealed class Goal : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid MatchId { get; set; }

    public Guid ParticipantId { get; set; }

    public required string Title { get; set; }

    public DateOnly? TargetDate { get; set; }

    /// <summary>0–100 per cent.</summary>
    public int Progress { get; set; }

    public GoalStatus Status { get; set; }

    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<GoalUpdate> Updates { get; } = [];
}

internal enum GoalStatus
{
    Open = 1,
    Achieved = 2,
    Dropped = 3,
}

/// <summary>One recorded step of a goal's progress.</summary>
internal sealed class GoalUpdate : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid GoalId { get; set; }

    public DateOnly Date { get; set; }

    public int Progress { get; set; }

    public GoalStatus Status { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAt { get; set; }
}
