namespace Integration.Abstractions.Participants;

/// <summary>Where an enrolment (inskrivning) is: referred → waitlisted → active → paused → exited.</summary>
public enum EnrolmentStatus
{
    /// <summary>Referred to the activity, not yet started.</summary>
    Referred = 1,

    /// <summary>Waiting for a place.</summary>
    Waitlisted = 2,

    /// <summary>Taking part.</summary>
    Active = 3,

    /// <summary>Paused for a while (illness, parental leave).</summary>
    Paused = 4,

    /// <summary>Left the activity (avslut).</summary>
    Exited = 5,
}

/// <summary>Why a participant left (avslut).</summary>
public enum ExitReason
{
    /// <summary>Completed the activity.</summary>
    Completed = 1,

    /// <summary>Left for a job.</summary>
    Employment = 2,

    /// <summary>Left for studies.</summary>
    Studies = 3,

    /// <summary>Moved away.</summary>
    Moved = 4,

    /// <summary>Dropped out.</summary>
    DroppedOut = 5,

    /// <summary>Any other reason.</summary>
    Other = 6,
}
