using Integration.Abstractions.Data;

namespace Integration.Modules.Health.Data;

/// <summary>
/// One meeting: a session of a course on a health topic, or a physical-activity session open to every participant
/// enrolled in the module. Attendance is recorded for the whole group at once.
/// </summary>
internal sealed class Session : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public SessionKind Kind { get; set; }

    /// <summary>The course, for a course session; null for a physical-activity session.</summary>
    public Guid? CourseId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The topic of a course session.</summary>
    public HealthTopic? Topic { get; set; }

    /// <summary>The activity of a physical-activity session.</summary>
    public PhysicalActivity? Activity { get; set; }

    public int? DurationMinutes { get; set; }

    /// <summary>The language it is held in (ISO 639).</summary>
    public required string Language { get; set; }

    /// <summary>The language an interpreter interprets into (ISO 639); null without an interpreter.</summary>
    public string? InterpreterLanguage { get; set; }

    public string? Place { get; set; }

    /// <summary>Raised when the attendance changes; the ETag.</summary>
    public long Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Attendance> Attendance { get; } = [];
}

/// <summary>Whether a participant came to a session.</summary>
internal sealed class Attendance : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid SessionId { get; set; }

    public Guid ParticipantId { get; set; }

    public AttendanceStatus Status { get; set; }

    public DateTime RecordedAt { get; set; }
}

internal enum SessionKind
{
    CourseSession = 1,
    PhysicalActivity = 2,
}

/// <summary>Topics of the health school, as the programmes' health information is given.</summary>
internal enum HealthTopic
{
    SwedishHealthCare = 1,
    MentalHealth = 2,
    Diet = 3,
    PhysicalActivity = 4,
    SleepAndStress = 5,
    DentalHealth = 6,
    SexualAndReproductiveHealth = 7,
    ChildHealth = 8,
    Other = 9,
}

internal enum PhysicalActivity
{
    Walk = 1,
    Gym = 2,
    Swimming = 3,
    Dance = 4,
    Cycling = 5,
    BallGames = 6,
    Yoga = 7,
    Other = 8,
}

internal enum AttendanceStatus
{
    Present = 1,
    Absent = 2,

    /// <summary>Absent and said so beforehand (anmäld frånvaro).</summary>
    Excused = 3,
}
