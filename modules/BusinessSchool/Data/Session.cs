using Integration.Abstractions.Data;

namespace Integration.Modules.BusinessSchool.Data;

/// <summary>One session of a cohort; attendance is recorded for the whole cohort at once.</summary>
internal sealed class Session : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CohortId { get; set; }

    public DateOnly Date { get; set; }

    public BusinessTopic Topic { get; set; }

    public required string Teacher { get; set; }

    /// <summary>ISO 639.</summary>
    public required string Language { get; set; }

    /// <summary>The session's length in minutes (the API speaks hours, in quarters).</summary>
    public int Minutes { get; set; }

    /// <summary>Raised when the attendance changes; the ETag.</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Attendance> Attendance { get; } = [];
}

/// <summary>Whether a participant came to a session, and for how long.</summary>
internal sealed class Attendance : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid SessionId { get; set; }

    public Guid ParticipantId { get; set; }

    public AttendanceStatus Status { get; set; }

    /// <summary>Minutes attended: 0 unless present.</summary>
    public int Minutes { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>What a session or an advice meeting is about.</summary>
internal enum BusinessTopic
{
    BusinessIdea = 1,
    BusinessPlan = 2,
    Budget = 3,
    Bookkeeping = 4,
    FTaxAndVat = 5,
    Marketing = 6,
    Permits = 7,
    Financing = 8,
    Registration = 9,
    Insurance = 10,
    Other = 11,
}

internal enum AttendanceStatus
{
    Present = 1,

    /// <summary>Absent and said so beforehand (anmäld frånvaro); does not count as attended.</summary>
    Excused = 2,
    Absent = 3,
}
